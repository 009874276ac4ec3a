/** Wrappers that run a shell *string*: `bash -c`, `eval`, `ssh host CMD`, `watch`, `script -c`, `su -c`. */
import type { Handler, Inv, RWord, Unwrap } from "./model.js";
import { anyUnresolved, joinWords } from "./model.js";
import { hasOpt, optValue, parseOptions } from "./options.js";
import { SHELLS, normalizeProgram } from "./programs.js";

function script(wrapper: string, words: readonly RWord[]): Unwrap {
  if (words.length === 0) return { kind: "final" };
  return { kind: "script", wrapper, source: joinWords(words), unresolved: anyUnresolved(words) };
}

/** A shell reading its script from stdin: known text is parsed; unknown text (curl | sh) is unresolved. */
function stdinScript(name: string, inv: Inv): Unwrap {
  // A terminal is interactive; a file is like `bash FILE` (an opaque script, not hidden text).
  if (inv.io.stdin === "terminal" || inv.io.stdin === "file") return { kind: "final" };
  if (inv.io.stdinText !== undefined) return { kind: "script", wrapper: `${name} (stdin)`, source: inv.io.stdinText, unresolved: false };
  return { kind: "final", unresolved: true };
}

/** A shell's options: whether it runs `-c` text or reads stdin (`-s`), and the index of its first operand. */
export function shellOperands(w: readonly RWord[]): { dashC: boolean; fromStdin: boolean; index: number } {
  let i = 1;
  let dashC = false;
  let fromStdin = false;
  while (i < w.length) {
    const v = (w[i] as RWord).value;
    if (v === "--" || v === "-") {
      i++;
      break;
    }
    if (v.startsWith("--")) {
      const long = v.slice(2);
      if (long === "rcfile" || long === "init-file") i += 2;
      else if (long === "command") {
        dashC = true;
        i++;
      } else i++; // --norc, --noprofile, --login, --posix, ...
      continue;
    }
    if (!v.startsWith("-") && !v.startsWith("+")) break;
    const letters = v.slice(1);
    if (letters.includes("c")) dashC = true;
    if (letters.includes("s")) fromStdin = true;
    i += letters.includes("o") || letters.includes("O") ? 2 : 1;
  }
  return { dashC, fromStdin, index: i };
}

/** `bash [opts] -c SCRIPT [$0 args]`, `bash FILE`, `bash` reading stdin. */
const shell: Handler = (w, inv, names) => {
  const name = normalizeProgram(w[0]?.value ?? "sh", names);
  const { dashC, fromStdin, index: i } = shellOperands(w);
  if (dashC) {
    const body = w[i];
    if (!body) return { kind: "final" };
    return { kind: "script", wrapper: `${name} -c`, source: body.value, unresolved: body.unresolved };
  }
  if (i < w.length && !fromStdin) return { kind: "final" };
  return stdinScript(name, inv);
};

const evalH: Handler = (w) => script("eval", w.slice(1));

const su: Handler = (w, inv) => {
  const spec = { short: "cCgGsw", long: ["command", "session-command", "group", "supp-group", "shell", "whitelist-environment"] };
  const p = parseOptions(w, 1, spec);
  let cmd = optValue(p, "c", "C", "command", "session-command");
  if (cmd === undefined) {
    // su [-] USER -c CMD: options may follow the user.
    let j = p.index;
    if (w[j]?.value === "-") j++;
    const p2 = parseOptions(w, j + 1, spec);
    cmd = optValue(p2, "c", "C", "command", "session-command");
  }
  if (cmd === undefined) return stdinScript("su", inv);
  return { kind: "script", wrapper: "su -c", source: cmd, unresolved: false };
};

const watch: Handler = (w) => {
  const p = parseOptions(w, 1, { short: "nqs", long: ["interval", "equexit", "shotsdir"] });
  const rest = w.slice(p.index);
  if (hasOpt(p, "x", "exec")) return rest.length ? { kind: "inner", wrapper: "watch", words: rest } : { kind: "final" };
  return script("watch", rest);
};

const scriptCmd: Handler = (w) => {
  const p = parseOptions(w, 1, { short: "cEIOBTm", long: ["command", "echo", "log-in", "log-out", "log-io", "log-timing", "logging-format", "output-limit"] });
  const cmd = optValue(p, "c", "command");
  if (cmd === undefined) return { kind: "final" };
  return { kind: "script", wrapper: "script -c", source: cmd, unresolved: false };
};

const SSH_SPEC = { short: "BbcDEeFIiJLlmOoPpQRSWw" };

/** `ssh [opts] host [opts] CMD...`: the remote words are joined and run by the remote shell. */
const ssh: Handler = (w, inv) => {
  const p = parseOptions(w, 1, SSH_SPEC);
  if (p.index >= w.length) return { kind: "final" };
  const p2 = parseOptions(w, p.index + 1, SSH_SPEC);
  // No remote command: the remote shell reads its script from our stdin (`ssh host <<EOF`).
  if (p2.index >= w.length) return hasOpt(p, "N", "n") || hasOpt(p2, "N", "n") ? { kind: "final" } : stdinScript("ssh", inv);
  return script("ssh", w.slice(p2.index));
};

/** `trap 'CMD' SIGNAL...`: CMD runs later, in this shell. */
const trap: Handler = (w) => {
  const p = parseOptions(w, 1, {});
  if (hasOpt(p, "p", "l", "P")) return { kind: "final" };
  const action = w[p.index];
  if (!action || w.length - p.index < 2 || action.value === "-" || action.value === "") return { kind: "final" };
  return { kind: "script", wrapper: "trap", source: action.value, unresolved: action.unresolved };
};

export const SCRIPT_RUNNERS: Readonly<Record<string, Handler>> = {
  eval: evalH,
  trap,
  su,
  watch,
  script: scriptCmd,
  ssh,
  ...Object.fromEntries([...SHELLS].map((s) => [s, shell])),
};
