/** cp, mv, install, rsync, ln, scp: where data lands (write), what it comes from (read), what a move removes. */
import path from "node:path";
import type { FileEffect, SimpleCommand } from "../../shell/types.js";
import { destinationPaths, effectOf, hasFlag, hasGlob, isRemote, lastValue, parseArgs, resolvePath, type ParsedArgs } from "./args.js";
import { TREE_VIAS } from "./vias.js";

interface Placement {
  /** Where sources land: the destination (file or directory). */
  readonly dest: string | undefined;
  readonly sources: readonly string[];
  /** The destination is certainly a directory (-t, or several sources). */
  readonly destIsDir: boolean;
}

/** The coreutils convention: `-t DIR SRC...`, `-T SRC DEST`, or `SRC... DEST`. */
function placement(p: ParsedArgs): Placement {
  const target = lastValue(p, "t", "target-directory");
  if (target !== undefined) return { dest: target, sources: p.operands, destIsDir: true };
  if (p.operands.length < 2) return { dest: undefined, sources: p.operands, destIsDir: false };
  const dest = p.operands[p.operands.length - 1];
  const sources = p.operands.slice(0, -1);
  return { dest, sources, destIsDir: sources.length > 1 && !hasFlag(p, "T", "no-target-directory") };
}

/** Write effects on a destination: the path, and `dest/<basename>` for each source (it may be a directory). */
function landing(cmd: SimpleCommand, via: string, pl: Placement): FileEffect[] {
  if (pl.dest === undefined) return [];
  const [dest, ...inside] = destinationPaths(cmd, pl.dest, pl.sources);
  if (dest === undefined) return [];
  // One source and no -t: DEST/<name> only if DEST is a directory; otherwise DEST is the file itself.
  const cond = pl.destIsDir ? {} : { ifDirectory: dest };
  return [effectOf(cmd, "write", dest, via), ...inside.map((abs) => effectOf(cmd, "write", abs, via, cond))];
}

/** A recursive copy of a directory: the enrich stage lists `archive` (the source tree) to see what lands. */
function treeCopies(cmd: SimpleCommand, via: string, pl: Placement): FileEffect[] {
  if (pl.dest === undefined) return [];
  const dest = resolvePath(cmd, pl.dest);
  return pl.sources
    .filter((s) => !isRemote(s))
    .map((s) => {
      const contentsOnly = s.endsWith("/") || s.endsWith("/.") || s === ".";
      const into = contentsOnly ? dest : path.join(dest, path.basename(resolvePath(cmd, s)));
      return effectOf(cmd, "write", into, via, { archive: resolvePath(cmd, s) });
    });
}

/** `cp backups/2023/* .`: a glob source is listed like mv's, so the files it copies are seen where they land. */
function globCopies(cmd: SimpleCommand, pl: Placement): FileEffect[] {
  if (pl.dest === undefined) return [];
  const dest = resolvePath(cmd, pl.dest);
  return pl.sources
    .map((s) => resolvePath(cmd, s))
    .filter((abs) => hasGlob(path.basename(abs)))
    .map((abs) => effectOf(cmd, "write", dest, TREE_VIAS.copyGlob, { archive: abs }));
}

const CP_VALUED = { shortValued: "tS", longValued: ["target-directory", "suffix", "backup", "sparse", "reflink", "preserve", "no-preserve"] };

export function interpretCp(cmd: SimpleCommand): FileEffect[] {
  const p = parseArgs(cmd.argv.slice(1), CP_VALUED);
  const pl = placement(p);
  const out = pl.sources.map((s) => effectOf(cmd, "read", resolvePath(cmd, s), "cp"));
  out.push(...landing(cmd, "cp", pl));
  if (hasFlag(p, "r", "R", "a", "recursive", "archive")) out.push(...treeCopies(cmd, TREE_VIAS.copy, pl));
  else out.push(...globCopies(cmd, pl));
  return out;
}

export function interpretMv(cmd: SimpleCommand): FileEffect[] {
  const p = parseArgs(cmd.argv.slice(1), CP_VALUED);
  const pl = placement(p);
  if (pl.dest === undefined) return [];
  // The source goes away: a tree (the enrich stage lists it), so that `mv infra /tmp/x` is seen to remove infra's state.
  const out = pl.sources.map((s) => effectOf(cmd, "delete", resolvePath(cmd, s), TREE_VIAS.move, { archive: resolvePath(cmd, s) }));
  out.push(...landing(cmd, "mv", pl));
  out.push(...treeCopies(cmd, TREE_VIAS.move, pl));
  return out;
}

const INSTALL_VALUED = { shortValued: "tmogS", longValued: ["target-directory", "mode", "owner", "group", "suffix", "strip-program", "backup"] };

export function interpretInstall(cmd: SimpleCommand): FileEffect[] {
  const p = parseArgs(cmd.argv.slice(1), INSTALL_VALUED);
  if (hasFlag(p, "d", "directory")) return p.operands.map((d) => effectOf(cmd, "write", resolvePath(cmd, d), "install"));
  const pl = placement(p);
  const out = pl.sources.map((s) => effectOf(cmd, "read", resolvePath(cmd, s), "install"));
  return [...out, ...landing(cmd, "install", pl)];
}

