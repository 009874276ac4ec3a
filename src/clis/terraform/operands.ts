/** Which words of a terraform/tofu command could not be resolved, relative to its subcommand: a loop or
 *  fan-out over a literal subcommand (`for d in ...; do terraform -chdir=$d validate; done`, `find -exec
 *  terraform fmt {}`, `xargs terraform fmt`) leaves only operands or the directory unknown. Pure. */
import type { SimpleCommand } from "../../shell/types.js";
import { COMMAND_ACTIONS, canonical, detectSubcommand } from "./commands.js";

const CHDIR = /^--?chdir=/;

/** Does a subcommand have nested ones (`state`, `workspace`, `providers`, `metadata`, `env`)? */
function hasChildren(sub: string): boolean {
  const c = canonical(sub);
  return Object.keys(COMMAND_ACTIONS).some((k) => k.startsWith(`${c} `));
}

/** True when every unresolved word comes after the literal subcommand (and after a word that could
 *  extend it into a nested one), or is a `-chdir=` directory; the program itself must be literal. */
export function unresolvedOperandsOnly(cmd: SimpleCommand): boolean {
  const unresolved = new Set(cmd.unresolvedArgs ?? []);
  if (!cmd.unresolved && !cmd.cwdUnresolved) return false;
  if (cmd.program === "" || unresolved.has(0)) return false;
  // Something unresolved that is neither a word nor an environment value (an unresolved wrapper): not ours
  // to vouch for. An unknown environment value cannot change the subcommand (TF_CLI_ARGS goes after it).
  if (cmd.unresolved && unresolved.size === 0 && (cmd.unresolvedEnv ?? []).length === 0) return false;
  const args = cmd.argv.slice(1);
  let start = 0;
  for (; start < args.length; start++) {
    const a = args[start] ?? "";
    if (!a.startsWith("-")) break;
    if (unresolved.has(start + 1) && !CHDIR.test(a)) return false;
    if (/^--?chdir$/.test(a)) return false;
  }
  if (start >= args.length || unresolved.has(start + 1)) return false;
  const prefix = args.slice(start).map((word, i) => ({ word: unresolved.has(start + i + 1) ? "" : word, from: "" }));
  const det = detectSubcommand(prefix);
  if (det.subcommand === "") return false;
  const end = start + det.end;
  const next = end + 1;
  if (unresolved.has(next + 1) && hasChildren(det.subcommand)) return false;
  return [...unresolved].every((i) => i - 1 > end || CHDIR.test(args[i - 1] ?? ""));
}
