/** The file-tools interpreter: one pure function per tool family, dispatched by program name. */
import path from "node:path";
import type { FileEffect, SimpleCommand } from "../../shell/types.js";
import type { CliDescriptor } from "../descriptor.js";
import type { Interpretation, Interpreter } from "../types.js";
import { COMPRESSOR_PROGRAMS, interpretCompressor, interpretSevenZip, interpretTar, interpretUnzip } from "./archive.js";
import { interpretCp, interpretInstall, interpretLn, interpretMv, interpretRsync, interpretScp } from "./copy.js";
import { interpretDd, interpretPatch, interpretPerl, interpretSed, interpretSponge, interpretTee } from "./edit.js";
import { interpretCurl, interpretReader, interpretWget, READER_PROGRAMS } from "./read.js";
import { findExecReads, READER_TOOLS } from "./readers.js";
import { SEARCH_TOOLS } from "./search.js";
import { markTemplateCopies } from "./templates.js";
import { metadataOps } from "../secrets/metadata.js";
import { interpretChmod, interpretFind, interpretRm, interpretRmdir, interpretShred, interpretTouch, interpretTruncate, interpretUnlink } from "./remove.js";

type Tool = (cmd: SimpleCommand) => FileEffect[];

const TOOLS: ReadonlyMap<string, Tool> = new Map<string, Tool>([
  ["cp", (cmd) => markTemplateCopies(interpretCp(cmd))],
  ["mv", interpretMv],
  ["install", interpretInstall],
  ["rsync", interpretRsync],
  ["scp", interpretScp],
  ["ln", interpretLn],
  ["rm", interpretRm],
  ["rmdir", interpretRmdir],
  ["unlink", interpretUnlink],
  ["shred", interpretShred],
  ["truncate", interpretTruncate],
  ["touch", interpretTouch],
  ["chmod", interpretChmod],
  ["chown", interpretChmod],
  ["chgrp", interpretChmod],
  ["find", (cmd) => [...interpretFind(cmd), ...findExecReads(cmd)]],
  ["tee", interpretTee],
  ["sponge", interpretSponge],
  ["dd", interpretDd],
  ["sed", interpretSed],
  ["gsed", interpretSed],
  ["perl", interpretPerl],
  ["patch", interpretPatch],
  ["tar", interpretTar],
  ["gtar", interpretTar],
  ["bsdtar", interpretTar],
  ["unzip", interpretUnzip],
  ["7z", interpretSevenZip],
  ["7za", interpretSevenZip],
  ["7zz", interpretSevenZip],
  ["7zr", interpretSevenZip],
  ["curl", interpretCurl],
  ["wget", interpretWget],
  ...COMPRESSOR_PROGRAMS.map((p): [string, Tool] => [p, interpretCompressor]),
  ...READER_PROGRAMS.map((p): [string, Tool] => [p, interpretReader]),
  ...Object.entries(SEARCH_TOOLS),
  ...Object.entries(READER_TOOLS),
]);

/** Programs the file-tools interpreter understands. */
export const FILE_TOOL_NAMES: readonly string[] = [...TOOLS.keys()];

/** The words of argv that could not be resolved (their source text, e.g. `$OUT`, `{}`). */
function unresolvedWords(cmd: SimpleCommand): string[] {
  return (cmd.unresolvedArgs ?? []).filter((i) => i > 0).map((i) => cmd.argv[i] ?? "").filter((w) => w !== "");
}

/** An effect whose path holds an unresolved word, or that is relative to a cwd that is only a guess, is
 *  marked `unresolved` (a fact: `rm -rf "$DIR"/*` may be `/*`). Under `find -exec`, `{}` stands for what
 *  find matches, which find's own effects already cover: those are dropped. */
function markUnresolved(cmd: SimpleCommand, effects: readonly FileEffect[]): FileEffect[] {
  const words = unresolvedWords(cmd);
  const underFind = cmd.wrappers.some((w) => w.startsWith("find -"));
  const out: FileEffect[] = [];
  for (const e of effects) {
    const named = [e.path, e.archive ?? ""];
    if (underFind && named.some((p) => path.basename(p) === "{}")) continue;
    const hidden = words.some((w) => named.some((p) => p.includes(w)));
    const guessedCwd = cmd.cwdUnresolved === true && named.some((p) => p === cmd.cwd || p.startsWith(`${cmd.cwd}/`));
    out.push(hidden || guessedCwd ? { ...e, unresolved: true } : e);
  }
  return out;
}

/** argv, env and cwd -> file effects (absolute paths). Pure: no fs, no process.env. */
export const interpretFileTool: Interpreter = (cmd: SimpleCommand): Interpretation => {
  const tool = TOOLS.get(cmd.program);
  const operations = cmd.program === "curl" || cmd.program === "wget" ? metadataOps(cmd) : [];
  return { operations, files: tool ? markUnresolved(cmd, tool(cmd)) : [] };
};

export const fileToolsCli: CliDescriptor = {
  name: "files",
  names: { programs: FILE_TOOL_NAMES },
  guarded: false,
  interpret: interpretFileTool,
};
