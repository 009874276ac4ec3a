/** Program-name normalisation: basename, version suffixes, aliases. The CLIs' names come from the CLI
 *  registry through ShellOptions.names; the shell stage adds its own names of interpreters and shells. */
import { basename } from "./paths.js";
import type { ProgramNames } from "./types.js";

export const SHELLS: ReadonlySet<string> = new Set(["bash", "sh", "zsh", "dash", "ksh", "mksh", "ash", "busybox-sh", "fish", "yash", "posh"]);

/** The shell stage's own names: script interpreters and shells (no CLI). */
export const SHELL_NAMES: ProgramNames = {
  aliases: { nodejs: "node", ".": "source" },
  versioned: new Set(["python", "pip", "node", "ruby", "perl", "php", "lua", "bash", "zsh", "ksh", "deno", "bun", "gawk", "java", "go"]),
  packages: {},
  scripts: {},
  images: {},
};

const merged = new WeakMap<ProgramNames, ProgramNames>();

/** The shell stage's names and the CLIs' names together (the CLIs' win on a clash); built once per table. */
export function withShellNames(names: ProgramNames): ProgramNames {
  const known = merged.get(names);
  if (known) return known;
  const out: ProgramNames = {
    aliases: { ...SHELL_NAMES.aliases, ...names.aliases },
    versioned: new Set([...SHELL_NAMES.versioned, ...names.versioned]),
    packages: { ...names.packages },
    scripts: { ...names.scripts },
    images: { ...names.images },
  };
  merged.set(names, out);
  return out;
}

const VERSION_SUFFIX = /^([a-z]+?)[-_]?v?(\d+(?:\.\d+)*)$/;

/** Normalise a program word: `/usr/local/bin/terraform1.9` -> `terraform`, `tf` -> `terraform`. */
export function normalizeProgram(word: string, names: ProgramNames): string {
  let name = basename(word);
  if (name.toLowerCase().endsWith(".exe")) name = name.slice(0, -4);
  const alias = names.aliases[name];
  if (alias !== undefined) return alias;
  const m = name.length <= 40 ? VERSION_SUFFIX.exec(name) : null;
  if (m && m[1] !== undefined && names.versioned.has(m[1])) return names.aliases[m[1]] ?? m[1];
  return name;
}
