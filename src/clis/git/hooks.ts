/** git operations that run hooks (commit, merge, am, rebase, push) and `git config`: the facts that let
 *  self-protection deny skipping the pre-commit gate or repointing core.hooksPath. */
import { parseArgs, hasFlag } from "../file-tools/args.js";
import type { Operation } from "../types.js";
import { gitOperation, normalizeConfigKey, type GitInvocation } from "./call.js";

/** Short options that take a value, per subcommand (so `-m "fix -n"` is not read as -n). */
const SHORT_VALUED: Readonly<Record<string, string>> = {
  commit: "mFcCt",
  merge: "mFsX",
  am: "pCS",
  rebase: "sXx",
  "cherry-pick": "mXs",
  revert: "mXs",
  push: "o",
};
const LONG_VALUED: Readonly<Record<string, readonly string[]>> = {
  commit: ["message", "file", "reuse-message", "reedit-message", "fixup", "squash", "template", "author", "date", "cleanup", "trailer", "pathspec-from-file"],
  merge: ["message", "file", "strategy", "strategy-option", "into-name"],
  push: ["push-option", "repo", "receive-pack", "exec", "recurse-submodules"],
};

/** `--no-verify` / `--verify` / commit's `-n`: the last one wins. Option values are skipped, so that
 *  `-m --no-verify` or `--message -n` is a message, not a flag. */
function skipsHooks(inv: GitInvocation, sub: string): boolean {
  let skip = false;
  const valued = SHORT_VALUED[sub] ?? "";
  const longValued = LONG_VALUED[sub] ?? [];
  for (let i = 0; i < inv.args.length; i++) {
    const a = inv.args[i] ?? "";
    if (a === "--") break;
    if (a === "--no-verify") skip = true;
    else if (a === "--verify") skip = false;
    else if (a.startsWith("--")) {
      if (longValued.includes(a.slice(2))) i++;
    } else if (/^-[^-]/.test(a)) {
      for (let j = 1; j < a.length; j++) {
        const ch = a[j] ?? "";
        if (sub === "commit" && ch === "n") skip = true;
        if (valued.includes(ch)) {
          if (j === a.length - 1) i++;
          break;
        }
      }
    }
  }
  return skip;
}

export function interpretHookRunner(inv: GitInvocation): Operation[] {
  const sub = inv.subcommand;
  const p = parseArgs(inv.args, { shortValued: SHORT_VALUED[sub] ?? "", longValued: LONG_VALUED[sub] ?? [] });
  const flags: string[] = [];
  if (skipsHooks(inv, sub)) flags.push("no-verify");
  if (sub === "commit") {
    if (hasFlag(p, "a", "all")) flags.push("all");
    if (hasFlag(p, "amend")) flags.push("amend");
  }
  if (sub === "push") {
    if (hasFlag(p, "f", "force")) flags.push("force");
    if (hasFlag(p, "force-with-lease")) flags.push("force-with-lease");
    if (hasFlag(p, "n", "dry-run")) flags.push("dry-run");
    if (hasFlag(p, "no-verify") && !flags.includes("no-verify")) flags.push("no-verify");
    const push = pushRefs(p.operands.slice(1), hasFlag(p, "all", "mirror", "branches"));
    if (push.force && !flags.includes("force")) flags.push("force");
    if (hasFlag(p, "mirror") && !flags.includes("force")) flags.push("force");
    return [gitOperation(inv, "git.push", { flags, refs: push.refs, source: p.operands[0] ?? "" })];
  }
  return [gitOperation(inv, "git.commit", { flags })];
}

/** Push refspecs -> the remote branches written (`src:dst` -> dst, `+x` forces x); `--all` / `--mirror` -> "*". */
function pushRefs(specs: readonly string[], all: boolean): { refs: string[]; force: boolean } {
  let force = false;
  const refs = specs.map((spec) => {
    const plus = spec.startsWith("+");
    if (plus) force = true;
    const body = plus ? spec.slice(1) : spec;
    const dst = body.includes(":") ? body.slice(body.indexOf(":") + 1) : body;
    return dst.replace(/^refs\/heads\//, "");
  }).filter((r) => r !== "");
  return { refs: all ? ["*", ...refs] : refs, force };
}

const CONFIG_WRITE_OPTS = ["unset", "unset-all", "add", "replace-all", "rename-section", "remove-section", "edit", "e"];
const CONFIG_READ_OPTS = ["get", "get-all", "get-regexp", "get-urlmatch", "list", "l", "show-origin", "name-only"];
const CONFIG_SCOPES = ["global", "system", "local", "worktree", "file", "f", "blob"];

/** `git config KEY VALUE`, `git config set KEY VALUE`, `--unset KEY`, ...: the keys it writes. Reads yield no keys. */
export function interpretConfig(inv: GitInvocation): Operation[] {
  const p = parseArgs(inv.args, { shortValued: "f", longValued: ["file", "blob", "type", "default", "comment", "value", "fixed-value"] });
  const [first, ...rest] = p.operands;
  const verbs = ["set", "unset", "get", "list", "edit", "rename-section", "remove-section"];
  const verb = first !== undefined && verbs.includes(first) ? first : undefined;
  const operands = verb ? rest : p.operands;
  const writeOpt = CONFIG_WRITE_OPTS.find((o) => p.flags.has(o));
  const readOpt = CONFIG_READ_OPTS.some((o) => p.flags.has(o));
  const writes = verb !== undefined ? !["get", "list"].includes(verb) : writeOpt !== undefined || (!readOpt && operands.length >= 2);
  const flags = [writes ? "set" : "get", ...CONFIG_SCOPES.filter((s) => p.flags.has(s)).map((s) => (s === "f" ? "file" : s))];
  const keys: string[] = [];
  if (writes) {
    const section = verb === "rename-section" || verb === "remove-section" || writeOpt === "rename-section" || writeOpt === "remove-section";
    const key = operands[0];
    if (key !== undefined) keys.push(section ? `${key.toLowerCase()}.*` : normalizeConfigKey(key));
    if (section && key?.toLowerCase() === "core") keys.push("core.hookspath");
    if (verb === "edit" || writeOpt === "edit" || writeOpt === "e") keys.push("(edit)");
  }
  return [gitOperation(inv, "git.config", { flags, configKeys: keys, subcommand: verb ? `config ${verb}` : "config" })];
}
