/** `task [opts] [TASK...] [VAR=value...] [-- ARGS]` (taskfile.dev): deps, then cmds (`task:` calls followed), in
 *  the task's `dir`, with `vars`/`env` and `{{.VAR}}` templates; includes as `ns:task`; `--dry` runs nothing. */
import type { Ctx, Inv, RWord } from "../model.js";
import { resolvePath } from "../paths.js";
import { parseTaskfile, type TaskCmd, type TaskDef, type TaskVar, type Taskfile } from "./taskfile.js";
import { chainLabel, findUp, parseProjectFile, projectFileExists, readProjectFile, reportUnread, runFresh, UNRESOLVED_WORD, type Emit } from "./run.js";

const NAMES = ["Taskfile.yml", "taskfile.yml", "Taskfile.yaml", "taskfile.yaml", "Taskfile.dist.yml", "taskfile.dist.yml", "Taskfile.dist.yaml", "taskfile.dist.yaml"];
const VALUE_OPTS = new Set(["-d", "--dir", "-t", "--taskfile", "-C", "--concurrency", "-o", "--output", "--output-group-begin", "--output-group-end", "-I", "--interval", "--sort"]);
const NO_RUN = new Set(["-n", "--dry", "-l", "--list", "-a", "--list-all", "--summary", "-i", "--init", "--version", "-h", "--help", "--completion", "-j", "--json"]);
/** Includes read in all (a Taskfile including itself twice cannot fan out). */
const MAX_INCLUDES = 64;

interface Loaded {
  /** Tasks by full name (`ns:task`), with the directory of their Taskfile (or the include's `dir`). */
  readonly tasks: Map<string, { def: TaskDef; dir: string; ns: string; file: Taskfile }>;
  readonly root: Taskfile;
}

const dirOf = (file: string): string => file.slice(0, file.lastIndexOf("/")) || "/";

function load(ctx: Ctx, file: string, ns: string, dir: string, into: Loaded["tasks"], depth: number, left = { includes: MAX_INCLUDES }): Taskfile | { reason: "missing" | "too-large" | "binary" | "unreadable" | "written-unknown"; text: string } {
  const read = readProjectFile(ctx, file);
  if (!read.ok) return { reason: read.reason, text: read.text };
  const tf = parseProjectFile(ctx, read, "taskfile", parseTaskfile);
  if (!tf) return { reason: "unreadable", text: read.text };
  for (const [name, def] of tf.tasks) into.set(`${ns}${name}`, { def, dir, ns, file: tf });
  for (const inc of depth < 16 ? tf.includes : []) {
    if (left.includes-- <= 0) break;
    let target = resolvePath(dirOf(file), inc.taskfile);
    if (!/\.ya?ml$/.test(target)) target = NAMES.map((n) => `${target}/${n}`).find((p) => projectFileExists(ctx, p)) ?? `${target}/Taskfile.yml`;
    load(ctx, target, `${ns}${inc.namespace}:`, inc.dir ? resolvePath(dirOf(file), inc.dir) : dirOf(target), into, depth + 1, left);
  }
  return tf;
}

/** `{{.NAME}}` / `{{ .NAME }}` from `vars`; any other template is an unresolved word. */
function template(text: string, vars: Readonly<Record<string, string | null>>): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf("{{", i);
    if (open < 0) break;
    const close = text.indexOf("}}", open + 2);
    if (close < 0) break;
    out += text.slice(i, open);
    const expr = text.slice(open + 2, close).trim();
    const name = /^\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(expr)?.[1];
    const v = name === undefined ? null : (vars[name] ?? null);
    out += v === null ? UNRESOLVED_WORD : v;
    i = close + 2;
  }
  return out + text.slice(i);
}

