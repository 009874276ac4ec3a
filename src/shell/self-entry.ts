/** infragate run through another name: `node <path>/bin/infragate.cjs`, `node <path>/dist/cli/bin.js`,
 *  `node "$(which infragate)"`, `bun <copy of the package>/bin/x.cjs`. Whatever resolves to infragate's own
 *  entry points is reported as the program `infragate`, so the infragate interpreter decides it (an admin
 *  verb is an admin verb whichever path runs it). */
import type { Ctx, Inv, RWord } from "./model.js";
import { basename } from "./paths.js";
import { resolvePath } from "./paths.js";
import { interpreterFile } from "./project/interpreters.js";

export const SELF = "infragate";

/** Script runners that can run infragate's JavaScript entry points. */
const JS_RUNNERS: ReadonlySet<string> = new Set(["node", "bun", "deno", "tsx", "ts-node"]);

/** The entry points by their place in the package: bin/infragate(.cjs), dist/cli/*.js, dist/cli.cjs. */
const ENTRY_PATH = /(?:^|\/)(?:bin\/infragate(?:\.c?js)?|dist\/cli\/[^/]+\.js|dist\/cli\.cjs)$/;

/** A package root at or above a script: the folder of the nearest package.json, up to four levels. */
function packageNameAbove(ctx: Ctx, file: string): string | undefined {
  let dir = file.slice(0, file.lastIndexOf("/")) || "/";
  for (let i = 0; i < 4; i++) {
    const pkg = dir === "/" ? "/package.json" : `${dir}/package.json`;
    const read = ctx.reader?.exists(pkg) ? ctx.reader.read(pkg) : undefined;
    if (read?.ok) {
      const m = /"name"\s*:\s*"([^"]*)"/.exec(read.text);
      return m?.[1];
    }
    if (dir === "/") return undefined;
    dir = dir.slice(0, dir.lastIndexOf("/")) || "/";
  }
  return undefined;
}

/** Is this script word one of infragate's entry points? A word that cannot be resolved counts when its
 *  text names infragate (`$(which infragate)`, `"$(npm root -g)/infragate/bin/infragate.cjs"`). */
function isEntry(word: RWord, inv: Inv, ctx: Ctx): boolean {
  if (word.unresolved) return /infragate/i.test(word.value);
  const abs = resolvePath(inv.cwd, word.value);
  const name = basename(abs);
  if (name === SELF || name === `${SELF}.cjs`) return true;
  const inPackage = packageNameAbove(ctx, abs);
  if (inPackage !== undefined) return inPackage === SELF;
  return ENTRY_PATH.test(abs) && /(?:^|\/)infragate\//.test(abs);
}

/** `node ENTRY ARGS` -> the words `infragate ARGS`, or undefined when the script is not infragate. */
export function selfEntryWords(program: string, inv: Inv, ctx: Ctx): RWord[] | undefined {
  if (!JS_RUNNERS.has(program)) return undefined;
  const script = interpreterFile(program, inv.words);
  if (!script || !isEntry(script, inv, ctx)) return undefined;
  const at = inv.words.indexOf(script);
  return [{ value: SELF, unresolved: false }, ...inv.words.slice(at + 1)];
}
