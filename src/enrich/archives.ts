/** Fill in what an extraction, a tree copy or a recursive delete would touch: the `members` of effects
 *  that carry an `archive` (src/clis/file-tools/vias.ts says which via means what).
 *
 *  - tar x: `tar -tf`; unzip: the zip central directory, read in TypeScript; 7z: `7z l -slt` if installed;
 *  - patch / git apply: the files named in the diff;
 *  - a directory (cp -r, mv, rsync, rm -r, git clean -x): its tree; a glob in the last segment (`rm *`):
 *    the matching entries (absolute member paths), with their trees for recursive operations.
 *
 *  Members are relative to the effect's path, normalised (no leading `./` or `/`, no trailing `/`).
 *  A listing over MAX_MEMBERS keeps the first MAX_MEMBERS but stays membersKnown: false, so a state
 *  member among them still denies and the rest is still unknown (ask). Absence, a timeout or an
 *  unreadable archive leave membersKnown false. Never throws. */
import fs from "node:fs";
import path from "node:path";
import { EXTRACT_VIAS, PATCH_VIAS, TREE_VIAS, isGitRewriteVia, isRecursiveVia } from "../clis/file-tools/vias.js";
import { listGitRewrite } from "./git-rewrites.js";
import type { FileEffect } from "../shell/types.js";
import { expandGlob, listDiff, listSevenZip, listTar, walkTree, type Listing } from "./archive-tree.js";
import { listZip } from "./archive-zip.js";
import { compileSegmentGlob } from "../util/segment-glob.js";
import { trimLeadingSlashes, trimTrailingSlashes } from "../util/text.js";

const MAX_MEMBERS = 10_000;

/** `./a/b/`, `/a/b` -> `a/b`; "" for the archive root itself. */
export function normalizeMember(name: string): string {
  let s = name.replace(/\\/g, "/");
  while (s.startsWith("./")) s = s.slice(2);
  s = trimTrailingSlashes(trimLeadingSlashes(s)).replace(/\/\.\//g, "/");
  return s === "." ? "" : s;
}

function isGlobPath(p: string): boolean {
  return /[*?[]/.test(path.basename(p)) && !/[*?[]/.test(path.dirname(p));
}

async function listArchiveFile(via: string, archive: string): Promise<Listing> {
  switch (via) {
    case EXTRACT_VIAS.tar:
      return listTar(archive, MAX_MEMBERS);
    case EXTRACT_VIAS.unzip: {
      const file = fs.existsSync(archive) || !fs.existsSync(`${archive}.zip`) ? archive : `${archive}.zip`;
      return listZip(file, MAX_MEMBERS);
    }
    case EXTRACT_VIAS.sevenZip:
    case EXTRACT_VIAS.sevenZipFlat:
      return listSevenZip(archive, MAX_MEMBERS);
    default:
      if ((PATCH_VIAS as readonly string[]).includes(via)) return listDiff(archive, MAX_MEMBERS);
      // A copied or moved single file: it lands at the effect's path, which is classified already.
      return { names: [], capped: false };
  }
}

async function listSource(effect: FileEffect, archive: string): Promise<Listing> {
  if (isGitRewriteVia(effect.via)) return listGitRewrite(effect, archive, MAX_MEMBERS);
  if (isGlobPath(archive)) return expandGlob(archive, isRecursiveVia(effect.via), MAX_MEMBERS);
  const zipFallback = effect.via === EXTRACT_VIAS.unzip && !fs.existsSync(archive) ? `${archive}.zip` : archive;
  const stat = fs.statSync(zipFallback);
  const fileVia = (Object.values(EXTRACT_VIAS) as string[]).includes(effect.via) || (PATCH_VIAS as readonly string[]).includes(effect.via);
  if (stat.isDirectory() && !fileVia) return walkTree(zipFallback, MAX_MEMBERS);
  if (!stat.isFile()) throw new Error("not a regular file");
  return listArchiveFile(effect.via, zipFallback);
}

/** Keep the listed members that an explicit member list selects (`tar xf a.tar infra`, `unzip a.zip '*.tf'`). */
function selectMembers(listed: readonly string[], explicit: readonly string[]): string[] {
  const wanted = explicit.map(normalizeMember);
  const globs = wanted.filter((w) => /[*?[]/.test(w)).map((w) => compileSegmentGlob(w));
  return listed.filter((m) => wanted.some((w) => m === w || m.startsWith(`${w}/`)) || globs.some((g) => g(m) || g(path.posix.basename(m))));
}

function isAbsent(err: unknown): boolean {
  return err instanceof Error && "code" in err && (err.code === "ENOENT" || err.code === "ENOTDIR");
}

/** Tree copies, moves and recursive deletes (not extractions or patches, whose archive must exist). */
function isTreeVia(via: string): boolean {
  return (Object.values(TREE_VIAS) as string[]).includes(via);
}

async function enrichOne(effect: FileEffect): Promise<FileEffect> {
  const archive = effect.archive;
  if (archive === undefined || effect.membersKnown === true || !path.isAbsolute(archive)) return effect;
  try {
    const listing = await listSource(effect, archive);
    let names = listing.names.map((n) => (path.isAbsolute(n) ? n : normalizeMember(n))).filter((n) => n.length > 0);
    if (effect.via === EXTRACT_VIAS.sevenZipFlat) names = names.map((n) => path.posix.basename(n));
    // git clean / stash never touch the repository itself.
    if (effect.via === TREE_VIAS.gitClean || effect.via === TREE_VIAS.gitStashAll) names = names.filter((n) => n !== ".git" && !n.startsWith(".git/"));
    if (effect.members && effect.members.length > 0) names = selectMembers(names, effect.members);
    return { ...effect, members: [...new Set(names)], membersKnown: !listing.capped };
  } catch (err) {
    // A tree or glob that does not exist (`rm -rf build`, nothing there) has no members. Anything else
    // unlisted keeps its members unknown (a fact the policies decide on), explicit members are kept.
    if (isAbsent(err) && isTreeVia(effect.via)) return { ...effect, members: [], membersKnown: true };
    return { ...effect, membersKnown: false };
  }
}

/** List archives and trees that an effect would unpack, copy or delete, where they exist. */
export async function listArchiveMembers(files: readonly FileEffect[]): Promise<readonly FileEffect[]> {
  return Promise.all(files.map((f) => enrichOne(f).catch(() => ({ ...f, membersKnown: false }))));
}
