/** Commands that run another command once per input item: xargs, find -exec, parallel. */
import type { Handler, Inv, RWord, Unwrap } from "./model.js";
import { TERMINAL, anyUnresolved, joinWords, lit } from "./model.js";
import { hasOpt, optValue, parseOptions } from "./options.js";

const MAX_ITEMS = 16;

/** Items xargs/parallel would read from stdin, when the piped text is known literally. */
function stdinItems(inv: Inv, sep: "ws" | "line" | "nul"): string[] | undefined {
  const text = inv.io.stdinText;
  if (text === undefined) return undefined;
  const raw = sep === "nul" ? text.split("\0") : sep === "line" ? text.split("\n") : text.split(/[ \t\n]+/);
  const items = raw.filter((s) => s !== "");
  return items.length <= MAX_ITEMS ? items : undefined;
}

function substitute(template: readonly RWord[], token: string, item: string): RWord[] {
  return template.map((w) => (w.value.includes(token) ? { ...w, value: w.value.split(token).join(item) } : w));
}

/** The words that an unknown item fills are unresolved (their text stays, e.g. `{}`): the rest of the
 *  command, its program and subcommand included, is as literal as it was written. */
function placeholders(template: readonly RWord[], token: string): RWord[] {
  return template.map((w) => (w.value.includes(token) ? { ...w, unresolved: true } : w));
}

/** Unknown items appended to the command (xargs without -I): one unresolved word stands for them. */
const UNKNOWN_ITEMS: RWord = { value: "{}", unresolved: true };

/** `xargs [opts] CMD ARGS`: stdin becomes extra arguments; unknown stdin leaves them unresolved. */
const xargs: Handler = (w, inv) => {
  const p = parseOptions(w, 1, {
    short: "ILnPsdaE",
    long: ["replace", "max-lines", "max-args", "max-procs", "max-chars", "delimiter", "arg-file", "eof", "process-slot-var"],
  });
  let template = w.slice(p.index);
  if (template.length === 0) template = [lit("echo")];
  const replace = optValue(p, "I", "replace") ?? (hasOpt(p, "i") ? optValue(p, "i") || "{}" : undefined);
  const io = hasOpt(p, "o", "open-tty") ? inv.io : TERMINAL;
  const fromFile = hasOpt(p, "a", "arg-file");
  const sep = hasOpt(p, "0", "null") ? "nul" : replace !== undefined || hasOpt(p, "d", "delimiter") ? "line" : "ws";
  const items = fromFile ? undefined : stdinItems(inv, sep);
  if (items === undefined) {
    const words = replace === undefined ? [...template, UNKNOWN_ITEMS] : placeholders(template, replace);
    return { kind: "inner", wrapper: "xargs", words, io };
  }
  if (replace === undefined) return { kind: "inner", wrapper: "xargs", words: [...template, ...items.map(lit)], io };
  return {
    kind: "many",
    emitSelf: false,
    items: items.map((item) => ({ kind: "inner", wrapper: "xargs", words: substitute(template, replace, item), io })),
  };
};

const EXEC_FLAGS = new Set(["-exec", "-execdir", "-ok", "-okdir"]);

/** `find ... -exec CMD {} \;` (or `+`): each exec clause is a command; find itself is reported too. */
const find: Handler = (w) => {
  const items: Unwrap[] = [];
  for (let i = 1; i < w.length; i++) {
    const flag = (w[i] as RWord).value;
    if (!EXEC_FLAGS.has(flag)) continue;
    const start = i + 1;
    let end = start;
    while (end < w.length && w[end]?.value !== ";" && w[end]?.value !== "+") end++;
    const cmd = w.slice(start, end);
    if (cmd.length > 0) items.push({ kind: "inner", wrapper: `find ${flag}`, words: placeholders(cmd, "{}") });
    i = end;
  }
  return items.length ? { kind: "many", items, emitSelf: true } : undefined;
};

const SEPARATORS = new Set([":::", "::::", ":::+", "::::+"]);

/** GNU parallel: `parallel [opts] CMD ::: args` runs CMD per arg via a shell; no CMD means the args are commands. */
const parallel: Handler = (w, inv) => {
  const p = parseOptions(w, 1, {
    short: "jNnSadICEX",
    long: ["jobs", "sshlogin", "arg-file", "delimiter", "colsep", "results", "joblog", "tmpdir", "timeout", "env", "workdir", "basefile", "max-args", "halt", "memfree", "load"],
  });
  const rest = w.slice(p.index);
  const sepAt = rest.findIndex((x) => SEPARATORS.has(x.value));
  const template = sepAt < 0 ? rest : rest.slice(0, sepAt);
  let args: RWord[] | undefined = sepAt < 0 ? undefined : rest.slice(sepAt + 1).filter((x) => !SEPARATORS.has(x.value));
  if (args === undefined && !hasOpt(p, "a", "arg-file")) {
    const items = stdinItems(inv, "line");
    if (items) args = items.map(lit);
  }
  if (args === undefined || args.length > MAX_ITEMS) {
    if (template.length === 0) return { kind: "final", unresolved: true };
    return { kind: "script", wrapper: "parallel", source: joinWords(template), unresolved: true };
  }
  const tmpl = joinWords(template);
  const items: Unwrap[] = args.map((a) => ({
    kind: "script",
    wrapper: "parallel",
    source: template.length === 0 ? a.value : tmpl.includes("{}") ? tmpl.split("{}").join(a.value) : `${tmpl} ${a.value}`,
    unresolved: a.unresolved || anyUnresolved(template),
  }));
  return { kind: "many", items, emitSelf: false };
};

export const FANOUT: Readonly<Record<string, Handler>> = { xargs, find, parallel };
