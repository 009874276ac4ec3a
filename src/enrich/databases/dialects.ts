/** MySQL / MariaDB, SQLite and ClickHouse statements, parsed with node-sql-parser's per-dialect grammar
 *  (one dialect build is loaded, on first use only). ClickHouse has no grammar of its own there: the MySQL
 *  one reads its common statements, and what it cannot parse asks. */
import type { DbEffect } from "../../clis/databases/operation.js";
import { loadPackage } from "./load.js";
import { emptyClassified, rec, str, type Classified } from "./classified.js";

export type Dialect = "mysql" | "mariadb" | "sqlite";

interface SqlParser {
  readonly astify: (sql: string, opts: { database: string }) => unknown;
}

const parsers = new Map<Dialect, Promise<SqlParser>>();

async function loadDialect(d: Dialect): Promise<SqlParser> {
  const mod = loadPackage(`node-sql-parser/build/${d}`);
  const m = rec(mod);
  const ctor = m?.Parser ?? rec(m?.default)?.Parser;
  if (typeof ctor !== "function") throw new Error("node-sql-parser: unexpected module shape");
  const instance: unknown = Reflect.construct(ctor, []);
  const astify = rec(instance)?.astify;
  if (typeof astify !== "function") throw new Error("node-sql-parser: no astify");
  return { astify: (sql, opts) => Reflect.apply(astify, instance, [sql, opts]) };
}

function dialectParser(d: Dialect): Promise<SqlParser> {
  let p = parsers.get(d);
  if (!p) {
    p = loadDialect(d);
    parsers.set(d, p);
  }
  return p;
}

function tableNames(v: unknown): string[] {
  const list = Array.isArray(v) ? v : [v];
  return list.map((t) => {
    const r = rec(t);
    return r ? [str(r.db), str(r.table)].filter((x) => x !== "").join(".") : str(t);
  }).filter((x) => x !== "");
}

const DROP_EFFECT: Readonly<Record<string, DbEffect>> = { database: "drop-database", schema: "drop-database", table: "drop-table" };
const READ_TYPES = new Set(["select", "show", "desc", "use", "explain", "set", "transaction", "lock", "unlock"]);
const SCHEMA_TYPES = new Set(["create", "alter", "rename", "comment"]);
const ADMIN_TYPES = new Set(["grant", "revoke", "kill", "flush", "optimize", "analyze"]);

function classifyAst(ast: Record<string, unknown>, out: Classified): void {
  const type = str(ast.type).toLowerCase();
  const keyword = str(ast.keyword).toLowerCase();
  switch (type) {
    case "drop": {
      out.statements.push(`drop ${keyword}`);
      const effect = DROP_EFFECT[keyword] ?? "schema";
      out.effects.push(effect);
      if (effect !== "schema") out.objects.push(...tableNames(ast.name));
      return;
    }
    case "truncate":
      out.statements.push("truncate");
      out.effects.push("truncate");
      out.objects.push(...tableNames(ast.name));
      return;
    case "delete":
    case "update": {
      out.statements.push(type);
      const limit = rec(ast.limit)?.value;
      const limited = Array.isArray(limit) ? limit.length > 0 : limit !== undefined && limit !== null;
      const unfiltered = (ast.where === null || ast.where === undefined) && !limited;
      if (unfiltered) {
        out.effects.push(type === "delete" ? "delete-all" : "update-all");
        out.objects.push(...tableNames(ast.table));
      } else out.effects.push("write");
      return;
    }
    default:
      break;
  }
  out.statements.push(keyword && type !== "select" ? `${type} ${keyword}` : type);
  if (READ_TYPES.has(type)) out.effects.push(type === "select" && ast.into && rec(ast.into)?.position ? "write" : "read");
  else if (SCHEMA_TYPES.has(type)) out.effects.push("schema");
  else if (ADMIN_TYPES.has(type)) out.effects.push("admin");
  else if (type === "call" || type === "exec") out.unreadable.push(`a procedure call (${type})`);
  else out.effects.push("write");
}

export async function classifyDialect(sql: string, dialect: Dialect): Promise<Classified> {
  const out = emptyClassified();
  if (sql.trim().replace(/;/g, "").trim() === "") return out;
  const p = await dialectParser(dialect);
  let ast: unknown;
  try {
    ast = p.astify(sql, { database: dialect === "mariadb" ? "mariadb" : dialect });
  } catch (e) {
    out.unreadable.push(`parse error: ${e instanceof Error ? e.message.slice(0, 120) : "unknown"}`);
    return out;
  }
  for (const a of Array.isArray(ast) ? ast : [ast]) {
    const r = rec(a);
    if (r) classifyAst(r, out);
  }
  return out;
}
