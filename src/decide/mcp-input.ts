/** The input of an MCP tool call, read like the agent's own tools: arguments that carry a command go through
 *  the shell and CLI analysis (AWS's API server: `call_aws` with `cli_command`), SQL goes to the database
 *  interpreter, arguments that name paths become file actions (`write_file` on `terraform.tfstate`). What the
 *  tool's name says it does (read, write, delete) is a fact as well: a tool that changes something and whose
 *  input infragate could not read asks (policies/baseline.cedar). */
import path from "node:path";
import { quote } from "shell-quote";
import { dbOperation } from "../clis/databases/operation.js";
import type { Engine } from "../clis/databases/target.js";
import type { Operation } from "../clis/types.js";
import type { FileEffect, FileOp, SimpleCommand } from "../shell/types.js";

/** What the tool's name says: its words (`write_file`, `deleteObject`, `call_aws`) against verb lists. */
export type ToolVerb = "read" | "write" | "delete" | "move" | "copy" | "unknown";

const DELETE_WORDS = new Set(["delete", "remove", "rm", "unlink", "destroy", "drop", "purge", "truncate", "erase", "wipe"]);
const MOVE_WORDS = new Set(["move", "mv", "rename"]);
const COPY_WORDS = new Set(["copy", "cp", "duplicate"]);
const WRITE_WORDS = new Set([
  "write", "edit", "create", "update", "put", "set", "append", "patch", "insert", "upload", "save", "apply", "modify",
  "replace", "mkdir", "make", "add", "deploy", "run", "exec", "execute", "invoke", "call", "start", "stop", "restart",
  "terminate", "scale", "push", "merge", "commit", "publish", "send", "post", "trigger", "enable", "disable", "restore",
  "import", "install", "uninstall", "reset", "revoke", "grant", "attach", "detach", "assign", "close", "cancel",
]);
const READ_WORDS = new Set([
  "read", "get", "list", "ls", "search", "find", "describe", "show", "view", "fetch", "query", "head", "stat", "info",
  "tree", "cat", "diff", "log", "logs", "status", "check", "validate", "lint", "explain", "preview", "lookup", "browse",
  "inspect", "count", "summarize", "analyze", "analyse", "resolve", "plan", "download", "directory", "file", "files",
]);

export function toolVerb(tool: string): ToolVerb {
  const words = tool.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 0);
  if (words.some((w) => DELETE_WORDS.has(w))) return "delete";
  if (words.some((w) => MOVE_WORDS.has(w))) return "move";
  if (words.some((w) => COPY_WORDS.has(w))) return "copy";
  if (words.some((w) => WRITE_WORDS.has(w))) return "write";
  if (words.some((w) => READ_WORDS.has(w))) return "read";
  return "unknown";
}

const COMMAND_KEYS = new Set(["command", "cli_command", "clicommand", "cmd", "shell_command", "shellcommand", "script", "commandline", "command_line"]);
const SQL_KEYS = new Set(["sql", "sql_query", "sqlquery", "statement", "statements"]);
/** `query` also names search terms: SQL only when it reads as SQL. */
const MAYBE_SQL_KEYS = new Set(["query"]);
const SQL_START = /^\s*(?:select|insert|update|delete|drop|create|alter|truncate|with|grant|revoke|merge|replace|copy|begin|commit|set|show|explain|vacuum|analyze|call|do|lock|comment|reindex|cluster|refresh|rename|upsert)\b/i;
const SOURCE_KEYS = new Set(["source", "src", "from", "source_path", "sourcepath", "old_path", "oldpath"]);
const DEST_KEYS = new Set(["destination", "dest", "dst", "to", "target", "destination_path", "destinationpath", "new_path", "newpath", "target_path", "targetpath"]);
const PATH_KEYS = new Set(["path", "paths", "file", "files", "file_path", "filepath", "filename", "file_name", "directory", "dir", "folder", "uri", "root", "notebook_path"]);

export interface McpInputFacts {
  readonly commands: readonly string[];
  readonly sql: readonly string[];
  readonly files: readonly FileEffect[];
}

function strings(v: unknown): string[] {
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === "string");
  return [];
}

/** A local path from an argument (`file:///x` too); undefined for URLs and empty values. */
function localPath(v: string, cwd: string): string | undefined {
  const s = v.startsWith("file://") ? v.slice("file://".length) : v;
  if (s === "" || /^[a-z][a-z0-9+.-]*:\/\//i.test(s)) return undefined;
  return path.resolve(cwd, s);
}

function keyName(k: string): string {
  return k.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
}

/** Walk the input (objects and arrays, 4 levels) and sort its arguments into commands, SQL and paths. */
export function readMcpInput(tool: string, input: unknown, cwd: string): McpInputFacts {
  const verb = toolVerb(tool);
  const commands: string[] = [];
  const sql: string[] = [];
  const files: FileEffect[] = [];
  const via = `mcp ${tool}`;
  const op: FileOp = verb === "delete" ? "delete" : verb === "read" || verb === "unknown" ? "read" : "write";
  const add = (o: FileOp, v: string): void => {
    const p = localPath(v, cwd);
    if (p) files.push({ op: o, path: p, via, text: `${tool} ${v}` });
  };
  const walk = (v: unknown, depth: number): void => {
    if (depth > 4 || v === null || typeof v !== "object") return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
      return;
    }
    for (const [rawKey, value] of Object.entries(v)) {
      const k = keyName(rawKey);
      if (COMMAND_KEYS.has(k)) {
        if (typeof value === "string") commands.push(value);
        else if (Array.isArray(value) && value.every((x) => typeof x === "string")) commands.push(quote(value));
      } else if (SQL_KEYS.has(k)) sql.push(...strings(value));
      else if (MAYBE_SQL_KEYS.has(k)) sql.push(...strings(value).filter((s) => SQL_START.test(s)));
      else if (SOURCE_KEYS.has(k)) for (const s of strings(value)) add(verb === "move" ? "delete" : verb === "copy" ? "read" : op, s);
      else if (DEST_KEYS.has(k)) for (const s of strings(value)) add(verb === "move" || verb === "copy" ? "write" : op, s);
      else if (PATH_KEYS.has(k)) for (const s of strings(value)) add(op, s);
      walk(value, depth + 1);
    }
  };
  walk(input, 0);
  return { commands, sql, files };
}

/** A db.* request for SQL an MCP tool runs (statements are parsed by the database enrichment). */
export function mcpSqlOperation(server: string, tool: string, sql: string, cwd: string): Operation {
  const cmd: SimpleCommand = {
    program: `mcp__${server}__${tool}`,
    argv: [`mcp__${server}__${tool}`],
    env: {},
    lineEnv: [],
    cwd,
    wrappers: [],
    depth: 0,
    stdin: "terminal",
    unresolved: false,
    inlineCode: undefined,
    text: `mcp__${server}__${tool} ${sql.length > 200 ? `${sql.slice(0, 200)}...` : sql}`,
  };
  return dbOperation(cmd, { engine: engineOf(`${server} ${tool}`), host: "", port: "", name: server, known: false }, { source: "inline", sql });
}

/** The SQL dialect from the server's or tool's name; PostgreSQL's parser otherwise (a parse failure asks). */
function engineOf(name: string): Engine {
  const n = name.toLowerCase();
  if (/mysql|mariadb|planetscale|tidb/.test(n)) return "mysql";
  if (/sqlite|libsql|turso|d1/.test(n)) return "sqlite";
  if (/clickhouse/.test(n)) return "clickhouse";
  if (/cockroach/.test(n)) return "cockroach";
  return "postgres";
}
