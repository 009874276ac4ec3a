/** PostgreSQL (and CockroachDB) statements, parsed with libpg-query: the real PostgreSQL parser compiled to
 *  wasm. Loaded on first use only, so a hook call without a postgres client never pays for it. */
import type { DbEffect } from "../../clis/databases/operation.js";
import { loadPackage } from "./load.js";
import { emptyClassified, nodes, rec, str, type Classified } from "./classified.js";

interface PgParser {
  readonly parseSync: (sql: string) => unknown;
}

let parser: Promise<PgParser> | undefined;

async function loadParser(): Promise<PgParser> {
  const mod = loadPackage("libpg-query");
  const m = rec(mod);
  const load = m?.loadModule;
  const parseSync = m?.parseSync;
  if (typeof load !== "function" || typeof parseSync !== "function") throw new Error("libpg-query: unexpected module shape");
  await (load as () => Promise<void>)();
  return { parseSync: (sql) => (parseSync as (s: string) => unknown)(sql) };
}

function pgParser(): Promise<PgParser> {
  parser ??= loadParser();
  return parser;
}

const DROP_EFFECT: Readonly<Record<string, DbEffect>> = { OBJECT_TABLE: "drop-table", OBJECT_SCHEMA: "drop-schema", OBJECT_FOREIGN_TABLE: "drop-table", OBJECT_MATVIEW: "schema" };
const ADMIN = new Set(["GrantStmt", "GrantRoleStmt", "CreateRoleStmt", "AlterRoleStmt", "AlterRoleSetStmt", "DropRoleStmt", "AlterSystemStmt", "ReassignOwnedStmt", "VacuumStmt", "ReindexStmt", "ClusterStmt", "CheckPointStmt", "AlterDefaultPrivilegesStmt", "CreateTableSpaceStmt", "DropTableSpaceStmt", "AlterOwnerStmt", "LoadStmt"]);
const READ = new Set(["VariableShowStmt", "VariableSetStmt", "TransactionStmt", "DeclareCursorStmt", "FetchStmt", "ClosePortalStmt", "DiscardStmt", "ListenStmt", "UnlistenStmt", "NotifyStmt", "PrepareStmt", "DeallocateStmt", "LockStmt", "ConstraintsSetStmt"]);
const OPAQUE: Readonly<Record<string, string>> = { DoStmt: "procedural code (DO)", CallStmt: "a procedure call (CALL)", ExecuteStmt: "a prepared statement (EXECUTE)" };

function relName(v: unknown): string {
  const r = rec(v);
  if (!r) return "";
  return [str(r.schemaname), str(r.relname)].filter((x) => x !== "").join(".");
}

/** DROP's object names: `List` of `String` parts, or a bare `String`. */
function dropNames(objects: unknown): string[] {
  if (!Array.isArray(objects)) return [];
  return objects.map((o) => {
    const list = rec(rec(o)?.List)?.items;
    const parts = Array.isArray(list) ? list : [o];
    return parts.map((p) => str(rec(rec(p)?.String)?.sval)).filter((x) => x !== "").join(".");
  });
}

/** DELETE / UPDATE anywhere in a statement (CTEs, EXPLAIN ANALYZE, rules): without WHERE they touch every row. */
function dml(stmt: unknown, out: Classified): void {
  for (const n of nodes(stmt)) {
    for (const [kind, all] of [["DeleteStmt", "delete-all"], ["UpdateStmt", "update-all"]] as const) {
      const s = rec(n[kind]);
      if (!s) continue;
      out.statements.push(kind === "DeleteStmt" ? "delete" : "update");
      if (s.whereClause === undefined && s.whereCurrentOf === undefined) {
        out.effects.push(all);
        out.objects.push(relName(s.relation));
      } else out.effects.push("write");
    }
    if (rec(n.InsertStmt) || rec(n.MergeStmt)) {
      out.statements.push(rec(n.InsertStmt) ? "insert" : "merge");
      out.effects.push("write");
    }
  }
}

function classifyStmt(type: string, body: Record<string, unknown>, out: Classified): void {
  switch (type) {
    case "DropStmt": {
      const removeType = str(body.removeType);
      const what = removeType.replace(/^OBJECT_/, "").toLowerCase().replace(/_/g, " ");
      out.statements.push(`drop ${what}`);
      const effect = DROP_EFFECT[removeType] ?? "schema";
      out.effects.push(effect);
      if (effect !== "schema") out.objects.push(...dropNames(body.objects));
      return;
    }
    case "DropdbStmt":
      out.statements.push("drop database");
      out.effects.push("drop-database");
      out.objects.push(str(body.dbname));
      return;
    case "DropOwnedStmt":
      out.statements.push("drop owned");
      out.effects.push("drop-schema");
      out.objects.push("every object owned by the role");
      return;
    case "TruncateStmt":
      out.statements.push("truncate");
      out.effects.push("truncate");
      if (Array.isArray(body.relations)) out.objects.push(...body.relations.map((r) => relName(rec(r)?.RangeVar)));
      return;
    case "ExplainStmt": {
      const analyze = Array.isArray(body.options) && body.options.some((o) => str(rec(rec(o)?.DefElem)?.defname) === "analyze");
      out.statements.push(analyze ? "explain analyze" : "explain");
      if (analyze) dml(body.query, out);
      out.effects.push("read");
      return;
    }
    case "SelectStmt":
      out.statements.push(body.intoClause ? "select into" : "select");
      out.effects.push(body.intoClause ? "schema" : "read");
      dml(body, out);
      return;
    case "CopyStmt":
      out.statements.push(body.is_from ? "copy from" : "copy to");
      out.effects.push(body.is_from ? "write" : "read");
      return;
    default:
      break;
  }
  const name = type.replace(/Stmt$/, "").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  out.statements.push(name);
  if (type === "DeleteStmt" || type === "UpdateStmt" || type === "InsertStmt" || type === "MergeStmt") {
    out.statements.pop();
    dml({ [type]: body }, out);
    return;
  }
  const opaque = OPAQUE[type];
  if (opaque) out.unreadable.push(opaque);
  else if (ADMIN.has(type)) out.effects.push("admin");
  else if (READ.has(type)) out.effects.push("read");
  else if (/^(Create|Alter|Rename|Comment|Define|Rule|SecLabel|Refresh|Import)/.test(type) || type === "IndexStmt" || type === "ViewStmt") out.effects.push("schema");
  else out.effects.push("write");
}

export async function classifyPostgres(sql: string): Promise<Classified> {
  const out = emptyClassified();
  if (sql.trim().replace(/;/g, "").trim() === "") return out;
  const p = await pgParser();
  let tree: unknown;
  try {
    tree = p.parseSync(sql);
  } catch (e) {
    out.unreadable.push(`parse error: ${e instanceof Error ? e.message.slice(0, 120) : "unknown"}`);
    return out;
  }
  const stmts = rec(tree)?.stmts;
  if (!Array.isArray(stmts)) return out;
  for (const s of stmts) {
    const stmt = rec(rec(s)?.stmt);
    if (!stmt) continue;
    for (const [type, body] of Object.entries(stmt)) {
      const b = rec(body);
      if (b) classifyStmt(type, b, out);
    }
  }
  return out;
}
