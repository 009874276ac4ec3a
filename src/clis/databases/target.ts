/** Which database a client talks to: host, port and name from options, a connection URL or keyword
 *  string (`postgres://u:p@h:5432/db`, `host=h dbname=db`), and the engine's environment (PGHOST, ...). */
import type { SimpleCommand } from "../../shell/types.js";

export type Engine = "postgres" | "mysql" | "sqlite" | "clickhouse" | "cockroach" | "mongodb" | "redis" | "";

export interface DbTarget {
  readonly engine: Engine;
  readonly host: string;
  readonly port: string;
  readonly name: string;
  /** Every word the target was read from was resolved. */
  readonly known: boolean;
}

/** What the options said; undefined fields fall back to the URL, then the environment. */
export interface TargetParts {
  host?: string | undefined;
  port?: string | undefined;
  name?: string | undefined;
  url?: string | undefined;
}

const URL_SCHEMES = /^(postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|clickhouse|cockroachdb|sqlite|jdbc:[a-z]+):\/\//i;

/** A word that still holds an expansion the shell stage could not resolve (`$X`, `${X}`, `$(...)`, backticks).
 *  Only a command with an unresolved word can hold one: `'select $$x$$'` in single quotes is plain text. */
export function isComputed(cmd: SimpleCommand, word: string | undefined): boolean {
  return cmd.unresolved && word !== undefined && /\$(\{|\(|[A-Za-z_])|`/.test(word);
}

/** `$DATABASE_URL` / `${DATABASE_URL}` as a whole word: the value from the environment the command runs
 *  with (the shell stage leaves inherited variables unexpanded), else the word unchanged. */
export function fromEnv(cmd: SimpleCommand, word: string | undefined): string | undefined {
  if (word === undefined) return undefined;
  const m = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(word);
  const name = m?.[1];
  return name !== undefined && cmd.env[name] !== undefined ? cmd.env[name] : word;
}

export function isUrl(word: string): boolean {
  return URL_SCHEMES.test(word);
}

/** `scheme://[user[:pass]@]host[:port][,host2...]/name?params` -> host, port, name (no password kept). */
export function parseUrl(url: string): TargetParts {
  const noJdbc = url.replace(/^jdbc:/i, "");
  const m = /^[a-z0-9+.-]+:\/\/(?:[^@/?#]*@)?([^/?#]*)(?:\/([^?#]*))?/i.exec(noJdbc);
  if (!m) return {};
  const hostPort = (m[1] ?? "").split(",")[0] ?? "";
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(hostPort);
  const [host, port] = bracket ? [bracket[1], bracket[2]] : hostPort.split(":");
  const params = new URLSearchParams(/\?([^#]*)/.exec(noJdbc)?.[1] ?? "");
  return {
    host: decodeURIComponent(params.get("host") ?? host ?? ""),
    port: port ?? params.get("port") ?? "",
    name: decodeURIComponent(m[2] ?? params.get("dbname") ?? ""),
  };
}

/** libpq keyword strings: `host=db.prod port=5432 dbname=app`. */
export function parseConninfo(s: string): TargetParts | undefined {
  if (!/^\s*\w+\s*=/.test(s)) return undefined;
  const out: TargetParts = {};
  for (const [key, value] of conninfoPairs(s)) {
    const v = value.length >= 2 && value.startsWith("'") && value.endsWith("'") ? value.slice(1, -1) : value;
    if (key === "host" || key === "hostaddr") out.host ??= v;
    if (key === "port") out.port = v;
    if (key === "dbname") out.name = v;
  }
  return out;
}

const isWord = (c: string | undefined): boolean => c !== undefined && /\w/.test(c);
const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);

/** `key = value` pairs in one linear pass (a regex over the whole string backtracks quadratically on a
 *  long word with no `=`): a value is a single-quoted string with backslash escapes, or a run of non-space. */
function conninfoPairs(s: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  let i = 0;
  while (i < s.length) {
    if (!isWord(s[i])) {
      i++;
      continue;
    }
    const keyStart = i;
    while (isWord(s[i])) i++;
    const key = s.slice(keyStart, i);
    let k = i;
    while (isSpace(s[k])) k++;
    if (s[k] !== "=") continue;
    k++;
    while (isSpace(s[k])) k++;
    const end = quotedEnd(s, k) ?? nonSpaceEnd(s, k);
    pairs.push([key, s.slice(k, end)]);
    i = end;
  }
  return pairs;
}

/** The index after a closing quote when `s[start]` opens a complete single-quoted string. */
function quotedEnd(s: string, start: number): number | undefined {
  if (s[start] !== "'") return undefined;
  for (let j = start + 1; j < s.length; j++) {
    if (s[j] === "\\") j++;
    else if (s[j] === "'") return j + 1;
  }
  return undefined;
}

function nonSpaceEnd(s: string, start: number): number {
  let j = start;
  while (j < s.length && !isSpace(s[j])) j++;
  return j;
}

const ENV_NAMES: Readonly<Record<Engine, { host?: string; port?: string; name?: string; url?: string }>> = {
  postgres: { host: "PGHOST", port: "PGPORT", name: "PGDATABASE" },
  cockroach: { url: "COCKROACH_URL", host: "COCKROACH_HOST", port: "COCKROACH_PORT", name: "COCKROACH_DATABASE" },
  mysql: { host: "MYSQL_HOST", port: "MYSQL_TCP_PORT" },
  clickhouse: { host: "CLICKHOUSE_HOST", port: "CLICKHOUSE_PORT", name: "CLICKHOUSE_DATABASE" },
  sqlite: {},
  mongodb: {},
  redis: { url: "REDISCLI_URL" },
  "": {},
};

const SCHEME_ENGINE: Readonly<Record<string, Engine>> = {
  postgres: "postgres", postgresql: "postgres", mysql: "mysql", mariadb: "mysql", sqlite: "sqlite", file: "sqlite",
  "mongodb": "mongodb", "mongodb+srv": "mongodb", redis: "redis", rediss: "redis", clickhouse: "clickhouse", cockroachdb: "cockroach",
};

/** The engine a connection URL names (`jdbc:postgresql://...` too); "" when it names none infragate knows. */
export function engineOfUrl(url: string): Engine {
  const m = /^(?:jdbc:)?([a-z0-9+.-]+):/i.exec(url);
  return SCHEME_ENGINE[(m?.[1] ?? "").toLowerCase()] ?? "";
}

/** Options first, then a URL given as an option or argument, then the environment the client reads. */
export function resolveTarget(engine: Engine, cmd: SimpleCommand, given: TargetParts): DbTarget {
  const parts: TargetParts = { host: fromEnv(cmd, given.host), port: fromEnv(cmd, given.port), name: fromEnv(cmd, given.name), url: fromEnv(cmd, given.url) };
  if (parts.name !== undefined && parts.url === undefined && (isUrl(parts.name) || /^\s*\w+\s*=/.test(parts.name))) {
    parts.url = parts.name;
    parts.name = undefined;
  }
  const words = [parts.host, parts.port, parts.name, parts.url];
  const envNames = ENV_NAMES[engine];
  const envUrl = envNames.url ? cmd.env[envNames.url] : undefined;
  const url = parts.url ?? envUrl;
  const fromUrl = url === undefined || isComputed(cmd, url) ? {} : isUrl(url) ? parseUrl(url) : (parseConninfo(url) ?? {});
  const env = (n: string | undefined): string | undefined => (n ? cmd.env[n] : undefined);
  const host = parts.host ?? fromUrl.host ?? env(envNames.host) ?? "";
  const port = parts.port ?? fromUrl.port ?? env(envNames.port) ?? "";
  const name = parts.name ?? fromUrl.name ?? env(envNames.name) ?? "";
  return { engine, host, port, name, known: !words.some((w) => isComputed(cmd, w)) && !isComputed(cmd, url) };
}

/** The host is this machine: no host (the client's default socket), localhost, loopback, a socket path. */
export function isLocalHost(host: string): boolean {
  return host === "" || host.startsWith("/") || /^(localhost|127\.\d+\.\d+\.\d+|::1|\[::1\]|0\.0\.0\.0|host\.docker\.internal)$/i.test(host);
}