/** Follow `task`. False when there is no Taskfile to read. */
export function followTask(inv: Inv, ctx: Ctx, emit: Emit): boolean {
  const w = inv.words;
  let dir: string | undefined;
  let file: string | undefined;
  let dry = false;
  const names: string[] = [];
  const cliVars: Record<string, string | null> = {};
  let cliArgs: readonly RWord[] = [];
  for (let i = 1; i < w.length; i++) {
    const word = w[i] as RWord;
    const v = word.value;
    if (v === "--") {
      cliArgs = w.slice(i + 1);
      break;
    }
    if (v.startsWith("-")) {
      const [flag = "", attached] = v.split("=", 2) as [string, string | undefined];
      if (NO_RUN.has(flag)) dry = true;
      if (VALUE_OPTS.has(flag)) {
        const value = attached ?? w[++i]?.value ?? "";
        if (flag === "-d" || flag === "--dir") dir = resolvePath(inv.cwd, value);
        if (flag === "-t" || flag === "--taskfile") file = resolvePath(inv.cwd, value);
      }
    } else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(v)) cliVars[v.slice(0, v.indexOf("="))] = word.unresolved ? null : v.slice(v.indexOf("=") + 1);
    else names.push(word.unresolved ? "\u0001" : v);
  }
  const found = file ? { dir: dirOf(file), file } : findUp(ctx, dir ?? inv.cwd, NAMES);
  if (!found) return false;
  emit(inv, ctx);
  const tasks: Loaded["tasks"] = new Map();
  const root = load(ctx, found.file, "", dir ?? found.dir, tasks, 0);
  if (!("tasks" in root)) {
    reportUnread(inv, ctx, emit, { runner: "task", path: found.file, target: names.join(" "), reason: root.reason, text: root.text });
    return true;
  }
  if (dry) return true;
  const label = chainLabel(inv.text);
  const base: Record<string, string | null> = {
    ...inv.env,
    CLI_ARGS: cliArgs.some((a) => a.unresolved) ? null : cliArgs.map((a) => a.value).join(" "),
    ROOT_DIR: found.dir,
    TASKFILE_DIR: found.dir,
    USER_WORKING_DIR: inv.cwd,
  };
  const run = (source: string, link: string, cwd: string, env: Record<string, string>): void => runFresh(inv, ctx, emit, { source, label: link, wrapper: "task", cwd, env, key: { file: found.file, what: JSON.stringify([cwd, source]) } });
  const resolveVars = (defs: Readonly<Record<string, TaskVar>>, into: Record<string, string | null>, cwd: string, link: string): void => {
    for (const [k, v] of Object.entries(defs)) {
      if ("value" in v) into[k] = template(v.value, into);
      else if ("sh" in v) {
        run(template(v.sh, into), link, cwd, {});
        into[k] = null;
      } else into[k] = null;
    }
  };
  const done = new Set<string>();
  const runTask = (name: string, callVars: Readonly<Record<string, TaskVar>>, from: string, depth: number, goal: boolean): void => {
    const entry = tasks.get(name) ?? tasks.get(`${from}${name}`);
    const link = goal && names.length <= 1 ? label : `${label} (${name})`;
    if (!entry) {
      if (goal) reportUnread(inv, ctx, emit, { runner: "task", path: found.file, target: name, reason: "missing", text: "" });
      return;
    }
    const key = JSON.stringify([name, callVars]);
    if (done.has(key) || depth > 32) return;
    done.add(key);
    const vars: Record<string, string | null> = { ...base, TASK: name };
    resolveVars(entry.file.vars, vars, entry.dir, link);
    resolveVars(entry.def.vars, vars, entry.dir, link);
    resolveVars(callVars, vars, entry.dir, link);
    Object.assign(vars, cliVars);
    const cwd = entry.def.dir ? resolvePath(entry.dir, template(entry.def.dir, vars)) : entry.dir;
    const env: Record<string, string> = {};
    for (const defs of [entry.file.env, entry.def.env]) {
      const e: Record<string, string | null> = { ...vars };
      resolveVars(defs, e, entry.dir, link);
      for (const k of Object.keys(defs)) if (e[k] !== null && e[k] !== undefined) env[k] = e[k];
    }
    const step = (c: TaskCmd): void => {
      if (c.kind === "cmd") run(template(c.text, vars), link, cwd, env);
      else if (c.kind === "call") runTask(template(c.task, vars), c.vars, entry.ns, depth + 1, false);
    };
    entry.def.deps.forEach(step);
    entry.def.cmds.forEach(step);
  };
  for (const name of names.length > 0 ? names : ["default"]) runTask(name, {}, "", 0, true);
  return true;
}
