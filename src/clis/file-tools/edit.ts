/** Tools that rewrite files in place or write a stream into them: tee, sponge, dd, sed -i, perl -i, patch. */
import type { FileEffect, SimpleCommand } from "../../shell/types.js";
import { effectOf, hasFlag, lastValue, parseArgs, resolvePath } from "./args.js";
import { stdinPatchEffect } from "./stdin-patch.js";

export function interpretTee(cmd: SimpleCommand): FileEffect[] {
  const p = parseArgs(cmd.argv.slice(1), { longValued: ["output-error"] });
  const via = hasFlag(p, "a", "append") ? "tee -a" : "tee";
  return p.operands.filter((o) => o !== "-").map((o) => effectOf(cmd, "write", resolvePath(cmd, o), via));
}

/** sponge (moreutils) soaks stdin and writes the file: `cmd < f | sponge f`. */
export function interpretSponge(cmd: SimpleCommand): FileEffect[] {
  return parseArgs(cmd.argv.slice(1)).operands.map((o) => effectOf(cmd, "write", resolvePath(cmd, o), "sponge"));
}

/** dd if=IN of=OUT: operands are key=value. */
export function interpretDd(cmd: SimpleCommand): FileEffect[] {
  const out: FileEffect[] = [];
  for (const a of cmd.argv.slice(1)) {
    if (a.startsWith("of=") && a.length > 3) out.push(effectOf(cmd, "write", resolvePath(cmd, a.slice(3)), "dd of="));
    if (a.startsWith("if=") && a.length > 3) out.push(effectOf(cmd, "read", resolvePath(cmd, a.slice(3)), "dd if="));
  }
  return out;
}

/** sed: with -i / --in-place the files after the script are rewritten, otherwise they are read.
 *  BSD `sed -i '' SCRIPT FILE` takes the suffix as its own word: an empty word after -i is that suffix.
 *  Without -e / -f the first operand is the script; with BSD `-i .bak` the script is the second word,
 *  and treating every word after the first as a file covers both readings. */
export function interpretSed(cmd: SimpleCommand): FileEffect[] {
  const args = [...cmd.argv.slice(1)];
  const bsd = args.findIndex((a, i) => a === "-i" && args[i + 1] === "");
  if (bsd >= 0) args.splice(bsd + 1, 1);
  const p = parseArgs(args, { shortValued: "efl", longValued: ["expression", "file", "line-length"] });
  // GNU `-i.bak` parses as the cluster -i -. -b -a -k, `--in-place=.bak` as a valued flag: both hold i / in-place.
  const inPlace = hasFlag(p, "i", "in-place");
  const scripted = hasFlag(p, "e", "f", "expression", "file");
  const files = (scripted ? p.operands : p.operands.slice(1)).filter((o) => o !== "-");
  const out = files.map((o) => effectOf(cmd, inPlace ? "write" : "read", resolvePath(cmd, o), inPlace ? "sed -i" : "sed"));
  const scriptFile = lastValue(p, "f", "file");
  if (scriptFile !== undefined) out.push(effectOf(cmd, "read", resolvePath(cmd, scriptFile), "sed -f"));
  return out;
}

/** perl -i / -pi / -i.bak: the files after the code are rewritten; without -i they are read. Options
 *  end at the first operand (the script file when there is no -e). */
export function interpretPerl(cmd: SimpleCommand): FileEffect[] {
  const p = parseArgs(cmd.argv.slice(1), { shortValued: "eEIMm", permute: false });
  const inPlace = hasFlag(p, "i");
  const code = hasFlag(p, "e", "E");
  const files = (code ? p.operands : p.operands.slice(1)).filter((o) => o !== "-");
  return files.map((o) => effectOf(cmd, inPlace ? "write" : "read", resolvePath(cmd, o), inPlace ? "perl -i" : "perl"));
}

/** patch: the files it changes are named inside the diff. `patch FILE [PATCH]` names the file; -i PATCH
 *  lets the enrich stage read the diff (its `+++` lines); so does stdin (`patch -p1 < x.diff`, a heredoc, a
 *  literal pipe); stdin infragate cannot see leaves a write on the directory (-d or cwd). */
export function interpretPatch(cmd: SimpleCommand): FileEffect[] {
  const p = parseArgs(cmd.argv.slice(1), {
    shortValued: "BDdFiopruVYzgM",
    longValued: ["prefix", "ifdef", "directory", "fuzz", "input", "output", "strip", "reject-file", "suffix", "version-control", "basename-prefix", "get", "quoting-style", "merge"],
  });
  if (hasFlag(p, "dry-run")) return [];
  const dirArg = lastValue(p, "d", "directory");
  const dir = dirArg === undefined ? cmd.cwd : resolvePath(cmd, dirArg);
  const dirCmd = { ...cmd, cwd: dir };
  const out: FileEffect[] = [];
  const output = lastValue(p, "o", "output");
  if (output !== undefined && output !== "-") out.push(effectOf(cmd, "write", resolvePath(dirCmd, output), "patch"));
  const [file, patchOperand] = p.operands;
  if (file !== undefined) out.push(effectOf(cmd, "write", resolvePath(dirCmd, file), "patch"));
  const patchFile = lastValue(p, "i", "input") ?? patchOperand;
  if (patchFile !== undefined && patchFile !== "-") {
    out.push(effectOf(cmd, "write", dir, "patch", { archive: resolvePath(cmd, patchFile) }));
  } else if (file === undefined) {
    out.push(stdinPatchEffect(cmd, dir, "patch"));
  }
  return out;
}
