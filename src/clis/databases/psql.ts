/** psql and `cockroach sql`: connection options, -c / -f (repeatable, run in order), stdin otherwise. */
import type { SimpleCommand } from "../../shell/types.js";
import { hasFlag, lastValue, parseArgs } from "../file-tools/args.js";
import type { Interpretation } from "../types.js";
import { dbOperation } from "./operation.js";
import { orderedOptions } from "./getopt.js";
import { statementOperation } from "./sources.js";
import { isUrl, resolveTarget, type TargetParts } from "./target.js";

const PSQL_SPEC = {
  shortValued: "cdfvLoFPRThpU",
  longValued: ["command", "dbname", "file", "set", "variable", "log-file", "output", "field-separator", "pset", "record-separator", "table-attr", "host", "port", "username"],
};

export function interpretPsql(cmd: SimpleCommand): Interpretation {
  const args = cmd.argv.slice(1);
  const p = parseArgs(args, PSQL_SPEC);
  if (hasFlag(p, "help", "?", "version", "V")) return { operations: [], files: [] };
  const [first] = p.operands;
  const dbWord = lastValue(p, "d", "dbname") ?? first;
  const parts: TargetParts = {
    host: lastValue(p, "h", "host"),
    port: lastValue(p, "p", "port"),
    ...(dbWord !== undefined && (isUrl(dbWord) || dbWord.includes("=")) ? { url: dbWord } : { name: dbWord }),
  };
  const target = resolveTarget("postgres", cmd, parts);
  if (hasFlag(p, "l", "list")) return { operations: [dbOperation(cmd, target, { source: "tool", known: true, effects: ["read"], statements: ["list databases"] })], files: [] };
  const ordered = orderedOptions(args, PSQL_SPEC);
  const inline = ordered.filter((o) => o.name === "c" || o.name === "command").map((o) => o.value ?? "");
  const files = ordered.filter((o) => o.name === "f" || o.name === "file").map((o) => o.value ?? "");
  const flags = hasFlag(p, "1", "single-transaction") ? ["single-transaction"] : [];
  return { operations: [statementOperation(cmd, target, { inline, files, stdinWhenNone: true, flags })], files: [] };
}

const COCKROACH_SPEC = {
  shortValued: "edf",
  longValued: ["execute", "database", "file", "url", "host", "port", "user", "certs-dir", "format", "set", "watch"],
};

/** `cockroach sql [--url U] [--host H] [-d DB] [-e SQL]... [-f FILE]`; other cockroach commands yield nothing. */
export function interpretCockroach(cmd: SimpleCommand): Interpretation {
  if (cmd.argv[1] !== "sql" && cmd.argv[1] !== "demo") return { operations: [], files: [] };
  const p = parseArgs(cmd.argv.slice(2), COCKROACH_SPEC);
  if (hasFlag(p, "help", "h")) return { operations: [], files: [] };
  const url = lastValue(p, "url");
  const hostPort = lastValue(p, "host");
  const [host, port] = hostPort !== undefined ? hostPort.split(":") : [undefined, undefined];
  const target = resolveTarget("cockroach", cmd, { url, host, port: lastValue(p, "port") ?? port, name: lastValue(p, "d", "database") });
  const inline = [...(p.values.get("e") ?? []), ...(p.values.get("execute") ?? [])];
  const files = [...(p.values.get("f") ?? []), ...(p.values.get("file") ?? [])];
  return { operations: [statementOperation(cmd, target, { inline, files, stdinWhenNone: true })], files: [] };
}