const RSYNC_VALUED = [
  "rsh", "rsync-path", "exclude", "include", "filter", "files-from", "exclude-from", "include-from", "backup-dir", "suffix",
  "log-file", "password-file", "chmod", "chown", "usermap", "groupmap", "timeout", "contimeout", "compare-dest", "copy-dest",
  "link-dest", "temp-dir", "partial-dir", "max-size", "min-size", "max-delete", "bwlimit", "port", "out-format", "info", "debug",
];
const RSYNC_DELETE = ["delete", "del", "delete-before", "delete-during", "delete-delay", "delete-after", "delete-excluded", "delete-missing-args"];

const RSYNC_SPEC = { shortValued: "efBT", longValued: RSYNC_VALUED };

export function interpretRsync(cmd: SimpleCommand): FileEffect[] {
  const p = parseArgs(cmd.argv.slice(1), RSYNC_SPEC);
  if (p.operands.length < 2 || hasFlag(p, "n", "dry-run", "list-only")) return [];
  const dest = p.operands[p.operands.length - 1] ?? "";
  if (isRemote(dest)) {
    return p.operands.slice(0, -1).filter((s) => !isRemote(s)).map((s) => effectOf(cmd, "read", resolvePath(cmd, s), "rsync"));
  }
  const pl: Placement = { dest, sources: p.operands.slice(0, -1), destIsDir: true };
  const out = pl.sources.filter((s) => !isRemote(s)).map((s) => effectOf(cmd, "read", resolvePath(cmd, s), "rsync"));
  out.push(...landing(cmd, "rsync", pl), ...treeCopies(cmd, TREE_VIAS.rsync, pl));
  if (hasFlag(p, ...RSYNC_DELETE)) {
    const abs = resolvePath(cmd, dest);
    out.push(effectOf(cmd, "delete", abs, TREE_VIAS.rsyncDelete, { archive: abs }));
  }
  if (hasFlag(p, "remove-source-files")) out.push(...pl.sources.filter((s) => !isRemote(s)).map((s) => effectOf(cmd, "delete", resolvePath(cmd, s), "rsync")));
  return out;
}

export function interpretScp(cmd: SimpleCommand): FileEffect[] {
  const p = parseArgs(cmd.argv.slice(1), { shortValued: "cFiJlmoPSDX" });
  if (p.operands.length < 2) return [];
  const dest = p.operands[p.operands.length - 1] ?? "";
  const sources = p.operands.slice(0, -1);
  const out = sources.filter((s) => !isRemote(s)).map((s) => effectOf(cmd, "read", resolvePath(cmd, s), "scp"));
  if (isRemote(dest)) return out;
  const pl: Placement = { dest, sources, destIsDir: sources.length > 1 };
  out.push(...landing(cmd, "scp", pl));
  if (hasFlag(p, "r")) out.push(...treeCopies(cmd, TREE_VIAS.scp, { ...pl, sources: sources.filter((s) => !isRemote(s)) }));
  return out;
}

/** ln: the link path is written; the target is aliased (a later write through the link reaches it), so it counts as written too. */
const LN_VALUED = { shortValued: "tS", longValued: ["target-directory", "suffix", "backup"] };

/** ln's link targets and where the links go (`ln -s T` links into the cwd). */
function linkPlacement(p: ParsedArgs): { linkTargets: readonly string[]; dest: string | undefined; target: string | undefined } {
  const target = lastValue(p, "t", "target-directory");
  const linkTargets = target !== undefined || p.operands.length >= 2 ? (target !== undefined ? p.operands : p.operands.slice(0, -1)) : p.operands;
  const dest = target ?? (p.operands.length >= 2 ? p.operands[p.operands.length - 1] : ".");
  return { linkTargets, dest, target };
}

export function interpretLn(cmd: SimpleCommand): FileEffect[] {
  const p = parseArgs(cmd.argv.slice(1), LN_VALUED);
  const { linkTargets, dest, target } = linkPlacement(p);
  const out = landing(cmd, "ln", { dest, sources: linkTargets, destIsDir: target !== undefined });
  const symbolic = hasFlag(p, "s", "symbolic");
  for (const t of linkTargets) {
    // A symlink target is relative to the link's directory; resolving against cwd is right for the common `ln -s X Y` in one dir.
    out.push(effectOf(cmd, "write", resolvePath(cmd, t), symbolic ? "ln -s target" : "ln target"));
  }
  return out;
}

/** Sources and destination of a cp, mv, install, ln or rsync, read as the interpreters above read them (for the
 *  pipeline's renamed-program check, src/decide/renamed.ts); undefined for other programs or no destination. */
export function copyOperands(cmd: SimpleCommand): { readonly sources: readonly string[]; readonly dest: string } | undefined {
  const args = cmd.argv.slice(1);
  if (cmd.program === "ln") {
    const { linkTargets, dest } = linkPlacement(parseArgs(args, LN_VALUED));
    return dest === undefined ? undefined : { sources: linkTargets, dest };
  }
  if (cmd.program === "rsync") {
    const p = parseArgs(args, RSYNC_SPEC);
    const dest = p.operands[p.operands.length - 1];
    return p.operands.length < 2 || dest === undefined ? undefined : { sources: p.operands.slice(0, -1), dest };
  }
  const spec = cmd.program === "install" ? INSTALL_VALUED : cmd.program === "cp" || cmd.program === "mv" ? CP_VALUED : undefined;
  if (!spec) return undefined;
  const pl = placement(parseArgs(args, spec));
  return pl.dest === undefined ? undefined : { sources: pl.sources, dest: pl.dest };
}
