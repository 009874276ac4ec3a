/** Process wrappers that run their argument words as a command: sudo, env, timeout, nice, ... */
import type { Handler, RWord, Unwrap } from "./model.js";
import { lit } from "./model.js";
import { hasOpt, isAssignWord, optValue, optValues, parseOptions, type OptSpec } from "./options.js";

function inner(wrapper: string, words: readonly RWord[], extra?: Partial<Extract<Unwrap, { kind: "inner" }>>): Unwrap {
  return words.length === 0 ? { kind: "final" } : { kind: "inner", wrapper, words, ...extra };
}

/** A wrapper whose command starts right after its options. */
function simple(name: string, spec: OptSpec, finalIf = ""): Handler {
  return (w) => {
    const p = parseOptions(w, 1, spec);
    if (finalIf && p.opts.some(([n]) => finalIf.includes(n) && n.length === 1)) return { kind: "final" };
    return inner(name, w.slice(p.index));
  };
}

/** A wrapper with options, then one positional (duration, priority, mask, user, dir), then the command. */
function skipOne(name: string, spec: OptSpec, finalIf = ""): Handler {
  return (w) => {
    const p = parseOptions(w, 1, spec);
    if (finalIf && p.opts.some(([n]) => finalIf.includes(n) && n.length === 1)) return { kind: "final" };
    return inner(name, w.slice(p.index + 1));
  };
}

/** Leading `NAME=value` words (env, sudo) become environment entries. */
function takeAssignments(w: readonly RWord[], from: number): { env: Record<string, string>; index: number; unresolved: boolean } {
  const env: Record<string, string> = {};
  let i = from;
  let unresolved = false;
  for (; i < w.length; i++) {
    const word = w[i] as RWord;
    if (!isAssignWord(word.value)) break;
    const eq = word.value.indexOf("=");
    env[word.value.slice(0, eq)] = word.value.slice(eq + 1);
    unresolved ||= word.unresolved;
  }
  return { env, index: i, unresolved };
}

const sudo: Handler = (w) => {
  const p = parseOptions(w, 1, {
    short: "ugpCUrtTDRh",
    long: ["user", "group", "prompt", "close-from", "other-user", "role", "type", "command-timeout", "chdir", "chroot", "host"],
  });
  if (hasOpt(p, "l", "v", "k", "K", "V", "e", "list", "validate", "edit", "version", "help")) return { kind: "final" };
  const a = takeAssignments(w, p.index);
  const chdir = optValue(p, "D", "chdir");
  return inner("sudo", w.slice(a.index), { env: a.env, unresolved: a.unresolved, ...(chdir ? { chdir } : {}) });
};

const env: Handler = (w) => {
  const p = parseOptions(w, 1, { short: "uCS", long: ["unset", "chdir", "split-string"] });
  let index = p.index;
  let clearEnv = hasOpt(p, "i", "ignore-environment");
  if (!p.dashdash && w[index]?.value === "-") {
    clearEnv = true;
    index++;
  }
  const a = takeAssignments(w, index);
  let rest = w.slice(a.index);
  const split = optValue(p, "S", "split-string");
  if (split !== undefined) rest = [...split.split(/[ \t\n]+/).filter((s) => s !== "").map(lit), ...rest];
  const chdir = optValue(p, "C", "chdir");
  const unset = optValues(p, "u", "unset");
  return inner("env", rest, { env: a.env, unset, clearEnv, unresolved: a.unresolved, ...(chdir ? { chdir } : {}) });
};

const command: Handler = (w) => {
  const p = parseOptions(w, 1, {});
  if (hasOpt(p, "v", "V")) return { kind: "final" };
  return inner("command", w.slice(p.index));
};

const chrt: Handler = (w) => {
  const p = parseOptions(w, 1, { short: "TPD", long: ["sched-runtime", "sched-period", "sched-deadline"] });
  if (hasOpt(p, "p", "m", "pid", "max")) return { kind: "final" };
  return inner("chrt", w.slice(p.index + 1));
};

const chroot: Handler = (w) => {
  const p = parseOptions(w, 1, { long: ["userspec", "groups"] });
  return inner("chroot", w.slice(p.index + 1));
};

const flock: Handler = (w) => {
  const p = parseOptions(w, 1, { short: "wEc", long: ["timeout", "conflict-exit-code", "command"] });
  const cmd = optValue(p, "c", "command");
  if (cmd !== undefined) return { kind: "script", wrapper: "flock -c", source: cmd, unresolved: false };
  const rest = w.slice(p.index + 1);
  const p2 = parseOptions(rest, 0, { short: "wEc", long: ["timeout", "conflict-exit-code", "command"] });
  const cmd2 = optValue(p2, "c", "command");
  if (cmd2 !== undefined) return { kind: "script", wrapper: "flock -c", source: cmd2, unresolved: false };
  return inner("flock", rest.slice(p2.index));
};

const busybox: Handler = (w) => inner("busybox", w.slice(1));

export const WRAPPERS: Readonly<Record<string, Handler>> = {
  sudo,
  env,
  command,
  chrt,
  chroot,
  flock,
  busybox,
  doas: simple("doas", { short: "uC" }, "L"),
  run0: simple("run0", { short: "uDgM", long: ["user", "chdir", "group", "machine", "setenv", "description", "property", "slice", "unit", "nice", "background"] }),
  pkexec: simple("pkexec", { long: ["user"] }),
  builtin: (w) => inner("builtin", w.slice(1)),
  exec: simple("exec", { short: "a" }),
  nohup: simple("nohup", {}),
  nice: simple("nice", { short: "n", long: ["adjustment"], numeric: true }),
  time: simple("time", { short: "fo", long: ["format", "output"] }),
  timeout: skipOne("timeout", { short: "sk", long: ["signal", "kill-after"] }),
  stdbuf: simple("stdbuf", { short: "ioe", long: ["input", "output", "error"] }),
  ionice: simple("ionice", { short: "cnpPu", long: ["class", "classdata", "pid", "pgid", "uid"] }, "pPu"),
  setsid: simple("setsid", {}),
  taskset: skipOne("taskset", {}, "p"),
  unbuffer: simple("unbuffer", {}),
  caffeinate: simple("caffeinate", { short: "tw" }),
  torsocks: simple("torsocks", { short: "uaPp", long: ["user", "pass", "address", "port"] }),
  proxychains: simple("proxychains", { short: "f" }),
  proxychains4: simple("proxychains4", { short: "f" }),
  strace: simple("strace", { short: "abeEIoOpPsSuUX", long: ["output", "trace", "signal", "user", "env"] }, "p"),
  ltrace: simple("ltrace", { short: "aeEnolpsuxLAD", long: ["output", "library"] }, "p"),
  gosu: skipOne("gosu", {}),
  "su-exec": skipOne("su-exec", {}),
};
