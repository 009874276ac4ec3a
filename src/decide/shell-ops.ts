/** Shell analysis -> operations: shell.exec per simple command (shell.opaque too where part of it is opaque),
 *  shell.incomplete when the line could not be fully analysed, plus what the interpreters learn. */
import path from "node:path";
import { GUARDED_PROGRAMS, getInterpreter } from "../clis/registry.js";
import type { Interpretation, Operation } from "../clis/types.js";
import { TREE_VIAS } from "../clis/file-tools/vias.js";
import { resolveRenamedPrograms } from "./renamed.js";
import type { BindMount, FileEffect, ShellAnalysis, SimpleCommand } from "../shell/types.js";
import { hostPathOf } from "../shell/mounts.js";

/** An effect inside a container, on the host paths its bind mounts come from. */
function onHost(f: FileEffect, mounts: readonly BindMount[]): FileEffect {
  return { ...f, path: hostPathOf(f.path, mounts), ...(f.archive !== undefined ? { archive: hostPathOf(f.archive, mounts) } : {}) };
}

const escaped = GUARDED_PROGRAMS.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
const GUARDED_WORD = new RegExp(`(?:^|[^A-Za-z0-9_-])(?:${escaped.join("|")})(?![A-Za-z0-9_-])`);

/** Does a text name a guarded CLI as a word? (Linear: one alternation, no nested quantifiers.) */
export function mentionsGuarded(text: string): boolean {
  return GUARDED_WORD.test(text);
}

/** Something reached through project scripts: the chain, then the command's own text (`npm run destroy -> cdk
 *  destroy`), then the summary when it says more than the text. */
function chainedText(via: readonly string[] | undefined, text: string, summary: string): string {
  if (!via || via.length === 0) return summary;
  const head = `${via.join(" -> ")} -> ${text}`;
  return summary === text ? head : `${head} (${summary})`;
}

function chained(cmd: SimpleCommand, summary: string): string {
  return chainedText(cmd.via, cmd.text, summary);
}

/** What a runner would run and could not be read: a script.unread request. */
function unreadOperation(cmd: SimpleCommand): Operation[] {
  const u = cmd.unread;
  if (!u) return [];
  return [
    {
      action: "script.unread",
      resource: { type: "Program", name: u.runner },
      context: { command: cmd.text, runner: u.runner, path: u.path, target: u.target, reason: u.reason, mentionsGuarded: mentionsGuarded(u.text) },
      summary: chained(cmd, `${cmd.text} (${u.path || u.target}: ${u.reason})`),
    },
  ];
}

function execOperation(cmd: SimpleCommand, action: "shell.exec" | "shell.opaque", learned?: Interpretation): Operation {
  const opaque = cmd.inlineCode ?? (cmd.unresolved ? cmd.text : "");
  return {
    action,
    resource: { type: "Program", name: cmd.program || "(unresolved)" },
    context: {
      command: cmd.text,
      program: cmd.program,
      args: cmd.argv.slice(1),
      wrappers: [...cmd.wrappers],
      depth: cmd.depth,
      stdin: cmd.stdin,
      unresolved: cmd.unresolved,
      inlineCode: cmd.inlineCode !== undefined,
      mentionsGuarded: opaque.length > 0 && mentionsGuarded(opaque),
      cwd: cmd.cwd,
      cwdUnresolved: cmd.cwdUnresolved === true,
      operations: [...new Set((learned?.operations ?? []).map((o) => o.action))],
      operandsOnly: learned?.operandsOnly === true,
    },
    summary: chained(cmd, cmd.text),
  };
}

interface ShellOps {
  readonly operations: Operation[];
  readonly files: FileEffect[];
}

export function shellOperations(line: string, analysis: ShellAnalysis): ShellOps {
  const operations: Operation[] = [];
  if (analysis.problems.length > 0) {
    operations.push({
      action: "shell.incomplete",
      resource: { type: "Program", name: "(line)" },
      context: {
        command: line.length > 4096 ? `${line.slice(0, 4096)}...` : line,
        problems: [...analysis.problems],
        mentionsGuarded: mentionsGuarded(line),
        commandCount: analysis.commands.length,
      },
      summary: line.length > 200 ? `${line.slice(0, 200)}...` : line,
    });
  }
  const files: FileEffect[] = [...analysis.files];
  for (const cmd of resolveRenamedPrograms(analysis.commands)) {
    const learned = getInterpreter(cmd.program)?.(cmd);
    operations.push(execOperation(cmd, "shell.exec", learned));
    const opaque = cmd.unresolved || cmd.cwdUnresolved === true || cmd.inlineCode !== undefined || cmd.program === "";
    if (opaque) operations.push(execOperation(cmd, "shell.opaque", learned));
    operations.push(...unreadOperation(cmd));
    if (!learned) continue;
    operations.push(...learned.operations.map((op) => ({ ...op, summary: chained(cmd, op.summary) })));
    // In a container, a path under a bind mount is the host path it is mounted from; reached through project
    // scripts, an effect keeps the chain for its reason.
    const onHostFiles = cmd.mounts ? learned.files.map((f) => onHost(f, cmd.mounts ?? [])) : learned.files;
    files.push(...(cmd.via && cmd.via.length > 0 ? onHostFiles.map((f) => ({ ...f, chain: cmd.via })) : onHostFiles));
  }
  return { operations, files };
}

function isWithin(p: string, dir: string): boolean {
  const rel = path.relative(dir, p);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/** Vias that take a whole tree (git clean and stash --all leave tracked files, rsync --delete the sent ones). */
const WHOLE_TREE_VIAS: ReadonlySet<string> = new Set([TREE_VIAS.remove, TREE_VIAS.findDelete, TREE_VIAS.move]);

/** Does a recursive tree action take in the whole workspace: on the root or a folder above it, or on a
 *  glob in a folder above it (`rm -rf /*`, `rm -rf ..`, `rm -rf "$(pwd)"`)? */
function coversRoot(effect: FileEffect, root: string): boolean {
  if (!WHOLE_TREE_VIAS.has(effect.via)) return false;
  const glob = /[*?[]/.test(path.basename(effect.path));
  const rel = path.relative(glob ? path.dirname(effect.path) : effect.path, root);
  const inside = !rel.startsWith("..") && !path.isAbsolute(rel);
  return glob ? inside && rel !== "" : inside;
}

/** A file effect as a file.<op> request. classify gives the path classes of archive members. */
export function fileOperation(effect: FileEffect, tool: string, classify: (abs: string) => readonly string[], where: { root: string; home: string }): Operation {
  const classes = new Set<string>();
  for (const m of effect.members ?? []) for (const c of classify(path.resolve(effect.path, m))) classes.add(c);
  classes.delete("outside-workspace");
  const tree = effect.archive !== undefined || effect.members !== undefined || effect.membersKnown !== undefined;
  return {
    action: `file.${effect.op}`,
    resource: { type: "File", path: effect.path, tree, unresolved: effect.unresolved === true, ...(effect.unlike ? { unlike: effect.unlike } : {}) },
    context: {
      tool,
      via: effect.via,
      command: effect.text,
      membersKnown: tree ? effect.membersKnown === true : true,
      memberClasses: [...classes],
      unresolved: effect.unresolved === true,
      coversWorkspace: tree && coversRoot(effect, where.root),
      exists: effect.exists === true,
      underHome: isWithin(effect.path, where.home),
      search: effect.search !== undefined,
    },
    summary: chainedText(effect.chain, effect.text, `${effect.via} ${effect.op} ${effect.path}`),
  };
}
