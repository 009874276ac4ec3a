/** The gcloud grammar: `gcloud [alpha|beta|preview] GROUP [GROUP...] COMMAND [POSITIONALS] [FLAGS]`.
 *  calliope takes the global flags anywhere on the line (`--project`, `--quiet`/`-q`, `--format`,
 *  `--account`, `--impersonate-service-account`, ...); flags are exact (gcloud rejects abbreviations with
 *  "unrecognized arguments ... did you mean"); `--flag=value` and `--flag value`; `--no-flag` turns a
 *  boolean off. Which word is the command is not written anywhere: groups nest to any depth and the
 *  command's positionals follow it. The command is the first word after the top group that is a command
 *  word (verbs.ts); when none is, the last leading word is taken and its class is "mutate". */

export const TRACKS = new Set(["alpha", "beta", "preview"]);

const GLOBAL_VALUED = new Set([
  "account", "billing-project", "configuration", "flags-file", "flatten", "format", "impersonate-service-account",
  "project", "trace-token", "verbosity", "access-token-file", "universe-domain", "filter", "limit", "page-size", "sort-by",
]);
const GLOBAL_BOOL = new Set(["quiet", "log-http", "user-output-enabled", "no-user-output-enabled", "help", "uri", "verbose"]);

/** Flags of gcloud commands that take no value (so the next word stays a positional). */
const BOOL_FLAGS = new Set([
  "recursive", "all-versions", "async", "dry-run", "validate-only", "force", "allow-unauthenticated", "no-allow-unauthenticated",
  "internal-ip", "read-paths-from-stdin", "continue-on-error", "delete-unmatched-destination-objects", "all", "admin",
  "enable-deletion-protection", "no-deletion-protection", "deletion-protection", "include-all-data", "no-user-output-enabled",
  "uri", "help", "quiet", "verbose", "preview", "wait", "no-wait", "activate", "skip-final-backup", "skip-backup", "disable",
]);

export interface GcloudArgv {
  readonly track: string;
  /** Non-flag words in order (groups, the command, then positionals). */
  readonly words: readonly string[];
  /** Flag name (without dashes; `-q` -> quiet, `-r`/`-R` kept as `r`/`R`) -> values (booleans have none). */
  readonly flags: ReadonlyMap<string, readonly string[]>;
  /** Flag names in the order given. */
  readonly order: readonly string[];
}

const SHORT: Readonly<Record<string, string>> = { q: "quiet", h: "help" };

export function splitGcloudArgv(argv: readonly string[]): GcloudArgv {
  const words: string[] = [];
  const flags = new Map<string, string[]>();
  const order: string[] = [];
  const add = (name: string, values: string[]): void => {
    flags.set(name, [...(flags.get(name) ?? []), ...values]);
    order.push(name);
  };
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i] as string;
    if (w === "--") {
      words.push(...argv.slice(i + 1));
      break;
    }
    if (w.startsWith("--") && w.length > 2) {
      const body = w.slice(2);
      const eq = body.indexOf("=");
      if (eq >= 0) {
        add(body.slice(0, eq), [body.slice(eq + 1)]);
        continue;
      }
      const next = argv[i + 1];
      const takesValue = GLOBAL_VALUED.has(body) || (!GLOBAL_BOOL.has(body) && !BOOL_FLAGS.has(body) && !body.startsWith("no-"));
      if (takesValue && next !== undefined && !next.startsWith("-")) {
        add(body, [next]);
        i++;
      } else add(body, []);
      continue;
    }
    if (w.startsWith("-") && w.length > 1 && !/^-\d/.test(w)) {
      for (const c of w.slice(1)) add(SHORT[c] ?? c, []);
      continue;
    }
    words.push(w);
  }
  const track = words[0] !== undefined && TRACKS.has(words[0]) ? (words.shift() as string) : "";
  return { track, words, flags, order };
}

export function hasFlag(a: { readonly flags: ReadonlyMap<string, readonly string[]> }, ...names: string[]): boolean {
  return names.some((n) => a.flags.has(n));
}

/** A boolean flag is on when `--x` comes after the last `--no-x`. */
export function isOn(a: GcloudArgv, name: string): boolean {
  const on = a.order.lastIndexOf(name);
  return on >= 0 && on > a.order.lastIndexOf(`no-${name}`);
}

export function flagValue(a: { readonly flags: ReadonlyMap<string, readonly string[]> }, ...names: string[]): string | undefined {
  for (const n of names) {
    const vs = a.flags.get(n);
    if (vs && vs.length > 0) return vs[vs.length - 1];
  }
  return undefined;
}

export function flagValues(a: { readonly flags: ReadonlyMap<string, readonly string[]> }, ...names: string[]): string[] {
  return names.flatMap((n) => [...(a.flags.get(n) ?? [])]);
}

/** Comma-separated list values (`--allow tcp:22,tcp:3389`, `--source-ranges a,b`). */
export function listValues(a: { readonly flags: ReadonlyMap<string, readonly string[]> }, ...names: string[]): string[] {
  return flagValues(a, ...names).flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v.length > 0);
}
