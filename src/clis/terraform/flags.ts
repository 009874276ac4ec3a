/** Go `flag` package semantics as terraform and tofu use them (iac-semantics 2.3, 3.2):
 *  `-x` = `--x`, `-x=v`, `-x v` for valued flags only, booleans accept `=true|1|t|T|TRUE|True` and
 *  `=false|0|f|F|FALSE|False`, the last occurrence wins, parsing stops at the first positional or `--`. */

/** Flags that take a value (`-x v` consumes the next word). Repeatable ones are in MULTI too. */
const VALUED = new Set([
  "backup", "backup-out", "backend-config", "cloud-run", "config", "deprecation", "exclude", "exclude-file",
  "filter", "from-module", "fs-mirror", "generate-config-out", "id", "invoke", "json-into", "junit-xml",
  "lock-timeout", "lockfile", "module-depth", "net-mirror", "out", "parallelism", "plan", "platform",
  "plugin-dir", "provider", "replace", "state", "state-out", "target", "target-file", "test-directory",
  "type", "var", "var-file",
]);

/** Valued flags that may be given more than once (all values count). */
const MULTI = new Set(["backend-config", "exclude", "filter", "invoke", "platform", "plugin-dir", "replace", "target", "var", "var-file"]);

/** Booleans whose default is true: turning one off is recorded as "<name>-false" (lock-false, backend-false). */
const DEFAULT_TRUE = new Set(["lock", "refresh", "input", "backend", "get", "list", "write", "lock-file"]);

/** Per-command exceptions to the tables above. */
const OVERRIDES: Readonly<Record<string, Readonly<Record<string, "bool" | "value">>>> = {
  console: { plan: "bool" },
};

/** Flags whose presence after parsing stopped can only add risk: kept (conservatively) as if parsed. */
const RISK = new Set(["auto-approve", "destroy", "replace", "force", "force-copy", "lock-false", "state", "state-out", "backup"]);

const TRUE_WORDS = new Set(["1", "t", "T", "TRUE", "true", "True"]);
const FALSE_WORDS = new Set(["0", "f", "F", "FALSE", "false", "False"]);

/** strconv.ParseBool: true, false, or undefined when Go would reject the value. */
export function parseGoBool(v: string): boolean | undefined {
  if (TRUE_WORDS.has(v)) return true;
  if (FALSE_WORDS.has(v)) return false;
  return undefined;
}

/** A word of the effective argv and where it came from: "" for the user's own words, else the env var. */
export interface Word {
  readonly word: string;
  readonly from: string;
}

export interface ParsedFlags {
  /** Normalised names: booleans that are on, "<name>-false" for default-on booleans turned off, valued flags present. */
  readonly flags: ReadonlySet<string>;
  /** Valued flags as "name=value", every occurrence. */
  readonly options: readonly string[];
  /** Values of valued flags, in order. */
  readonly values: ReadonlyMap<string, readonly string[]>;
  /** Positional arguments (everything from the first non-flag word, or after `--`). */
  readonly positionals: readonly string[];
  /** Normalised flag names whose deciding occurrence came from TF_CLI_ARGS*. */
  readonly injected: ReadonlySet<string>;
  /** Risky flag names written after the first positional (see trailingRisk). */
  readonly trailing: readonly string[];
}

function kindOf(name: string, command: string): "bool" | "value" {
  const o = OVERRIDES[command]?.[name];
  if (o) return o;
  return VALUED.has(name) ? "value" : "bool";
}

/** Split `-x`, `--x=v` into name and value; undefined when the word is not a flag (Go: "-" and "--" handled by caller). */
export function splitFlag(word: string): { name: string; value: string | undefined } | undefined {
  if (word.length < 2 || word[0] !== "-") return undefined;
  const body = word[1] === "-" ? word.slice(2) : word.slice(1);
  if (body === "" || body[0] === "-" || body[0] === "=") return undefined;
  const eq = body.indexOf("=");
  return eq < 0 ? { name: body, value: undefined } : { name: body.slice(0, eq), value: body.slice(eq + 1) };
}

/** Parse one subcommand's flags the way Go's flag.FlagSet does. */
export function parseGoFlags(words: readonly Word[], command: string): ParsedFlags {
  const bools = new Map<string, { on: boolean; from: string }>();
  const values = new Map<string, string[]>();
  const valueFrom = new Map<string, string>();
  const options: string[] = [];
  const positionals: string[] = [];
  let i = 0;
  let dashDash = false;
  for (; i < words.length; i++) {
    const w = words[i] as Word;
    if (w.word === "--") {
      dashDash = true;
      i++;
      break;
    }
    const f = splitFlag(w.word);
    if (!f) break;
    if (kindOf(f.name, command) === "value") {
      let v = f.value;
      if (v === undefined) {
        const next = words[i + 1];
        if (next === undefined) continue; // Go: "flag needs an argument": nothing runs
        v = next.word;
        i++;
      }
      const list = values.get(f.name) ?? [];
      if (MULTI.has(f.name)) list.push(v);
      else list.splice(0, list.length, v);
      values.set(f.name, list);
      valueFrom.set(f.name, w.from);
      options.push(`${f.name}=${v}`);
      continue;
    }
    // A boolean; an unparsable value makes Go fail, counted as on (the conservative reading).
    const on = f.value === undefined ? true : (parseGoBool(f.value) ?? true);
    bools.set(f.name, { on, from: w.from });
  }
  const rest = words.slice(i);
  for (const w of rest) positionals.push(w.word);
  const trailing = dashDash ? [] : trailingRisk(rest.slice(1));

  const flags = new Set<string>();
  const injected = new Set<string>();
  const add = (name: string, from: string): void => {
    flags.add(name);
    if (from !== "") injected.add(name);
  };
  for (const [name, b] of bools) {
    if (b.on && !DEFAULT_TRUE.has(name)) add(name, b.from);
    else if (!b.on && DEFAULT_TRUE.has(name)) add(`${name}-false`, b.from);
  }
  for (const name of values.keys()) add(name, valueFrom.get(name) ?? "");
  return { flags, options, values, positionals, injected, trailing };
}

/** Risky flags among words after parsing stopped at a positional (not after `--`). Terraform treats them
 *  as arguments and usually fails ("Too many command line arguments"); counting them can only add risk. */
export function trailingRisk(words: readonly Word[]): string[] {
  const found: string[] = [];
  for (const w of words) {
    if (w.word === "--") break;
    const f = splitFlag(w.word);
    if (!f) continue;
    if (f.name === "lock" && f.value !== undefined && parseGoBool(f.value) === false) found.push("lock-false");
    else if (RISK.has(f.name) && (f.value === undefined || VALUED.has(f.name) || parseGoBool(f.value) !== false)) found.push(f.name);
  }
  return found;
}
