/** Azure: `az`. One `azure.<class>` request per call, plus an `object.write` / `object.delete` request per
 *  blob (or prefix) a storage call writes or deletes (remote Terraform state), plus the local file a download
 *  writes. docs/clis/azure.md. */
import type { ActionsWith } from "../../facts/index.js";
import type { AzureCall } from "../../facts/generated/33-azure.js";
import type { SimpleCommand } from "../../shell/types.js";
import type { CliDescriptor } from "../descriptor.js";
import { isCaptured } from "../printers.js";
import { objectOperation } from "../remote-objects.js";
import type { Interpretation, Operation } from "../types.js";
import { deploymentMode, nsgFacts, publicAccess, roleFacts, unmanageAction } from "./facts.js";
import { hasOpt, optValue, splitAzArgv } from "./grammar.js";
import { azStorageEffects } from "./storage.js";
import { verbClass, type VerbClass } from "./verbs.js";

function cut(v: string): string {
  return v.length > 200 ? v.slice(0, 200) : v;
}

function actionFor(cls: VerbClass, dryRun: boolean): ActionsWith<AzureCall> {
  if (dryRun) return "azure.dry-run";
  if (cls === "secret" || cls === "credentials") return "azure.secret";
  return `azure.${cls === "read" ? "read" : cls}`;
}

/** `az rest --method`: get (default) reads, delete deletes, anything else changes. */
function restClass(method: string | undefined): VerbClass {
  const m = (method ?? "get").toLowerCase();
  if (m === "get" || m === "head") return "read";
  return m === "delete" ? "delete" : "mutate";
}

function classOf(words: readonly string[], a: ReturnType<typeof splitAzArgv>, help: boolean): VerbClass {
  const path = words.join(" ");
  if (help) return "read";
  if (path === "rest") return restClass(optValue(a, "method", "m"));
  if (path === "aks get-credentials") {
    if ((optValue(a, "file", "f") ?? "") === "-") return "credentials";
    if (hasOpt(a, "admin")) return "secret";
  }
  if (path === "acr login" && hasOpt(a, "expose-token")) return "credentials";
  return verbClass(words);
}

export function interpretAz(cmd: SimpleCommand): Interpretation {
  const a = splitAzArgv(cmd.argv.slice(1));
  const words = a.words;
  const path = words.join(" ");
  const help = hasOpt(a, "help") || words[0] === "help" || words.length === 0 || (words.length === 1 && words[0] === "version");
  const cls = classOf(words, a, help);
  const dryRun = !help && (hasOpt(a, "dry-run", "dryrun") || words[words.length - 1] === "what-if");
  const subscription = optValue(a, "subscription") ?? "";
  const nsg = nsgFacts(path, a);
  const label = `az ${path}${dryRun ? " (dry run)" : ""}${subscription ? ` (subscription ${subscription})` : ""}`;
  const main: Operation = {
    action: actionFor(cls, dryRun),
    resource: { type: "Program", name: "az" },
    context: {
      command: cmd.text,
      group: words.slice(0, -1).join(" "),
      verb: words[words.length - 1] ?? "",
      verbClass: cls,
      flags: [...a.options.keys()].filter((k) => k !== ""),
      options: [...a.options].flatMap(([n, vs]) => vs.map((v) => `${n}=${cut(v)}`)),
      subscription,
      yes: hasOpt(a, "yes"),
      noWait: hasOpt(a, "no-wait"),
      mode: deploymentMode(a),
      actionOnUnmanage: unmanageAction(a),
      roles: roleFacts(path, a),
      publicAccess: publicAccess(a),
      nsg: { ...nsg },
      captured: isCaptured(cmd),
      dryRun,
      wrappers: [...cmd.wrappers],
      cwd: cmd.cwd,
    },
    summary: label,
  };
  if (help || dryRun || words[0] !== "storage") return { operations: [main], files: [] };
  const effects = azStorageEffects(cmd, path, a);
  return { operations: [main, ...effects.objects.map((o) => objectOperation(cmd, `az ${path}`, o))], files: [...effects.files] };
}

export const azureCli: CliDescriptor = {
  name: "azure",
  names: { programs: ["az"] },
  guarded: true,
  interpret: interpretAz,
};
