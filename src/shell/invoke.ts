/** The unwrap loop: peel wrappers and launchers off a command until the real program, then report it. */
import type { SimpleCommand, UnreadScript } from "./types.js";
import type { Ctx, Handler, Inv, Io, Unwrap } from "./model.js";
import { addProblem } from "./model.js";
import { normalizeProgram } from "./programs.js";
import { resolvePath } from "./paths.js";
import { WRAPPERS } from "./wrappers.js";
import { SCRIPT_RUNNERS } from "./scripts.js";
import { FANOUT } from "./fanout.js";
import { LAUNCHERS } from "./launchers.js";
import { CONTAINERS } from "./containers.js";
import { EXEC_LAUNCHERS } from "./exec-launchers.js";
import { IAC_WRAPPERS } from "./iac-wrappers.js";
import { inlineFor } from "./inline.js";
import { followProject } from "./project/follow.js";
import { selfEntryWords } from "./self-entry.js";

const HANDLERS: Readonly<Record<string, Handler>> = { ...WRAPPERS, ...SCRIPT_RUNNERS, ...FANOUT, ...LAUNCHERS, ...EXEC_LAUNCHERS, ...IAC_WRAPPERS, ...CONTAINERS };
const MAX_UNWRAP = 64;

function programOf(inv: Inv, ctx: Ctx): string {
  const head = inv.words[0];
  if (!head || head.unresolved || head.glob) return "";
  return normalizeProgram(head.value, ctx.names);
}

/** The stdin text or file a command reads, when known (optional fields: absent otherwise). */
export function stdinFacts(io: Io): { stdinText?: string; stdinPath?: string } {
  return {
    ...(io.stdinText !== undefined ? { stdinText: io.stdinText } : {}),
    ...(io.stdinPath !== undefined ? { stdinPath: io.stdinPath } : {}),
  };
}

/** Names of dotenv variables whose values (4 characters or more) are in the command's words. */
function dotenvArgs(inv: Inv): { dotenvArgs?: string[] } {
  const dotenv = inv.scope.dotenv;
  if (!dotenv) return {};
  const names = Object.entries(dotenv)
    .filter(([, v]) => v.length >= 4 && inv.words.slice(1).some((w) => w.value.includes(v)))
    .map(([n]) => n);
  return names.length > 0 ? { dotenvArgs: names.sort() } : {};
}

/** Report the command as it stands now. */
export function emit(inv: Inv, ctx: Ctx, extra: { program?: string; inlineCode?: string | undefined; unresolved?: boolean; unread?: UnreadScript } = {}): void {
  if (inv.words.length === 0) return;
  if (--ctx.budget < 0) {
    addProblem(ctx, "too many commands: analysis stopped");
    return;
  }
  const program = extra.program ?? programOf(inv, ctx);
  const unresolved = program === "" || inv.unresolved || inv.scope.taint || !!extra.unresolved || inv.words.some((w) => w.unresolved);
  // Script text that came from an unresolved word may hide anything in any position: every word counts as unresolved.
  const unresolvedArgs = inv.words.flatMap((w, i) => (w.unresolved || inv.scope.taint ? [i] : []));
  const cmd: SimpleCommand = {
    program,
    argv: inv.words.map((w) => w.value),
    env: { ...inv.env },
    lineEnv: [...inv.lineEnv],
    cwd: inv.cwd,
    wrappers: [...inv.wrappers],
    depth: inv.depth,
    stdin: inv.io.stdin,
    ...stdinFacts(inv.io),
    ...(inv.io.stdoutTo ? { stdoutTo: inv.io.stdoutTo } : {}),
    ...dotenvArgs(inv),
    ...(inv.mounts ? { mounts: inv.mounts } : {}),
    unresolved,
    inlineCode: extra.inlineCode,
    text: inv.text,
    ...(inv.cwdUnresolved ? { cwdUnresolved: true } : {}),
    ...(inv.scope.via ? { via: inv.scope.via } : {}),
    ...(extra.unread ? { unread: extra.unread } : {}),
    ...(unresolvedArgs.length > 0 ? { unresolvedArgs } : {}),
    ...(inv.unknownEnv && inv.unknownEnv.size > 0 ? { unresolvedEnv: [...inv.unknownEnv] } : {}),
  };
  ctx.commands.push(cmd);
}

/** Apply an `inner` unwrap: the wrapper's env, cwd and stdin changes carry into the command it runs. */
function enter(inv: Inv, u: Extract<Unwrap, { kind: "inner" }>): Inv {
  let env: Record<string, string> = u.clearEnv ? {} : { ...inv.env };
  const lineEnv = new Set(u.clearEnv ? [] : inv.lineEnv);
  for (const name of u.unset ?? []) {
    delete env[name];
    lineEnv.delete(name);
  }
  if (u.env) {
    env = { ...env, ...u.env };
    for (const k of Object.keys(u.env)) lineEnv.add(k);
  }
  return {
    ...inv,
    words: u.words,
    env,
    lineEnv,
    wrappers: [...inv.wrappers, u.wrapper],
    io: u.io ?? inv.io,
    cwd: u.chdir !== undefined ? resolvePath(inv.cwd, u.chdir) : inv.cwd,
    unresolved: inv.unresolved || !!u.unresolved,
    ...(u.mounts && u.mounts.length > 0 ? { mounts: u.mounts } : {}),
  };
}

function apply(inv: Inv, u: Unwrap, ctx: Ctx): Inv | undefined {
  switch (u.kind) {
    case "final":
      emit(inv, ctx, { ...(u.program !== undefined ? { program: u.program } : {}), inlineCode: u.inlineCode, unresolved: !!u.unresolved });
      return undefined;
    case "inner":
      if (u.emitSelf) emit(inv, ctx);
      return enter(inv, u);
    case "script": {
      if (u.emitSelf) emit(inv, ctx);
      const at = u.io ? { ...inv, io: u.io } : inv;
      ctx.runScript(u.source, at, u.wrapper, u.unresolved);
      return undefined;
    }
    case "many":
      if (u.emitSelf) emit(inv, ctx);
      for (const item of u.items) {
        const next = apply(inv, item.kind === "final" ? item : { ...item, emitSelf: false }, ctx);
        if (next) runInvocation(next, ctx);
      }
      return undefined;
    default: {
      const never: never = u;
      addProblem(ctx, `internal: unknown unwrap ${String((never as { kind: string }).kind)}`);
      return undefined;
    }
  }
}

/** Unwrap `inv` until a program without a handler remains, reporting it (with inline code if any). */
export function runInvocation(start: Inv, ctx: Ctx): void {
  let inv: Inv | undefined = start;
  for (let guard = 0; inv && guard < MAX_UNWRAP; guard++) {
    if (inv.words.length === 0) return;
    const program = programOf(inv, ctx);
    if (program === "") {
      emit(inv, ctx, { program: "" });
      return;
    }
    const self = selfEntryWords(program, inv, ctx);
    if (self) {
      inv = { ...inv, words: self, wrappers: [...inv.wrappers, program] };
      continue;
    }
    if (ctx.reader && followProject(program, inv, ctx, emit)) return;
    const handler = HANDLERS[program];
    const u = handler?.(inv.words, inv, ctx.names);
    if (!u) {
      const code = inlineFor(program, inv.words, inv.io);
      emit(inv, ctx, { program, inlineCode: code?.inlineCode, unresolved: !!code?.unresolved });
      return;
    }
    inv = apply(inv, u, ctx);
  }
  if (inv) {
    addProblem(ctx, `more than ${MAX_UNWRAP} nested wrappers`);
    emit(inv, ctx, { unresolved: true });
  }
}
