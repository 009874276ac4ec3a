/** The full AST walk: every statement, compound command and substitution, with an exhaustive switch. */
import { forEachChild, parse } from "unbash";
import type {
  AndOr, ArithmeticExpression, CommandNode, CompoundCommand, CompoundList, ParsedScript, PipelineNode, Redirected, Statement,
  SyntaxNode, TestExpression,
} from "unbash";
import type { Ctx, Inv, Io, Scope } from "./model.js";
import { TERMINAL, addProblem, cloneScope } from "./model.js";
import { runCommand } from "./command.js";
import { catFile, commandWords, literalOutput } from "./literal.js";
import { WORDS } from "./words.js";
import { applyRedirects } from "./redirects.js";
import { emit } from "./invoke.js";

export const MAX_INPUT = 256 * 1024;

function depthProblem(ctx: Ctx): string {
  return `nesting deeper than ${ctx.maxDepth} levels`;
}

function checkErrors(script: ParsedScript, src: string, ctx: Ctx, depth: number): void {
  for (const e of script.errors ?? []) {
    const where = depth > 0 ? ` (nested at depth ${depth})` : "";
    addProblem(ctx, `parse error at offset ${e.pos}${where}: ${e.message} near ${JSON.stringify(src.slice(e.pos, e.pos + 20))}`);
  }
}

export function walkScript(script: ParsedScript, src: string, scope: Scope, io: Io, ctx: Ctx): void {
  const text = script.source ?? src;
  checkErrors(script, text, ctx, scope.depth);
  walkStatements(script.commands, text, scope, io, ctx);
}

function walkStatements(list: readonly Statement[], src: string, scope: Scope, io: Io, ctx: Ctx): void {
  for (const st of list) {
    if (ctx.budget < 0) return;
    // A background job runs in a subshell: its cd does not move the rest of the line.
    walkNode(st.command, src, st.background ? cloneScope(scope) : scope, io, ctx);
  }
}

function walkList(list: CompoundList, src: string, scope: Scope, io: Io, ctx: Ctx): void {
  walkStatements(list.commands, src, scope, io, ctx);
}

/** A nested script (`$(...)`, `<(...)`, backticks) runs in a subshell one level deeper. */
function enterNested(script: ParsedScript | undefined, src: string, scope: Scope, io: Io, ctx: Ctx, wrapper: string): void {
  if (!script) {
    addProblem(ctx, `could not parse ${wrapper}`);
    return;
  }
  if (scope.depth + 1 > ctx.maxDepth) {
    addProblem(ctx, depthProblem(ctx));
    return;
  }
  const child = cloneScope(scope, { depth: scope.depth + 1, wrappers: [...scope.wrappers, wrapper] });
  walkScript(script, src, child, io, ctx);
}

/** Find and walk command/process substitutions inside a word-level node (words, assignments, redirections). */
export function walkSubs(node: SyntaxNode, src: string, scope: Scope, io: Io, ctx: Ctx): void {
  switch (node.type) {
    case "CommandExpansion":
      enterNested(node.script, src, scope, io, ctx, node.text.startsWith("`") ? "`...`" : "$(...)");
      return;
    case "ArithmeticCommandExpansion":
      enterNested(node.script, src, scope, io, ctx, "$(...)");
      return;
    case "ProcessSubstitution":
      enterNested(node.script, src, scope, node.operator === ">" ? { stdin: "pipe", stdinText: undefined } : io, ctx, `${node.operator}(...)`);
      return;
    default:
      forEachChild(node, (child) => walkSubs(child, src, scope, io, ctx));
  }
}

function walkTest(e: TestExpression, src: string, scope: Scope, io: Io, ctx: Ctx): void {
  switch (e.type) {
    case "TestUnary":
      walkSubs(e.operand, src, scope, io, ctx);
      return;
    case "TestBinary":
      walkSubs(e.left, src, scope, io, ctx);
      walkSubs(e.right, src, scope, io, ctx);
      return;
    case "TestLogical":
      for (const o of e.operands) walkTest(o, src, scope, io, ctx);
      return;
    case "TestNot":
      walkTest(e.operand, src, scope, io, ctx);
      return;
    case "TestGroup":
      walkTest(e.expression, src, scope, io, ctx);
      return;
    default: {
      const never: never = e;
      addProblem(ctx, `internal: unknown test node ${(never as { type: string }).type}`);
    }
  }
}

function walkArith(e: ArithmeticExpression | undefined, src: string, scope: Scope, io: Io, ctx: Ctx): void {
  if (!e) return;
  switch (e.type) {
    case "ArithmeticBinary":
      walkArith(e.left, src, scope, io, ctx);
      walkArith(e.right, src, scope, io, ctx);
      return;
    case "ArithmeticUnary":
      walkArith(e.operand, src, scope, io, ctx);
      return;
    case "ArithmeticTernary":
      walkArith(e.test, src, scope, io, ctx);
      walkArith(e.consequent, src, scope, io, ctx);
      walkArith(e.alternate, src, scope, io, ctx);
      return;
    case "ArithmeticGroup":
      walkArith(e.expression, src, scope, io, ctx);
      return;
    case "ArithmeticWord":
    case "ArithmeticCommandExpansion":
      walkSubs(e, src, scope, io, ctx);
      return;
    default: {
      const never: never = e;
      addProblem(ctx, `internal: unknown arithmetic node ${(never as { type: string }).type}`);
    }
  }
}

/** Function and coproc bodies come in several shapes. */
function walkBody(body: CompoundList | CommandNode, src: string, scope: Scope, io: Io, ctx: Ctx): void {
  if (body.type === "CompoundList") walkList(body, src, scope, io, ctx);
  else walkNode(body, src, scope, io, ctx);
}

