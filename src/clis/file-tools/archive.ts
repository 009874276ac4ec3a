/** Archive extraction (tar x, unzip, 7z x|e) and single-file (de)compressors (gzip, gunzip, bzip2, xz, zstd).
 *  An extraction is a write on the destination directory that carries the archive: the enrich stage
 *  lists it, and the members decide (a member that is a state file is a state swap). */
import path from "node:path";
import type { FileEffect, SimpleCommand } from "../../shell/types.js";
import { effectOf, hasFlag, lastValue, parseArgs, resolvePath } from "./args.js";
import { EXTRACT_VIAS } from "./vias.js";

const TAR_SHORT_VALUED = "fCTXbKNgLVHFI";
const TAR_LONG_VALUED = [
  "file", "directory", "files-from", "exclude-from", "exclude", "blocking-factor", "starting-file", "newer", "after-date",
  "listed-incremental", "tape-length", "label", "format", "info-script", "new-volume-script", "use-compress-program",
  "transform", "xform", "strip-components", "owner", "group", "mode", "mtime", "to-command", "checkpoint-action", "index-file",
  "record-size", "volno-file", "rsh-command", "backup", "suffix", "newer-mtime", "occurrence", "quoting-style",
];

/** Old-style `tar xzf a.tgz -C dir` -> `-x -z -f a.tgz -C dir`: valued letters take the next words in order. */
function tarArgs(args: readonly string[]): string[] {
  const first = args[0];
  if (first === undefined || first.startsWith("-") || !/^[A-Za-z]+$/.test(first)) return [...args];
  const out: string[] = [];
  let next = 1;
  for (const ch of first) {
    out.push(`-${ch}`);
    if (TAR_SHORT_VALUED.includes(ch) && next < args.length) out.push(args[next++] ?? "");
  }
  return [...out, ...args.slice(next)];
}

export function interpretTar(cmd: SimpleCommand): FileEffect[] {
  const p = parseArgs(tarArgs(cmd.argv.slice(1)), { shortValued: TAR_SHORT_VALUED, longValued: TAR_LONG_VALUED });
  const file = lastValue(p, "f", "file") ?? cmd.env.TAPE;
  const archive = file === undefined || file === "-" ? "(stdin)" : resolvePath(cmd, file);
  if (hasFlag(p, "x", "extract", "get")) {
    if (hasFlag(p, "O", "to-stdout", "to-command")) return [];
    const dir = lastValue(p, "C", "directory");
    const dest = dir === undefined ? cmd.cwd : resolvePath(cmd, dir);
    const members = p.operands.length > 0 ? p.operands : undefined;
    const out = [effectOf(cmd, "write", dest, EXTRACT_VIAS.tar, { archive, ...(members ? { members } : {}) })];
    if (archive !== "(stdin)") out.push(effectOf(cmd, "read", archive, "tar x"));
    return out;
  }
  if (hasFlag(p, "c", "create", "r", "append", "u", "update", "A", "catenate", "concatenate", "delete")) {
    const dir = lastValue(p, "C", "directory");
    const base = dir === undefined ? cmd : { ...cmd, cwd: resolvePath(cmd, dir) };
    const out = p.operands.map((o) => effectOf(cmd, "read", resolvePath(base, o), "tar c"));
    if (archive !== "(stdin)") out.push(effectOf(cmd, "write", archive, "tar c"));
    return out;
  }
  return [];
}

const UNZIP_LIST_ONLY = new Set(["l", "t", "p", "Z", "v", "z", "c"]);

/** unzip [-opts] ARCHIVE [members...] [-x excluded...] [-d DEST]: options may come anywhere. */
export function interpretUnzip(cmd: SimpleCommand): FileEffect[] {
  const args = cmd.argv.slice(1);
  let archive: string | undefined;
  let dest: string | undefined;
  let excluding = false;
  let listOnly = false;
  const members: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a.startsWith("-") && a.length > 1) {
      excluding = false;
      for (let j = 1; j < a.length; j++) {
        const ch = a[j] ?? "";
        if (UNZIP_LIST_ONLY.has(ch)) listOnly = true;
        if (ch === "x") excluding = true;
        if (ch === "d" || ch === "P") {
          const v = a.slice(j + 1) || args[++i] || "";
          if (ch === "d") dest = v;
          break;
        }
      }
      continue;
    }
    if (archive === undefined) archive = a;
    else if (!excluding) members.push(a);
  }
  if (archive === undefined) return [];
  const abs = resolvePath(cmd, archive);
  if (listOnly) return [effectOf(cmd, "read", abs, "unzip")];
  const out = [effectOf(cmd, "write", dest === undefined ? cmd.cwd : resolvePath(cmd, dest), EXTRACT_VIAS.unzip, { archive: abs, ...(members.length ? { members } : {}) })];
  out.push(effectOf(cmd, "read", abs, "unzip"));
  return out;
}

