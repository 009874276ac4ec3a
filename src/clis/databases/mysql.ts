/** mysql / mariadb, clickhouse-client and sqlite3: connection options, inline statements, stdin. */
import type { SimpleCommand } from "../../shell/types.js";
import { hasFlag, lastValue, parseArgs, resolvePath } from "../file-tools/args.js";
import { sqliteReads } from "../file-tools/readers.js";
import type { Interpretation } from "../types.js";
import { orderedOptions, valuesOf } from "./getopt.js";
import { statementOperation } from "./sources.js";
import { isComputed, resolveTarget } from "./target.js";

/** `-pSECRET` carries the password attached (and bare `-p` prompts): it never takes the next word. */
export function withoutPassword(args: readonly string[]): string[] {
  return args.filter((a) => !(a.startsWith("-p") && !a.startsWith("--")) && !a.startsWith("--password"));
}

const MYSQL_SPEC = {
  shortValued: "eDhPuSOA",
  longValued: ["execute", "database", "host", "port", "user", "socket", "defaults-file", "defaults-extra-file", "login-path", "protocol", "init-command", "default-character-set", "tee", "pager", "ssl-ca", "ssl-cert", "ssl-key", "ssl-mode", "connect-timeout", "max-allowed-packet", "prompt", "delimiter"],
};

export function interpretMysql(cmd: SimpleCommand): Interpretation {
  const args = withoutPassword(cmd.argv.slice(1));
  const p = parseArgs(args, MYSQL_SPEC);
  if (hasFlag(p, "help", "?", "version", "V")) return { operations: [], files: [] };
  const target = resolveTarget("mysql", cmd, {
    host: lastValue(p, "h", "host"),
    port: lastValue(p, "P", "port"),
    name: lastValue(p, "D", "database") ?? p.operands[0],
  });
  const inline = valuesOf(orderedOptions(args, MYSQL_SPEC), "e", "execute");
  const init = p.values.get("init-command") ?? [];
  const flags = hasFlag(p, "f", "force") ? ["force"] : [];
  return { operations: [statementOperation(cmd, target, { inline: [...init, ...inline], files: [], stdinWhenNone: true, flags })], files: [] };
}

const CLICKHOUSE_SPEC = {
  shortValued: "qhdu",
  longValued: ["query", "host", "port", "database", "user", "password", "queries-file", "format", "config-file", "param", "secure"],
};

/** `clickhouse-client` and `clickhouse client`: --query / -q, --queries-file, stdin. */
export function interpretClickhouse(cmd: SimpleCommand): Interpretation {
  const sub = cmd.program === "clickhouse" ? cmd.argv[1] : undefined;
  if (cmd.program === "clickhouse" && sub !== "client") return { operations: [], files: [] };
  const args = cmd.argv.slice(sub ? 2 : 1);
  const p = parseArgs(args, CLICKHOUSE_SPEC);
  if (hasFlag(p, "help", "version", "V")) return { operations: [], files: [] };
  const target = resolveTarget("clickhouse", cmd, { host: lastValue(p, "h", "host"), port: lastValue(p, "port"), name: lastValue(p, "d", "database") });
  const ordered = orderedOptions(args, CLICKHOUSE_SPEC);
  const inline = valuesOf(ordered, "q", "query");
  const files = valuesOf(ordered, "queries-file");
  return { operations: [statementOperation(cmd, target, { inline, files, stdinWhenNone: true })], files: [] };
}

const SQLITE_VALUED = new Set(["cmd", "init", "separator", "nullvalue", "newline", "vfs", "maxsize", "mmap", "pagecache", "lookaside", "heap", "A", "escape"]);

/** `sqlite3 [OPTIONS] [FILE] [SQL]...`: options take one dash (or two); SQL arguments run in order. */
export function interpretSqlite(cmd: SimpleCommand): Interpretation {
  const words = cmd.argv.slice(1);
  const operands: string[] = [];
  const inline: string[] = [];
  const files: string[] = [];
  const flags: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? "";
    if (w.startsWith("-") && w.length > 1 && operands.length === 0) {
      const name = w.replace(/^--?/, "");
      if (name === "help" || name === "version") return { operations: [], files: [] };
      if (name === "readonly") flags.push("readonly");
      if (SQLITE_VALUED.has(name)) {
        const v = words[++i] ?? "";
        if (name === "cmd") inline.push(v);
        if (name === "init") files.push(v);
      }
      continue;
    }
    operands.push(w);
  }
  const [file, ...sql] = operands;
  const dbPath = file === undefined || file === ":memory:" || isComputed(cmd, file) ? (file ?? "") : resolvePath(cmd, file);
  const target = { engine: "sqlite" as const, host: "", port: "", name: dbPath, known: !isComputed(cmd, file) };
  return { operations: [statementOperation(cmd, target, { inline: [...inline, ...sql], files, stdinWhenNone: sql.length === 0, flags })], files: sqliteReads(cmd) };
}
