/** A Taskfile (taskfile.dev, version 3), read with the `yaml` parser and checked with zod. */
import { parse as parseYaml } from "yaml";
import { z } from "zod";

const Scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);
const VarValue = z.union([Scalar, z.object({ sh: z.string() }).passthrough(), z.unknown()]);
const Vars = z.record(z.string(), VarValue).optional();
const Call = z.object({ task: z.string(), vars: Vars }).passthrough();
const Cmd = z.union([
  z.string(),
  z.object({ cmd: z.string() }).passthrough(),
  Call,
  z.object({ defer: z.union([z.string(), Call]) }).passthrough(),
  z.unknown(),
]);
const TaskObject = z
  .object({
    cmds: z.array(Cmd).optional(),
    cmd: z.string().optional(),
    deps: z.array(z.union([z.string(), Call, z.unknown()])).optional(),
    dir: z.string().optional(),
    vars: Vars,
    env: Vars,
  })
  .passthrough();
const Task = z.union([z.string(), z.array(Cmd), TaskObject]);
const Include = z.union([z.string(), z.object({ taskfile: z.string(), dir: z.string().optional(), optional: z.boolean().optional() }).passthrough()]);
const Schema = z
  .object({ vars: Vars, env: Vars, tasks: z.record(z.string(), Task.nullable()).optional(), includes: z.record(z.string(), Include).optional() })
  .passthrough();

export type TaskVar = { readonly value: string } | { readonly sh: string } | { readonly unknown: true };
export type TaskCmd = { readonly kind: "cmd"; readonly text: string } | { readonly kind: "call"; readonly task: string; readonly vars: Readonly<Record<string, TaskVar>> } | { readonly kind: "unknown" };

export interface TaskDef {
  readonly cmds: readonly TaskCmd[];
  readonly deps: readonly TaskCmd[];
  readonly dir: string | undefined;
  readonly vars: Readonly<Record<string, TaskVar>>;
  readonly env: Readonly<Record<string, TaskVar>>;
}

export interface Taskfile {
  readonly vars: Readonly<Record<string, TaskVar>>;
  readonly env: Readonly<Record<string, TaskVar>>;
  readonly tasks: ReadonlyMap<string, TaskDef>;
  readonly includes: readonly { readonly namespace: string; readonly taskfile: string; readonly dir: string | undefined; readonly optional: boolean }[];
}

function vars(v: z.infer<typeof Vars>): Record<string, TaskVar> {
  const out: Record<string, TaskVar> = {};
  for (const [k, raw] of Object.entries(v ?? {})) {
    if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean") out[k] = { value: String(raw) };
    else if (raw && typeof raw === "object" && "sh" in raw && typeof raw.sh === "string") out[k] = { sh: raw.sh };
    else out[k] = { unknown: true };
  }
  return out;
}

function cmd(c: unknown): TaskCmd {
  if (typeof c === "string") return { kind: "cmd", text: c };
  const call = Call.safeParse(c);
  if (call.success) return { kind: "call", task: call.data.task, vars: vars(call.data.vars) };
  if (c && typeof c === "object") {
    if ("cmd" in c && typeof c.cmd === "string") return { kind: "cmd", text: c.cmd };
    if ("defer" in c) return cmd(c.defer);
  }
  return { kind: "unknown" };
}

function task(t: z.infer<typeof Task> | null): TaskDef {
  if (t === null) return { cmds: [], deps: [], dir: undefined, vars: {}, env: {} };
  if (typeof t === "string") return { cmds: [cmd(t)], deps: [], dir: undefined, vars: {}, env: {} };
  if (Array.isArray(t)) return { cmds: t.map(cmd), deps: [], dir: undefined, vars: {}, env: {} };
  const cmds = [...(t.cmd !== undefined ? [t.cmd] : []), ...(t.cmds ?? [])].map(cmd);
  return { cmds, deps: (t.deps ?? []).map((d) => (typeof d === "string" ? { kind: "call" as const, task: d, vars: {} } : cmd(d))), dir: t.dir, vars: vars(t.vars), env: vars(t.env) };
}

/** Parse a Taskfile; undefined when it is not YAML of that shape. */
export function parseTaskfile(text: string): Taskfile | undefined {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch {
    return undefined;
  }
  const r = Schema.safeParse(raw);
  if (!r.success) return undefined;
  const tasks = new Map<string, TaskDef>();
  for (const [name, t] of Object.entries(r.data.tasks ?? {})) tasks.set(name, task(t));
  const includes = Object.entries(r.data.includes ?? {}).map(([namespace, inc]) =>
    typeof inc === "string" ? { namespace, taskfile: inc, dir: undefined, optional: false } : { namespace, taskfile: inc.taskfile, dir: inc.dir, optional: inc.optional ?? false },
  );
  return { vars: vars(r.data.vars), env: vars(r.data.env), tasks, includes };
}
