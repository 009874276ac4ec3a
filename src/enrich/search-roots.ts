/** What a recursive search reads: the files under its root that its filters let through (hidden files,
 *  .gitignore, --include / --exclude / --exclude-dir, rg -g / -t). The effect's `members` become those
 *  files (relative), so the policies see their classes (`context.memberClasses`) as they would for a read
 *  of each. Credential locations (~/.aws, ~/.kube/config, ~/.ssh/id_*, $KUBECONFIG ...) under the root are
 *  looked at first, so that a walk cut short by its budget still finds them. A root that is a file, or
 *  that does not exist, stays a plain read of that path. Never throws. */
import fs from "node:fs";
import path from "node:path";
import ignore, { type Ignore } from "ignore";
import { CREDENTIAL_DIRS, CREDENTIAL_FILES, type PathContext } from "../clis/path-classes.js";
import type { FileEffect, SearchFilter } from "../shell/types.js";

const MAX_FILES = 10_000;
const WALK_BUDGET_MS = 300;

/** A gitignore-style matcher for one pattern list (ignore() throws on odd paths: treat that as no match). */
function matcher(patterns: readonly string[]): (rel: string) => boolean {
  const ig = ignore({ allowRelativePaths: true }).add([...patterns]);
  return (rel) => {
    try {
      return ig.ignores(rel);
    } catch {
      return false;
    }
  };
}

interface Filter {
  readonly hidden: boolean;
  readonly include: (rel: string) => boolean;
  readonly exclude: (rel: string) => boolean;
  readonly excludeDir: (name: string) => boolean;
  /** rg -g: the last glob that matches decides; with no match, a file is read unless some glob is a whitelist. */
  readonly globs: readonly { readonly negated: boolean; readonly test: (rel: string) => boolean }[];
}

function compile(s: SearchFilter): Filter {
  const include = s.include.length > 0 ? matcher(s.include) : (): boolean => true;
  return {
    hidden: s.hidden,
    include: (rel) => include(path.posix.basename(rel)),
    exclude: s.exclude.length > 0 ? ((m) => (rel: string) => m(path.posix.basename(rel)))(matcher(s.exclude)) : (): boolean => false,
    excludeDir: s.excludeDir.length > 0 ? matcher(s.excludeDir) : (): boolean => false,
    globs: s.globs.map((g) => ({ negated: g.startsWith("!"), test: matcher([g.startsWith("!") ? g.slice(1) : g]) })),
  };
}

/** rg -g: "include" when the last matching glob is a whitelist one (this overrides hidden-file and ignore
 *  rules, as rg documents), "exclude" when it is negated or when no glob matches but some glob is a whitelist. */
function globsDecide(f: Filter, rel: string): "include" | "exclude" | "default" {
  for (let i = f.globs.length - 1; i >= 0; i--) {
    const g = f.globs[i];
    if (g?.test(rel)) return g.negated ? "exclude" : "include";
  }
  return f.globs.some((g) => !g.negated) ? "exclude" : "default";
}

/** The .gitignore files that apply to `dir` (it and its parents up to the repository root), as matchers. */
function gitignoresAbove(dir: string): { base: string; test: (rel: string) => boolean }[] {
  const out: { base: string; test: (rel: string) => boolean }[] = [];
  let d = dir;
  for (let i = 0; i < 32; i++) {
    const gi = readGitignore(d);
    if (gi) out.push(gi);
    if (fs.existsSync(path.join(d, ".git"))) break;
    const up = path.dirname(d);
    if (up === d) break;
    d = up;
  }
  return out;
}

function readGitignore(dir: string): { base: string; test: (rel: string) => boolean } | undefined {
  try {
    const text = fs.readFileSync(path.join(dir, ".gitignore"), "utf8");
    return { base: dir, test: matcher(text.split(/\r?\n/)) };
  } catch {
    return undefined;
  }
}

class Walk {
  readonly files = new Set<string>();
  capped = false;
  private readonly deadline = Date.now() + WALK_BUDGET_MS;
  private readonly ignores: { base: string; test: (rel: string) => boolean }[];

  constructor(
    private readonly root: string,
    private readonly filter: Filter,
    private readonly gitignore: boolean,
  ) {
    this.ignores = gitignore ? gitignoresAbove(root) : [];
  }

