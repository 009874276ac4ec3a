/** One simple command: its substitutions, redirections, assignments and builtins, then the unwrap loop. */
import type { Assignment, Command, Word } from "unbash";
import type { Ctx, Inv, Io, RWord, Scope } from "./model.js";
import { applyRedirects } from "./redirects.js";
import { DECLARATIONS, READS_INTO, assign, changeDir, declare, readsInto, unset, type DeclArg } from "./builtins.js";
import { normalizeProgram } from "./programs.js";
import { resolveJoined, resolveWord } from "./words.js";
import { runInvocation, stdinFacts } from "./invoke.js";
import { recordWrites } from "./project/written.js";

function assignmentValue(a: Assignment, scope: Scope): { value: string | null; text: string } {
  if (a.value.type === "ArrayValue") return { value: null, text: a.text.slice(a.name.length + 1) };
  const w = resolveJoined(a.value, scope);
  let value: string | null = w.unresolved ? null : w.value;
  if (a.append && value !== null) {
    const prev = scope.vars[a.name];
    value = prev === undefined || prev === null ? null : prev + value;
  }
  return { value, text: a.value.text };
}

function declWord(a: Assignment, scope: Scope): { arg: DeclArg; word: RWord } {
  const { value, text } = assignmentValue(a, scope);
  const shown = `${a.name}${a.append ? "+=" : "="}${value ?? text}`;
  return { arg: { name: a.name, value, text }, word: { value: shown, unresolved: value === null } };
}

/** Process a declaration builtin's arguments in order; returns the argv words. */
function runDeclaration(program: string, name: RWord[], suffix: readonly (Word | Assignment)[], scope: Scope, ctx: Ctx): { words: RWord[]; exporting: boolean } {
  const words: RWord[] = [...name];
  const flags: string[] = [];
  const args: DeclArg[] = [];
  for (const s of suffix) {
    if (s.type === "Assignment") {
      const d = declWord(s, scope);
      args.push(d.arg);
      words.push(d.word);
      continue;
    }
    for (const f of resolveWord(s, scope)) {
      words.push(f);
      if (/^[-+][a-zA-Z]+$/.test(f.value)) flags.push(f.value);
      else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(f.value)) args.push({ name: f.value, value: undefined, text: f.value });
    }
  }
  return { words, exporting: declare(program, flags, args, scope, ctx) };
}

/** Walk one simple command in `scope`, reporting it and everything it runs. */
export function runCommand(cmd: Command, src: string, scope: Scope, io: Io, ctx: Ctx): void {
  const text = src.slice(cmd.pos, cmd.end);
  for (const p of cmd.prefix) ctx.walkSubs(p, src, scope, io);
  if (cmd.name) ctx.walkSubs(cmd.name, src, scope, io);
  for (const s of cmd.suffix) ctx.walkSubs(s, src, scope, io);
  const filesBefore = ctx.files.length;
  const cmdIo = applyRedirects(cmd.redirects, scope, io, text, ctx.files);
  recordWrites(ctx, filesBefore, cmd, scope);

  const assignments = cmd.prefix.filter((p): p is Assignment => p.type === "Assignment");
  if (!cmd.name) {
    const args: DeclArg[] = assignments.map((a) => ({ name: a.name, ...assignmentValue(a, scope) }));
    for (const a of args) assign(a.name, a.value ?? null, a.text, scope);
    if (scope.allexport && args.length > 0) exportAll(args, text, scope, io, ctx);
    return;
  }

  const inline: Record<string, string> = {};
  // Exported variables set earlier on the line to a value not known statically (`read X`, `X=$(...)`),
  // and inline ones (`X=$(...) cmd`).
  const unknownEnv = new Set([...(scope.unknownEnv ?? [])].filter((n) => Object.prototype.hasOwnProperty.call(scope.env, n)));
  for (const a of assignments) {
    const { value, text: t } = assignmentValue(a, scope);
    inline[a.name] = value ?? t;
    if (value === null) unknownEnv.add(a.name);
    else unknownEnv.delete(a.name);
  }
  const unresolved = unknownEnv.size > 0;

  const nameWords = resolveWord(cmd.name, scope);
  const head = nameWords[0];
  const program = head && !head.unresolved ? normalizeProgram(head.value, ctx.names) : "";
  let words: RWord[];
  let programOverride: string | undefined;
  if (DECLARATIONS.has(program) && nameWords.length === 1) {
    const d = runDeclaration(program, nameWords, cmd.suffix.filter((s): s is Word | Assignment => s.type === "Word" || s.type === "Assignment"), scope, ctx);
    words = d.words;
    if (d.exporting) programOverride = "export";
  } else {
    words = [...nameWords];
    for (const s of cmd.suffix) {
      if (s.type === "Word") words.push(...resolveWord(s, scope));
      else if (s.type === "Assignment") words.push(declWord(s, scope).word);
    }
  }

  const inv: Inv = {
    words,
    env: { ...scope.env, ...inline },
    lineEnv: new Set([...scope.lineEnv, ...Object.keys(inline)]),
    wrappers: scope.wrappers,
    io: cmdIo,
    cwd: scope.cwd,
    cwdUnresolved: scope.cwdUnresolved,
    unresolved,
    depth: scope.depth,
    text,
    scope,
    ...(unknownEnv.size > 0 ? { unknownEnv } : {}),
  };
  if (programOverride !== undefined) {
    ctx.commands.push({
      program: programOverride,
      argv: words.map((w) => w.value),
      env: inv.env,
      lineEnv: [...inv.lineEnv],
      cwd: inv.cwd,
      wrappers: [...inv.wrappers],
      depth: inv.depth,
      stdin: cmdIo.stdin,
      ...stdinFacts(cmdIo),
      unresolved: unresolved || scope.taint || words.some((w) => w.unresolved),
      inlineCode: undefined,
      text,
      ...(scope.via ? { via: scope.via } : {}),
    });
  } else runInvocation(inv, ctx);

  if (program === "cd" || program === "pushd" || program === "popd") changeDir(program, words, scope);
  else if (program === "unset") unset(words, scope);
  else if (program === "set") setOptions(words, scope);
  else if (READS_INTO.has(program)) readsInto(program, words, scope, cmdIo.stdinText);
}

/** `set -a`, `set -o allexport` (and `+a`, `+o allexport`): whether later plain assignments are exported. */
function setOptions(words: readonly RWord[], scope: Scope): void {
  for (let i = 1; i < words.length; i++) {
    const w = words[i]?.value ?? "";
    if (w === "--" || w === "-") break;
    if (/^[-+]o$/.test(w)) {
      if (words[i + 1]?.value === "allexport") scope.allexport = w.startsWith("-");
      i++;
    } else if (/^[-+][a-zA-Z]+$/.test(w) && w.includes("a")) scope.allexport = w.startsWith("-");
  }
}

/** Under `set -a`, `NAME=value` is `export NAME=value`: reported as an export, like the builtin. */
function exportAll(args: readonly DeclArg[], text: string, scope: Scope, io: Io, ctx: Ctx): void {
  declare("export", [], args, scope, ctx);
  const argv = ["export", ...args.map((a) => `${a.name}=${a.value ?? a.text}`)];
  ctx.commands.push({
    program: "export",
    argv,
    env: { ...scope.env },
    lineEnv: [...scope.lineEnv],
    cwd: scope.cwd,
    wrappers: [...scope.wrappers, "set -a"],
    depth: scope.depth,
    stdin: io.stdin,
    unresolved: scope.taint || args.some((a) => a.value === null),
    inlineCode: undefined,
    text,
    ...(scope.via ? { via: scope.via } : {}),
  });
}
