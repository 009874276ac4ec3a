/** Member lists of directory trees, shell globs, tar / 7z archives (their own listing commands) and diffs. */
import fs from "node:fs";
import path from "node:path";
import { compileSegmentGlob } from "../util/segment-glob.js";
import { diffNames } from "../util/diff-names.js";

export interface Listing {
  readonly names: readonly string[];
  readonly capped: boolean;
}

/** Do not descend into node_modules or .git/objects: large, and nothing in them is a state or hook file of this workspace. */
function isOpaqueDir(rel: string, name: string): boolean {
  return name === "node_modules" || (name === "objects" && (rel === ".git" || rel.endsWith("/.git")));
}
const WALK_BUDGET_MS = 500;

/** An infragate installation inside a node_modules folder that is not walked (the hooks may run it). */
function installedGuard(nodeModules: string, rel: string): string[] {
  const prefix = rel === "" ? "" : `${rel}/`;
  return ["infragate", ".bin/infragate"].filter((n) => fs.existsSync(path.join(nodeModules, n))).map((n) => `${prefix}${n}`);
}

/** Paths under `dir`, relative, breadth first; symlinks are listed but not followed. */
export function walkTree(dir: string, cap: number): Listing {
  const names: string[] = [];
  if (dir.split(/[\\/]/).includes("node_modules")) return { names: path.basename(dir) === "node_modules" ? installedGuard(dir, "") : names, capped: false };
  const queue: string[] = [""];
  const deadline = Date.now() + WALK_BUDGET_MS;
  while (queue.length > 0) {
    const rel = queue.shift() ?? "";
    const entries = fs.readdirSync(path.join(dir, rel), { withFileTypes: true });
    for (const e of entries) {
      const child = rel === "" ? e.name : `${rel}/${e.name}`;
      if (names.length >= cap || Date.now() > deadline) return { names, capped: true };
      names.push(child);
      if (e.isDirectory() && !isOpaqueDir(rel === "" ? path.basename(dir) : rel, e.name)) queue.push(child);
      else if (e.isDirectory() && e.name === "node_modules") names.push(...installedGuard(path.join(dir, child), child));
    }
  }
  return { names, capped: false };
}

/** Expand a glob in the last segment: matching entries as absolute paths, and (recursive) their trees. */
export function expandGlob(pattern: string, recursive: boolean, cap: number): Listing {
  const dir = path.dirname(pattern);
  const matches = compileSegmentGlob(path.basename(pattern));
  const names: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!matches(e.name)) continue;
    const abs = path.join(dir, e.name);
    names.push(abs);
    if (recursive && e.isDirectory()) {
      const sub = walkTree(abs, cap - names.length);
      names.push(...sub.names.map((n) => path.join(abs, n)));
      if (sub.capped) return { names, capped: true };
    }
    if (names.length >= cap) return { names, capped: true };
  }
  return { names, capped: false };
}

const LIST_TIMEOUT_MS = 2500;
const LIST_MAX_BYTES = 4 * 1024 * 1024;

export async function runLister(file: string, args: readonly string[]): Promise<string> {
  // execa is loaded only here: listing an archive is rare, and the hook should not pay for it on every call.
  const { execa } = await import("execa");
  const r = await execa(file, args, { timeout: LIST_TIMEOUT_MS, maxBuffer: LIST_MAX_BYTES, stdin: "ignore", reject: false, env: { LC_ALL: "C" } });
  if (r.failed || r.exitCode !== 0) throw new Error(`${file} could not list the archive${r.timedOut ? " (timeout)" : ""}`);
  return typeof r.stdout === "string" ? r.stdout : "";
}

function capped(all: readonly string[], cap: number): Listing {
  return all.length > cap ? { names: all.slice(0, cap), capped: true } : { names: all, capped: false };
}

/** `tar -tf ARCHIVE` (GNU tar and bsdtar detect the compression themselves). */
export async function listTar(archive: string, cap: number): Promise<Listing> {
  const out = await runLister("tar", ["-tf", archive]);
  return capped(out.split("\n").filter((l) => l.length > 0), cap);
}

/** `7z l -slt ARCHIVE`: the `Path = ` lines after the `----------` separator. */
export async function listSevenZip(archive: string, cap: number): Promise<Listing> {
  let lastError: unknown;
  for (const bin of ["7z", "7zz", "7za"]) {
    try {
      const out = await runLister(bin, ["l", "-slt", "-sccUTF-8", archive]);
      const body = out.slice(Math.max(0, out.indexOf("\n----------")));
      const names = body.split("\n").filter((l) => l.startsWith("Path = ")).map((l) => l.slice(7));
      return capped(names, cap);
    } catch (e) {
      lastError = e;
    }
  }
  throw lastError instanceof Error ? lastError : new Error("7z is not installed");
}

const MAX_DIFF_BYTES = 8 * 1024 * 1024;

/** The files a unified or git diff changes: `+++ b/x`, `--- a/x` for deletions, `rename to`, `copy to`. */
export function listDiff(file: string, cap: number): Listing {
  const stat = fs.statSync(file);
  if (stat.size > MAX_DIFF_BYTES) throw new Error("diff too large");
  return capped(diffNames(fs.readFileSync(file, "utf8")), cap);
}
