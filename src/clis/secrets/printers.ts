/** Commands whose purpose is to print a secret or a credential, as `secret.print` operations: the
 *  environment printers (printenv, env, echo/printf of "$TOKEN", declare -p, set), vault, the docker
 *  credential helpers, git credential fill, and instance metadata credentials (curl / wget). Pure. */
import type { SimpleCommand } from "../../shell/types.js";
import type { Operation } from "../types.js";
import { expandedNames, holdsSecret, secretNamesIn } from "./names.js";
import { feedsSecretSink } from "./sinks.js";

export type PrintKind = "credential" | "secret" | "metadata-credentials";

export function printOperation(cmd: SimpleCommand, operation: string, kind: PrintKind, names: readonly string[] = []): Operation {
  const program = cmd.program || "(unresolved)";
  return {
    action: "secret.print",
    resource: { type: "Program", name: program },
    context: { program, operation, kind, names: [...names], intoLogin: feedsSecretSink(cmd), command: cmd.text },
    summary: `${program} ${operation}${names.length > 0 ? ` (${names.join(", ")})` : ""}`,
  };
}

/** Every secret-holding name in the command's environment: what a dump prints. */
function dump(cmd: SimpleCommand, operation: string): Operation[] {
  const names = secretNamesIn(cmd.env);
  return names.length > 0 ? [printOperation(cmd, operation, "secret", names)] : [];
}

function named(cmd: SimpleCommand, operation: string, names: readonly string[]): Operation[] {
  const secret = names.filter((n) => holdsSecret(n, cmd.env[n]));
  return secret.length > 0 ? [printOperation(cmd, operation, "secret", secret)] : [];
}

/** printenv [NAME...]: no name prints the whole environment. */
export function printenvOps(cmd: SimpleCommand): Operation[] {
  const names = cmd.argv.slice(1).filter((a) => !a.startsWith("-"));
  return names.length === 0 ? dump(cmd, "printenv (all)") : named(cmd, "printenv", names);
}

/** env with no command left after its options prints the environment (a command after it is unwrapped by the shell stage). */
export function envOps(cmd: SimpleCommand): Operation[] {
  const args = cmd.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "-u" || a === "--unset" || a === "-C" || a === "--chdir" || a === "-S") i++;
    else if (!a.startsWith("-") && !a.includes("=")) return [];
  }
  return dump(cmd, "env (all)");
}

/** echo / printf of "$NAME" where NAME holds a secret (the shell stage leaves inherited variables unexpanded),
 *  or of any value a sourced dotenv file set (`source .env && echo $APP_KEY`). */
export function echoOps(cmd: SimpleCommand): Operation[] {
  const names = [...new Set([...expandedNames(cmd.argv.slice(1)).filter((n) => holdsSecret(n, cmd.env[n])), ...(cmd.dotenvArgs ?? [])])];
  return names.length > 0 ? [printOperation(cmd, "variables", "secret", names)] : [];
}

/** declare -p / typeset -p / export -p / set (no arguments): every variable; `declare -p NAME`: that one. */
export function declareOps(cmd: SimpleCommand): Operation[] {
  const [head = "", ...args] = cmd.argv;
  const opts = args.filter((a) => /^[-+][A-Za-z]+$/.test(a));
  const names = args.filter((a) => !/^[-+]/.test(a));
  if (head === "set") return args.length === 0 ? dump(cmd, "set (all)") : [];
  const printing = opts.some((o) => o.startsWith("-") && o.includes("p")) || args.length === 0 || (names.length === 0 && opts.every((o) => /^-[xrgaAilnu]*$/.test(o)));
  if (!printing || names.some((n) => n.includes("="))) return [];
  return names.length === 0 ? dump(cmd, `${head} -p (all)`) : named(cmd, `${head} -p`, names);
}