  private ignored(abs: string, isDir: boolean): boolean {
    for (const gi of this.ignores) {
      const rel = path.relative(gi.base, abs).split(path.sep).join("/");
      if (rel && !rel.startsWith("..") && (gi.test(rel) || (isDir && gi.test(`${rel}/`)))) return true;
    }
    return false;
  }

  /** Would the search enter this folder (relative to the root)? */
  enters(rel: string): boolean {
    const name = path.posix.basename(rel);
    if (!this.filter.hidden && name.startsWith(".")) return false;
    if (this.filter.excludeDir(name)) return false;
    return !this.ignored(path.join(this.root, rel), true);
  }

  /** Would the search read this file (relative to the root)? */
  reads(rel: string): boolean {
    const segments = rel.split("/");
    for (let i = 1; i < segments.length; i++) if (!this.enters(segments.slice(0, i).join("/"))) return false;
    const name = segments[segments.length - 1] ?? "";
    const globs = globsDecide(this.filter, rel);
    if (globs === "exclude" || !this.filter.include(rel) || this.filter.exclude(rel)) return false;
    if (globs === "include") return true;
    if (!this.filter.hidden && name.startsWith(".")) return false;
    return !this.ignored(path.join(this.root, rel), false);
  }

  add(rel: string): void {
    if (this.files.size >= MAX_FILES) this.capped = true;
    else this.files.add(rel);
  }

  /** Breadth first, symlinks not followed, node_modules and .git/objects not entered. */
  run(start: string): void {
    const queue: string[] = [start];
    while (queue.length > 0 && !this.capped) {
      const rel = queue.shift() ?? "";
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(path.join(this.root, rel), { withFileTypes: true });
      } catch {
        continue;
      }
      if (this.gitignore && rel !== "") {
        const gi = readGitignore(path.join(this.root, rel));
        if (gi) this.ignores.push(gi);
      }
      for (const e of entries) {
        if (Date.now() > this.deadline) {
          this.capped = true;
          return;
        }
        const child = rel === "" ? e.name : `${rel}/${e.name}`;
        if (e.isDirectory()) {
          // node_modules (not this project's files) and git's object store (compressed blobs) are not walked.
          const objects = e.name === "objects" && (rel === ".git" || rel.endsWith("/.git"));
          if (e.name !== "node_modules" && !objects && this.enters(child)) queue.push(child);
        } else if (this.reads(child)) this.add(child);
      }
    }
  }
}

/** Credential files and folders that exist under `root`, relative to it. */
function credentialsUnder(root: string, paths: PathContext): string[] {
  const out: string[] = [];
  const candidates = [...CREDENTIAL_FILES, ...CREDENTIAL_DIRS, ".ssh"].map((f) => path.join(paths.home, f));
  for (const abs of [...candidates, ...(paths.kubeconfigs ?? [])]) {
    const rel = path.relative(root, abs);
    if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) continue;
    if (fs.existsSync(abs)) out.push(rel.split(path.sep).join("/"));
  }
  return out;
}

function listSearch(effect: FileEffect, search: SearchFilter, paths: PathContext): FileEffect {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(effect.path);
  } catch {
    return withoutSearch(effect);
  }
  if (!stat.isDirectory()) return withoutSearch(effect);
  const walk = new Walk(effect.path, compile(search), search.gitignore);
  for (const rel of credentialsUnder(effect.path, paths)) {
    const abs = path.join(effect.path, rel);
    if (fs.statSync(abs, { throwIfNoEntry: false })?.isDirectory()) walk.run(rel);
    else if (walk.reads(rel)) walk.add(rel);
  }
  walk.run("");
  return { ...effect, members: [...walk.files], membersKnown: !walk.capped };
}

function withoutSearch(effect: FileEffect): FileEffect {
  const { search: _search, ...rest } = effect;
  return rest;
}

/** Fill in the files that each recursive search would read. */
export function listSearchRoots(files: readonly FileEffect[], paths: PathContext): readonly FileEffect[] {
  return files.map((f) => {
    if (f.search === undefined) return f;
    try {
      return listSearch(f, f.search, paths);
    } catch {
      return { ...f, membersKnown: false };
    }
  });
}
