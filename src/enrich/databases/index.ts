/** The statements of database client calls: read the script files and stdin files they name, parse the
 *  statements in the engine's dialect, and set each db.* request's action and facts from what they do.
 *  Parsers are loaded only when such a request is on the line. Never throws: what cannot be read or
 *  parsed is named in `unreadable`, a fact the policies ask on. */
import fs from "node:fs";
import { dbActionFor, SQL_DISPLAY_LIMIT } from "../../clis/databases/operation.js";
import { redisLinesFacts } from "../../clis/databases/redis.js";
import type { Operation, OperationWith } from "../../clis/types.js";
import type { DbCall } from "../../facts/generated/55-database.js";
import { emptyClassified, merge, type Classified } from "./classified.js";
import { classifyDialect } from "./dialects.js";
import { splitMysql, splitPsql, splitSqlite } from "./meta.js";
import { classifyMongo } from "./mongo.js";
import { classifyPostgres } from "./postgres.js";

const MAX_SCRIPT_BYTES = 4 * 1024 * 1024;

/** Every db.* action has the DbCall context (schemas/cedar/55-database.cedarschema). */
function isDbOp(op: Operation): op is OperationWith<DbCall> {
  return op.action.startsWith("db.");
}

/** A db.* request whose statements the interpreter left for this stage. */
function pending(op: Operation): op is OperationWith<DbCall> {
  if (!isDbOp(op)) return false;
  const c = op.context;
  return !c.statementsKnown && c.unreadable.length === 0 && (c.sql !== "" || c.files.length > 0);
}

function readScript(file: string, out: Classified): string {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) out.unreadable.push(`not a file: ${file}`);
    else if (st.size > MAX_SCRIPT_BYTES) out.unreadable.push(`file too large to read: ${file}`);
    else return fs.readFileSync(file, "utf8");
  } catch {
    out.unreadable.push(`missing file: ${file}`);
  }
  return "";
}

async function classify(engine: string, text: string): Promise<Classified> {
  const out = emptyClassified();
  switch (engine) {
    case "postgres":
    case "cockroach": {
      const s = splitPsql(text);
      merge(out, s.meta);
      merge(out, await classifyPostgres(s.sql));
      break;
    }
    case "mysql": {
      const s = splitMysql(text);
      merge(out, s.meta);
      merge(out, await classifyDialect(s.sql, "mysql"));
      break;
    }
    case "clickhouse": {
      // No ClickHouse grammar: the MySQL one, else the PostgreSQL one (count(), ::casts); both failing asks.
      const s = splitMysql(text);
      merge(out, s.meta);
      const asMysql = await classifyDialect(s.sql, "mysql");
      merge(out, asMysql.unreadable.length === 0 ? asMysql : await classifyPostgres(s.sql));
      break;
    }
    case "sqlite": {
      const s = splitSqlite(text);
      merge(out, s.meta);
      merge(out, await classifyDialect(s.sql, "sqlite"));
      break;
    }
    case "mongodb":
      merge(out, await classifyMongo(text));
      break;
    case "redis": {
      const r = redisLinesFacts(text);
      merge(out, { statements: [...(r.statements ?? [])], effects: [...(r.effects ?? [])], objects: [...(r.objects ?? [])], unreadable: [...(r.unreadable ?? [])] });
      break;
    }
    default:
      out.unreadable.push(`no reader for ${engine}`);
  }
  return out;
}

async function enrichOne(op: OperationWith<DbCall>): Promise<Operation> {
  const c = op.context;
  const found = emptyClassified();
  const texts = [c.sql];
  for (const f of c.files) texts.push(readScript(f, found));
  const text = texts.filter((t) => t !== "").join("\n;\n");
  try {
    merge(found, await classify(c.engine, text));
  } catch (e) {
    found.unreadable.push(`reader failed: ${e instanceof Error ? e.message.slice(0, 120) : "unknown"}`);
  }
  const known = found.unreadable.length === 0;
  const effects = [...new Set(found.effects)].sort();
  const context: DbCall = {
    ...c,
    statementsKnown: known,
    unreadable: [...new Set(found.unreadable)],
    statements: [...new Set(found.statements)],
    effects,
    objects: [...new Set(found.objects.filter((o) => o !== ""))],
    sql: text.length > SQL_DISPLAY_LIMIT ? `${text.slice(0, SQL_DISPLAY_LIMIT)}...` : text,
  };
  const objects = context.objects;
  const detail = [
    [...new Set(found.statements)].slice(0, 6).join(", "),
    objects.length > 0 ? `on ${objects.slice(0, 6).join(", ")}` : "",
    known ? "" : `could not read: ${[...new Set(found.unreadable)].slice(0, 3).join("; ")}`,
  ].filter((x) => x !== "").join(" ");
  return { ...op, action: dbActionFor(effects, known), context, summary: detail ? `${op.summary}: ${detail}` : op.summary };
}

/** Read and classify the statements of every pending db.* request; other operations pass unchanged. */
export async function enrichDatabaseFacts(operations: readonly Operation[]): Promise<Operation[]> {
  if (!operations.some(pending)) return [...operations];
  return Promise.all(operations.map((op) => (pending(op) ? enrichOne(op) : op)));
}