function walkRedirected(node: Redirected, src: string, scope: Scope, io: Io, ctx: Ctx): void {
  for (const r of node.redirects) walkSubs(r, src, scope, io, ctx);
  const inner = applyRedirects(node.redirects, scope, io, src.slice(node.pos, node.end), ctx.files);
  walkNode(node.command, src, scope, inner, ctx);
}

function walkCompound(node: CompoundCommand, src: string, scope: Scope, io: Io, ctx: Ctx): void {
  switch (node.type) {
    case "If":
      walkList(node.clause, src, scope, io, ctx);
      walkList(node.then, src, scope, io, ctx);
      for (const e of node.elif) {
        walkList(e.clause, src, scope, io, ctx);
        walkList(e.then, src, scope, io, ctx);
      }
      if (node.else) walkList(node.else, src, scope, io, ctx);
      return;
    case "For":
    case "Select":
      for (const w of node.wordlist ?? []) walkSubs(w, src, scope, io, ctx);
      scope.vars[node.name.value] = null;
      walkList(node.body, src, scope, io, ctx);
      return;
    case "ArithmeticFor":
      walkArith(node.initialize, src, scope, io, ctx);
      walkArith(node.test, src, scope, io, ctx);
      walkArith(node.update, src, scope, io, ctx);
      walkList(node.body, src, scope, io, ctx);
      return;
    case "While":
      walkList(node.clause, src, scope, io, ctx);
      walkList(node.body, src, scope, io, ctx);
      return;
    case "Subshell":
      walkList(node.body, src, cloneScope(scope), io, ctx);
      return;
    case "BraceGroup":
      walkList(node.body, src, scope, io, ctx);
      return;
    case "Case":
      walkSubs(node.word, src, scope, io, ctx);
      for (const item of node.items) {
        for (const p of item.pattern) walkSubs(p, src, scope, io, ctx);
        walkList(item.body, src, scope, io, ctx);
      }
      return;
    case "TestCommand":
      walkTest(node.expression, src, scope, io, ctx);
      return;
    case "ArithmeticCommand":
      walkArith(node.expression, src, scope, io, ctx);
      return;
    default: {
      const never: never = node;
      addProblem(ctx, `internal: unknown compound node ${(never as { type: string }).type}`);
    }
  }
}

function walkPipeline(commands: readonly CommandNode[], src: string, scope: Scope, io: Io, ctx: Ctx): void {
  if (commands.length === 1 && commands[0]) {
    walkNode(commands[0], src, scope, io, ctx);
    return;
  }
  let prev: CommandNode | undefined;
  commands.forEach((c, i) => {
    // Each element of a multi-command pipeline runs in its own subshell.
    const text = prev?.type === "Command" ? literalOutput(prev, scope, WORDS) : undefined;
    const file = prev?.type === "Command" && text === undefined ? catFile(prev, scope, WORDS) : undefined;
    const inIo: Io = prev ? { stdin: "pipe", stdinText: text, ...(file !== undefined ? { stdinPath: file } : {}) } : io;
    const next = commands[i + 1];
    const elemIo: Io = next?.type === "Command" ? { ...inIo, stdoutTo: commandWords(next, scope, WORDS) } : inIo;
    walkNode(c, src, cloneScope(scope), elemIo, ctx);
    prev = c;
  });
}

function walkNode(node: PipelineNode | AndOr, src: string, scope: Scope, io: Io, ctx: Ctx): void {
  switch (node.type) {
    case "AndOr":
      for (const c of node.commands) walkNode(c, src, scope, io, ctx);
      return;
    case "Pipeline":
      walkPipeline(node.commands, src, scope, io, ctx);
      return;
    case "Command":
      runCommand(node, src, scope, io, ctx);
      return;
    case "Redirected":
      walkRedirected(node, src, scope, io, ctx);
      return;
    case "Function":
      walkBody(node.body, src, cloneScope(scope), io, ctx);
      return;
    case "Coproc":
      walkBody(node.body, src, cloneScope(scope), TERMINAL, ctx);
      return;
    case "If":
    case "For":
    case "ArithmeticFor":
    case "Select":
    case "While":
    case "Subshell":
    case "BraceGroup":
    case "Case":
    case "TestCommand":
    case "ArithmeticCommand":
      walkCompound(node, src, scope, io, ctx);
      return;
    default: {
      const never: never = node;
      addProblem(ctx, `internal: unknown node ${(never as { type: string }).type}`);
    }
  }
}

/** `bash -c`, `eval`, ssh, heredoc-to-shell: parse the text and walk it one level deeper. */
export function runNestedScript(ctx: Ctx, source: string, inv: Inv, wrapper: string, taint: boolean): void {
  if (inv.depth + 1 > ctx.maxDepth) {
    addProblem(ctx, depthProblem(ctx));
    emit(inv, ctx, { unresolved: true });
    return;
  }
  if (source.length > MAX_INPUT) {
    addProblem(ctx, `nested script longer than ${MAX_INPUT} bytes was not parsed`);
    emit(inv, ctx, { unresolved: true });
    return;
  }
  if (--ctx.budget < 0) {
    addProblem(ctx, "too many commands: analysis stopped");
    return;
  }
  const base = cloneScope(inv.scope, {
    depth: inv.depth + 1,
    wrappers: [...inv.wrappers, wrapper],
    taint: inv.scope.taint || taint || inv.unresolved,
  });
  const child: Scope = { ...base, env: { ...inv.env }, lineEnv: new Set(inv.lineEnv), cwd: inv.cwd, cwdUnresolved: inv.cwdUnresolved };
  walkScript(parse(source), source, child, inv.io, ctx);
}
