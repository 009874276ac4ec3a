/** What an action leaves behind for later decisions (only an allowed action, or one the agent reports it ran):
 *  - session touches: file effects (not terraform's own) that wrote, moved, extracted or deleted a
 *    state path, a plan file or `.terraform/`;
 *  - destroy plans: `plan -destroy -out=X` marks X (a later plain `plan -out=X` clears the mark);
 *  - pending changes: an operation such as init, workspace select or apply announces the state
 *    changes it will legitimately make, so that the next sighting does not call them a swap. */
import path from "node:path";
import { classifyPath, type PathClass } from "../clis/path-classes.js";
import type { Operation } from "../clis/types.js";
import type { FileEffect } from "../shell/types.js";
import { expectedChanges } from "./compare.js";
import { planOutOf, terraformView, TERRAFORM_PROGRAMS } from "./facts.js";
import type { StateContext } from "./context.js";
import { updateMemory, type SessionMemory, type Touch } from "./session.js";
import { loadRecord, saveRecord, type ChangeKind } from "./store.js";

const REMEMBERED_CLASSES: ReadonlySet<PathClass> = new Set<PathClass>([
  "tfstate",
  "tfstate-backup",
  "terraform-dir",
  "backend-config",
  "workspace-selector",
  "plan",
  "pulumi-state",
]);

/** Effects that terraform, tofu or terragrunt cause themselves (plan -out, init) are not touches. */
function byTerraform(effect: FileEffect): boolean {
  const word = effect.via.trim().split(/\s+/)[0] ?? "";
  return TERRAFORM_PROGRAMS.has(path.basename(word));
}

function touchesOf(files: readonly FileEffect[], ctx: StateContext, now: number): Touch[] {
  const interesting = (abs: string): string[] => classifyPath(abs, ctx.paths).filter((c) => REMEMBERED_CLASSES.has(c));
  const out: Touch[] = [];
  for (const f of files) {
    if (f.op === "read" || byTerraform(f)) continue;
    const base = { via: f.via, op: f.op, at: now };
    if (f.archive !== undefined) {
      if (f.membersKnown !== true || !f.members) {
        out.push({ ...base, path: f.path, tree: true, classes: ["archive"] });
        continue;
      }
      // The tree itself (`rm -rf .terraform`, also when nothing is there yet), then each member.
      const own = interesting(f.path);
      if (own.length > 0) out.push({ ...base, path: f.path, tree: false, classes: own });
      for (const m of f.members) {
        const abs = path.resolve(f.path, m);
        const classes = interesting(abs);
        if (classes.length > 0) out.push({ ...base, path: abs, tree: false, classes });
      }
      continue;
    }
    const classes = interesting(f.path);
    if (classes.length > 0) out.push({ ...base, path: f.path, tree: false, classes });
  }
  return out;
}

function planMarks(ops: readonly Operation[]): { destroy: string[]; cleared: string[] } {
  const destroy: string[] = [];
  const cleared: string[] = [];
  for (const op of ops) {
    const v = terraformView(op);
    const out = v ? planOutOf(v) : undefined;
    if (!v || !out) continue;
    (v.destroy || v.flags.includes("destroy") ? destroy : cleared).push(out);
  }
  return { destroy, cleared };
}

function rememberSession(files: readonly FileEffect[], ops: readonly Operation[], ctx: StateContext, now: number): void {
  if (!ctx.session) return;
  const touches = touchesOf(files, ctx, now);
  const marks = planMarks(ops);
  if (touches.length === 0 && marks.destroy.length === 0 && marks.cleared.length === 0) return;
  updateMemory(
    ctx.home,
    ctx.session,
    (mem: SessionMemory): SessionMemory => {
      const drop = new Set([...marks.destroy, ...marks.cleared]);
      return {
        ...mem,
        touches: [...mem.touches, ...touches],
        destroyPlans: [...mem.destroyPlans.filter((p) => !drop.has(p.path)), ...marks.destroy.map((p) => ({ path: p, at: now }))],
      };
    },
    now,
  );
}

function rememberPending(ops: readonly Operation[], ctx: StateContext, now: number): void {
  const byDir = new Map<string, { ops: string[]; expect: Set<ChangeKind> }>();
  for (const op of ops) {
    const v = terraformView(op);
    if (!v) continue;
    const expect = expectedChanges(v.operation, v.flags);
    if (expect.length === 0) continue;
    const dir = path.resolve(v.dir);
    const entry = byDir.get(dir) ?? { ops: [], expect: new Set<ChangeKind>() };
    entry.ops.push(`${v.program} ${v.operation}`);
    for (const k of expect) entry.expect.add(k);
    byDir.set(dir, entry);
  }
  for (const [dir, entry] of byDir) {
    const rec = loadRecord(ctx.home, dir);
    if (!rec) continue;
    saveRecord(ctx.home, { ...rec, pending: { at: now, operations: entry.ops, expect: [...entry.expect] }, updatedAt: now });
  }
}

/** What to remember: the session's touches and destroy-plan marks (effects), and the state changes an
 *  operation announces before it runs (pending). */
export interface RememberParts {
  readonly effects: boolean;
  readonly pending: boolean;
}

export function rememberEffectsImpl(files: readonly FileEffect[], ops: readonly Operation[], ctx: StateContext, parts: RememberParts, now = Date.now()): void {
  if (parts.effects) rememberSession(files, ops, ctx, now);
  if (parts.pending) rememberPending(ops, ctx, now);
}
