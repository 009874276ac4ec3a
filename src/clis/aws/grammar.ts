/** The aws CLI v2 grammar (research/iac-semantics.md section 6): `aws [options] <service> <operation> [parameters]`.
 *  MainArgParser.parse_known_args takes the global options anywhere, including after the operation, and
 *  argparse accepts any unique prefix (`--prof`, `--reg`). What is left goes to the operation's parser. */

const GLOBAL_VALUED = [
  "endpoint-url", "output", "query", "profile", "region", "color", "ca-bundle", "cli-read-timeout",
  "cli-connect-timeout", "cli-binary-format", "cli-error-format",
];
const GLOBAL_BOOL = ["debug", "no-verify-ssl", "no-paginate", "version", "no-sign-request", "no-cli-pager", "cli-auto-prompt", "no-cli-auto-prompt"];
const GLOBALS = [...GLOBAL_VALUED, ...GLOBAL_BOOL];

/** argparse's option lookup: an exact name, else the one name the word is a prefix of; undefined when none
 *  or ambiguous (ambiguous is an argparse error, so the call would not run). */
export function resolvePrefix(name: string, names: readonly string[]): string | undefined {
  if (names.includes(name)) return name;
  const hits = names.filter((n) => n.startsWith(name));
  return hits.length === 1 ? hits[0] : undefined;
}

export interface AwsArgv {
  /** Global options by full name (last one wins); booleans map to "true". */
  readonly globals: ReadonlyMap<string, string>;
  readonly service: string;
  readonly operation: string;
  /** Everything after the operation, and options between service and operation, globals removed. */
  readonly rest: readonly string[];
}

function splitOption(word: string): { name: string; value: string | undefined } {
  const body = word.slice(2);
  const eq = body.indexOf("=");
  return eq >= 0 ? { name: body.slice(0, eq), value: body.slice(eq + 1) } : { name: body, value: undefined };
}

export function splitAwsArgv(argv: readonly string[]): AwsArgv {
  const globals = new Map<string, string>();
  const left: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i] as string;
    if (w === "--") {
      left.push(...argv.slice(i));
      break;
    }
    if (w.startsWith("--") && w.length > 2) {
      const { name, value } = splitOption(w);
      const g = resolvePrefix(name, GLOBALS);
      if (g !== undefined) {
        if (GLOBAL_BOOL.includes(g)) globals.set(g, "true");
        else if (value !== undefined) globals.set(g, value);
        else {
          const next = argv[i + 1];
          if (next !== undefined) globals.set(g, next);
          i++;
        }
        continue;
      }
    }
    left.push(w);
  }
  // The service and the operation are the first two words that are not options (unknown options before
  // the operation do not take a value: argparse leaves them for the operation's parser).
  let service = "";
  let operation = "";
  const rest: string[] = [];
  let i = 0;
  for (; i < left.length; i++) {
    const w = left[i] as string;
    if (w === "--") break;
    if (w.startsWith("--")) {
      rest.push(w);
      continue;
    }
    if (service === "") service = w;
    else {
      operation = w;
      i++;
      break;
    }
  }
  rest.push(...left.slice(i));
  return { globals, service, operation, rest };
}

/** An operation's parameters: names (without `--`) and their values, plus the positional words. */
export interface AwsParams {
  /** Name -> values in order; a boolean has no values. `--no-x` is kept as `no-x`. */
  readonly values: Map<string, string[]>;
  /** Names in the order given. */
  readonly order: string[];
  readonly positionals: string[];
}

export interface ParamShape {
  /** Names that take no value (s3 high-level commands). Others take one value, or every word up to the next option. */
  readonly booleans?: ReadonlySet<string>;
  /** Names known for this operation, for prefix resolution. */
  readonly known?: readonly string[];
  /** Each option takes exactly one value; other words are positionals (s3 commands, outfile operations). */
  readonly scalar?: boolean;
  /** Options whose value is optional and only a listed word (`--request-payer [requester]`). */
  readonly optionalValue?: Readonly<Record<string, string>>;
}

export function parseParams(words: readonly string[], shape: ParamShape, expand: (name: string) => readonly string[]): AwsParams {
  const values = new Map<string, string[]>();
  const order: string[] = [];
  const positionals: string[] = [];
  const set = (names: readonly string[], vs: string[]): void => {
    for (const n of names) {
      values.set(n, [...(values.get(n) ?? []), ...vs]);
      order.push(n);
    }
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (w === "--") {
      positionals.push(...words.slice(i + 1));
      break;
    }
    if (!(w.startsWith("--") && w.length > 2)) {
      positionals.push(w);
      continue;
    }
    const { name: raw, value } = splitOption(w);
    const known = shape.known ? resolvePrefix(raw, shape.known) : undefined;
    const names = known !== undefined ? [known] : expand(raw);
    const name = names[0] ?? raw;
    if (value !== undefined) {
      set(names, [value]);
      continue;
    }
    const optional = shape.optionalValue?.[name];
    if (optional !== undefined) {
      const take = words[i + 1] === optional;
      set(names, take ? [optional] : []);
      if (take) i++;
      continue;
    }
    if (shape.booleans?.has(name)) {
      set(names, []);
      continue;
    }
    const vs: string[] = [];
    while (i + 1 < words.length && !(words[i + 1] as string).startsWith("--")) {
      vs.push(words[++i] as string);
      if (shape.scalar) break;
    }
    set(names, vs);
  }
  return { values, order, positionals };
}

/** A boolean parameter is on when `--x` is given after the last `--no-x`. */
export function isOn(p: AwsParams, name: string): boolean {
  const on = p.order.lastIndexOf(name);
  return on >= 0 && on > p.order.lastIndexOf(`no-${name}`);
}

export function paramValue(p: AwsParams, ...names: string[]): string | undefined {
  for (const n of names) {
    const vs = p.values.get(n);
    if (vs && vs.length > 0) return vs[vs.length - 1];
  }
  return undefined;
}

export function paramValues(p: AwsParams, ...names: string[]): string[] {
  return names.flatMap((n) => p.values.get(n) ?? []);
}
