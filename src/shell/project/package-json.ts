/** package.json as the script runners read it: scripts, the package name and its workspaces. */
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import type { Ctx } from "../model.js";
import { compileSegmentGlob } from "../../util/segment-glob.js";
import { trimTrailingSlashes } from "../../util/text.js";
import { parseProjectFile, readProjectFile, type ReadResult } from "./run.js";

export interface PackageJson {
  readonly name: string;
  readonly scripts: Readonly<Record<string, string>>;
  readonly workspaces: readonly string[];
}

const Schema = z.object({
  name: z.string().optional(),
  scripts: z.record(z.string(), z.unknown()).optional(),
  workspaces: z.union([z.array(z.string()), z.object({ packages: z.array(z.string()).optional() })]).optional(),
});

/** A checked parse: what is not an object with string scripts is no scripts. */
function parsePackageJson(text: string): PackageJson | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  const r = Schema.safeParse(raw);
  if (!r.success) return undefined;
  const scripts: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.data.scripts ?? {})) if (typeof v === "string") scripts[k] = v;
  const ws = r.data.workspaces;
  return { name: r.data.name ?? "", scripts, workspaces: Array.isArray(ws) ? ws : (ws?.packages ?? []) };
}

type LoadedPackage = { readonly ok: true; readonly dir: string; readonly pkg: PackageJson } | { readonly ok: false; readonly file: ReadResult & { ok: false } };

const join = (dir: string, name: string): string => (dir === "/" ? `/${name}` : `${dir}/${name}`);

export function loadPackage(ctx: Ctx, dir: string): LoadedPackage {
  const file = readProjectFile(ctx, join(dir, "package.json"));
  if (!file.ok) return { ok: false, file };
  const pkg = parseProjectFile(ctx, file, "package.json", parsePackageJson);
  if (!pkg) return { ok: false, file: { ok: false, path: file.path, reason: "unreadable", text: file.text } };
  return { ok: true, dir, pkg };
}

const PnpmWorkspace = z.object({ packages: z.array(z.string()).optional() });

function pnpmPatterns(ctx: Ctx, root: string): string[] {
  const file = readProjectFile(ctx, join(root, "pnpm-workspace.yaml"));
  if (!file.ok) return [];
  return parseProjectFile(ctx, file, "pnpm-workspace.yaml", (text) => {
    try {
      const r = PnpmWorkspace.safeParse(parseYaml(text));
      return r.success ? (r.data.packages ?? []) : [];
    } catch {
      return [];
    }
  });
}

/** Directories a workspace pattern names: `packages/a`, `packages/*` (one level; `**` as `*`). */
function expand(ctx: Ctx, root: string, pattern: string): string[] {
  const parts = trimTrailingSlashes(pattern.replace(/^\.\//, "")).split("/").filter((p) => p !== "" && p !== ".");
  let dirs = [root];
  for (const part of parts) {
    if (part.startsWith("!")) return [];
    if (!part.includes("*")) {
      dirs = dirs.map((d) => join(d, part));
      continue;
    }
    const match = compileSegmentGlob(part === "**" ? "*" : part);
    dirs = dirs.flatMap((d) => (ctx.reader?.subdirs(d) ?? []).filter(match).map((n) => join(d, n)));
  }
  return dirs;
}

/** The workspace packages under a root (npm/yarn `workspaces`, pnpm-workspace.yaml), with their package.json. */
export function workspacePackages(ctx: Ctx, root: string, rootPkg: PackageJson): { dir: string; pkg: PackageJson }[] {
  const patterns = [...rootPkg.workspaces, ...pnpmPatterns(ctx, root)];
  const out: { dir: string; pkg: PackageJson }[] = [];
  for (const dir of new Set(patterns.flatMap((p) => expand(ctx, root, p)))) {
    const loaded = loadPackage(ctx, dir);
    if (loaded.ok) out.push({ dir, pkg: loaded.pkg });
  }
  return out;
}

/** Workspaces a selector names: a package name, a name glob (`@org/*`), or a directory. */
export function selectWorkspaces(all: readonly { dir: string; pkg: PackageJson }[], selector: string, cwd: string, resolve: (cwd: string, p: string) => string): { dir: string; pkg: PackageJson }[] {
  const byName = compileSegmentGlob(selector.replace(/^\.\.\./, "").replace(/\.\.\.$/, ""));
  const asDir = resolve(cwd, selector.replace(/^\{(.*)\}$/, "$1"));
  return all.filter((w) => byName(w.pkg.name) || w.dir === asDir || w.dir.startsWith(`${asDir}/`));
}