/** 7z / 7za / 7zz / 7zr COMMAND [switches] ARCHIVE [files]: x keeps paths, e flattens them; a/u/d/rn rewrite the archive. */
export function interpretSevenZip(cmd: SimpleCommand): FileEffect[] {
  const words = cmd.argv.slice(1).filter((a) => !a.startsWith("-"));
  const switches = cmd.argv.slice(1).filter((a) => a.startsWith("-") && a.length > 1);
  const [command, archive, ...files] = words;
  if (command === undefined || archive === undefined) return [];
  const abs = resolvePath(cmd, archive);
  const c = command.toLowerCase();
  if (c === "x" || c === "e") {
    const o = switches.filter((s) => s.startsWith("-o")).at(-1);
    const dest = o === undefined || o.length === 2 ? cmd.cwd : resolvePath(cmd, o.slice(2));
    const via = c === "x" ? EXTRACT_VIAS.sevenZip : EXTRACT_VIAS.sevenZipFlat;
    const members = files.length > 0 ? (c === "e" ? files.map((f) => path.basename(f)) : files) : undefined;
    return [effectOf(cmd, "write", dest, via, { archive: abs, ...(members ? { members } : {}) }), effectOf(cmd, "read", abs, "7z")];
  }
  if (["a", "u", "d", "rn"].includes(c)) {
    return [effectOf(cmd, "write", abs, "7z"), ...files.map((f) => effectOf(cmd, "read", resolvePath(cmd, f), "7z"))];
  }
  return [effectOf(cmd, "read", abs, "7z")];
}

const SUFFIXES: Readonly<Record<string, readonly string[]>> = {
  gzip: [".gz", ".tgz", ".z", ".taz"],
  bzip2: [".bz2", ".tbz2", ".tbz"],
  xz: [".xz", ".txz", ".lzma"],
  zstd: [".zst", ".tzst"],
};
const FAMILY: Readonly<Record<string, { family: string; decompress: boolean; keeps: boolean }>> = {
  gzip: { family: "gzip", decompress: false, keeps: false },
  gunzip: { family: "gzip", decompress: true, keeps: false },
  bzip2: { family: "bzip2", decompress: false, keeps: false },
  bunzip2: { family: "bzip2", decompress: true, keeps: false },
  xz: { family: "xz", decompress: false, keeps: false },
  unxz: { family: "xz", decompress: true, keeps: false },
  zstd: { family: "zstd", decompress: false, keeps: true },
  unzstd: { family: "zstd", decompress: true, keeps: true },
};
export const COMPRESSOR_PROGRAMS: readonly string[] = Object.keys(FAMILY);

function stripSuffix(file: string, family: string): string {
  const lower = file.toLowerCase();
  for (const s of SUFFIXES[family] ?? []) {
    if (lower.endsWith(s)) return file.slice(0, -s.length) + (s.startsWith(".t") && s !== ".taz" ? ".tar" : "");
  }
  return file;
}

/** gunzip X.gz writes X and deletes X.gz; gzip X writes X.gz and deletes X (`gzip terraform.tfstate` removes the state). */
export function interpretCompressor(cmd: SimpleCommand): FileEffect[] {
  const kind = FAMILY[cmd.program];
  if (!kind) return [];
  const p = parseArgs(cmd.argv.slice(1), { shortValued: "SoTbMBD", longValued: ["suffix", "output", "threads", "format", "memlimit"] });
  if (hasFlag(p, "c", "stdout", "to-stdout", "l", "list", "t", "test")) {
    return p.operands.map((o) => effectOf(cmd, "read", resolvePath(cmd, o), cmd.program));
  }
  const decompress = kind.decompress || hasFlag(p, "d", "decompress", "uncompress");
  const keep = kind.keeps ? !hasFlag(p, "rm") : hasFlag(p, "k", "keep");
  const via = decompress ? `${kind.family} -d` : kind.family;
  const suffix = lastValue(p, "S", "suffix");
  const out: FileEffect[] = [];
  for (const o of p.operands) {
    const abs = resolvePath(cmd, o);
    const produced = decompress
      ? suffix !== undefined && abs.endsWith(suffix) ? abs.slice(0, -suffix.length) : stripSuffix(abs, kind.family)
      : `${abs}${suffix ?? (SUFFIXES[kind.family]?.[0] ?? "")}`;
    const output = lastValue(p, "o", "output");
    out.push(effectOf(cmd, "read", abs, via), effectOf(cmd, "write", output === undefined ? produced : resolvePath(cmd, output), via));
    if (!keep) out.push(effectOf(cmd, "delete", abs, via));
  }
  return out;
}
