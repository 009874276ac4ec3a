/** Program-name normalisation: basename, version suffixes, aliases. */
import { basename } from "./paths.js";

/** Aliases an agent's shell snapshot commonly carries, and alternative names of the same CLI. */
const ALIASES: Readonly<Record<string, string>> = {
  tf: "terraform",
  k: "kubectl",
  kc: "kubectl",
  tg: "terragrunt",
  opentofu: "tofu",
  nodejs: "node",
  ".": "source",
};

/** Programs whose versioned names (`terraform1.9`, `python3.11`, `tofu-1.8`) mean the program itself. */
const VERSIONED = new Set([
  "terraform", "tofu", "terragrunt", "kubectl", "helm", "pulumi", "aws", "cdk", "cdktf", "python", "pip",
  "node", "ruby", "perl", "php", "lua", "bash", "zsh", "ksh", "deno", "bun", "gawk", "java", "go",
]);

const VERSION_SUFFIX = /^([a-z]+?)[-_]?v?(\d+(?:\.\d+)*)$/;

export const SHELLS = new Set(["bash", "sh", "zsh", "dash", "ksh", "mksh", "ash", "busybox-sh", "fish", "yash", "posh"]);

/** Normalise a program word: `/usr/local/bin/terraform1.9` -> `terraform`, `tf` -> `terraform`. */
export function normalizeProgram(word: string): string {
  let name = basename(word);
  if (name.toLowerCase().endsWith(".exe")) name = name.slice(0, -4);
  const alias = ALIASES[name];
  if (alias !== undefined) return alias;
  const m = name.length <= 40 ? VERSION_SUFFIX.exec(name) : null;
  if (m && m[1] !== undefined && VERSIONED.has(m[1])) return ALIASES[m[1]] ?? m[1];
  return name;
}
