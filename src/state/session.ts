/** Session memory: which state-bearing paths an earlier action of the same agent session wrote, moved,
 *  extracted or deleted, and which plan files were made with `plan -destroy`. One small JSON per
 *  session under $INFRAGATE_HOME/sessions/, bounded in size and pruned by age. */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { sha256 } from "./read.js";
import { writeJsonAtomic } from "./store.js";

export const MAX_ENTRIES = 200;
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

const Touch = z.object({
  path: z.string(),
  /** true: anything at or below path may have been written (an archive whose members are unknown). */
  tree: z.boolean(),
  classes: z.array(z.string()),
  via: z.string(),
  op: z.string(),
  at: z.number(),
});
export type Touch = z.infer<typeof Touch>;

const DestroyPlan = z.object({ path: z.string(), at: z.number() });

export const SessionMemory = z.object({
  version: z.literal(1),
  touches: z.array(Touch),
  destroyPlans: z.array(DestroyPlan),
  updatedAt: z.number(),
});
export type SessionMemory = z.infer<typeof SessionMemory>;

function sessionsDir(home: string): string {
  return path.join(home, "sessions");
}

export function sessionPath(home: string, session: string): string {
  return path.join(sessionsDir(home), `${sha256(session).slice(0, 32)}.json`);
}

function emptyMemory(): SessionMemory {
  return { version: 1, touches: [], destroyPlans: [], updatedAt: 0 };
}

function readMemoryFile(file: string): SessionMemory {
  try {
    const parsed = SessionMemory.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
    return parsed.success ? parsed.data : emptyMemory();
  } catch {
    return emptyMemory();
  }
}

export function loadMemory(home: string, session: string): SessionMemory {
  return session ? readMemoryFile(sessionPath(home, session)) : emptyMemory();
}

function prune(mem: SessionMemory, now: number): SessionMemory {
  const fresh = <T extends { at: number }>(xs: readonly T[]): T[] => xs.filter((x) => now - x.at < MAX_AGE_MS).slice(-MAX_ENTRIES);
  return { version: 1, touches: fresh(mem.touches), destroyPlans: fresh(mem.destroyPlans), updatedAt: now };
}

/** Remove session files that have not changed for MAX_AGE_MS. */
function pruneOldSessions(home: string, now: number): void {
  const dir = sessionsDir(home);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      if (now - fs.statSync(file).mtimeMs > MAX_AGE_MS) fs.rmSync(file, { force: true });
    } catch {
      // a concurrent prune removed it
    }
  }
}

export function updateMemory(home: string, session: string, change: (mem: SessionMemory) => SessionMemory, now = Date.now()): void {
  if (!session) return;
  const file = sessionPath(home, session);
  writeJsonAtomic(file, prune(change(readMemoryFile(file)), now));
  if (Math.random() < 0.05) pruneOldSessions(home, now);
}

/** Remove touches at or below dir from every session (used by `state accept`). Returns how many. */
export function forgetTouchesUnder(home: string, dir: string): number {
  let removed = 0;
  let names: string[] = [];
  try {
    names = fs.readdirSync(sessionsDir(home)).filter((n) => n.endsWith(".json"));
  } catch {
    return 0;
  }
  for (const name of names) {
    const file = path.join(sessionsDir(home), name);
    const mem = readMemoryFile(file);
    const keep = mem.touches.filter((t) => !relevantTo(t, dir));
    if (keep.length === mem.touches.length) continue;
    removed += mem.touches.length - keep.length;
    writeJsonAtomic(file, { ...mem, touches: keep });
  }
  return removed;
}

export function within(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/** A touch matters to a stack when it landed in the stack dir or below, or (an archive with unknown
 *  members) when the stack dir lies below where it was extracted. */
function relevantTo(t: Touch, stackDir: string): boolean {
  return within(t.path, stackDir) || (t.tree && within(stackDir, t.path));
}

export function touchesFor(mem: SessionMemory, stackDir: string): Touch[] {
  return mem.touches.filter((t) => relevantTo(t, stackDir));
}

export function describeTouches(touches: readonly Touch[], stackDir: string): string {
  if (touches.length === 0) return "";
  const shown = touches.slice(-3).map((t) => {
    const rel = path.relative(stackDir, t.path) || ".";
    return `${t.via} ${t.op === "delete" ? "deleted" : t.tree ? "extracted an archive into" : "wrote"} ${rel}`;
  });
  const more = touches.length > 3 ? ` and ${touches.length - 3} more` : "";
  return `earlier in this session: ${shown.join(", ")}${more}`;
}
