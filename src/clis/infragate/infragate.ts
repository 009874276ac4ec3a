/** infragate itself: an agent may check and explain, never re-baseline state, uninstall or reconfigure. */
import type { SimpleCommand } from "../../shell/types.js";
import type { Interpretation } from "../types.js";

const ADMIN_VERBS: ReadonlySet<string> = new Set(["state", "install", "uninstall", "policy", "audit"]);
const SAFE_SUBVERBS: Readonly<Record<string, readonly string[]>> = {
  policy: ["test", "validate"],
  audit: ["verify", "show", "head"],
  state: ["show"],
};

export function interpretInfragate(cmd: SimpleCommand): Interpretation {
  const words = cmd.argv.slice(1).filter((w) => !w.startsWith("-"));
  const verb = words[0] ?? "";
  const sub = words[1] ?? "";
  const admin = ADMIN_VERBS.has(verb) && !(SAFE_SUBVERBS[verb] ?? []).includes(sub);
  return {
    operations: [
      {
        action: admin ? "infragate.admin" : "infragate.use",
        resource: { type: "Program", name: "infragate" },
        context: { verb: sub ? `${verb} ${sub}` : verb, command: cmd.text },
        summary: `infragate ${verb}${sub ? ` ${sub}` : ""}`,
      },
    ],
    files: [],
  };
}
