/** The server tools: dropdb, createdb, dropuser, createuser, pg_dump, pg_dumpall, pg_restore, mysqladmin,
 *  mysqldump (and their mariadb-* names). No statements to read: the tool's own verb is the fact. */
import type { SimpleCommand } from "../../shell/types.js";
import { hasFlag, lastValue, parseArgs } from "../file-tools/args.js";
import type { Interpretation } from "../types.js";
import { withoutPassword } from "./mysql.js";
import { dbOperation, type DbFacts } from "./operation.js";
import { isUrl, resolveTarget, type TargetParts } from "./target.js";

const PG_SPEC = { shortValued: "hpUdfFnNtTSjZEIa", longValued: ["host", "port", "username", "dbname", "file", "format", "schema", "exclude-schema", "table", "exclude-table", "superuser", "jobs", "compress", "encoding", "maintenance-db", "role", "section", "lock-wait-timeout", "tablespace", "locale", "template", "owner", "use-list", "list-file", "exclude-database", "extra-float-digits", "include-foreign-data", "filter", "rows-per-insert", "exclude-table-data", "snapshot", "strict-names", "connection-limit", "valid-until"] };

const NONE: Interpretation = { operations: [], files: [] };

function pgParts(p: ReturnType<typeof parseArgs>, dbWord: string | undefined): TargetParts {
  const parts: TargetParts = { host: lastValue(p, "h", "host"), port: lastValue(p, "p", "port") };
  if (dbWord !== undefined && (isUrl(dbWord) || dbWord.includes("="))) return { ...parts, url: dbWord };
  return { ...parts, name: dbWord };
}

function toolFacts(statement: string, effects: DbFacts["effects"], objects: readonly string[], flags: readonly string[] = []): DbFacts {
  return { source: "tool", known: true, statements: [statement], effects, objects, flags };
}

export function interpretPgTool(cmd: SimpleCommand): Interpretation {
  const p = parseArgs(cmd.argv.slice(1), PG_SPEC);
  if (hasFlag(p, "help", "?", "version", "V")) return NONE;
  const tool = cmd.program;
  const [first] = p.operands;
  const flags: string[] = [];
  if (hasFlag(p, "if-exists")) flags.push("if-exists");
  if (hasFlag(p, "f", "force") && tool === "dropdb") flags.push("force");
  switch (tool) {
    case "dropdb":
      return { operations: [dbOperation(cmd, resolveTarget("postgres", cmd, pgParts(p, first)), toolFacts("drop database", ["drop-database"], first ? [first] : [], flags))], files: [] };
    case "createdb":
      return { operations: [dbOperation(cmd, resolveTarget("postgres", cmd, pgParts(p, first)), toolFacts("create database", ["schema"], first ? [first] : []))], files: [] };
    case "dropuser":
    case "createuser": {
      const target = resolveTarget("postgres", cmd, pgParts(p, undefined));
      return { operations: [dbOperation(cmd, target, toolFacts(tool === "dropuser" ? "drop role" : "create role", ["admin"], first ? [first] : []))], files: [] };
    }
    case "pg_restore": {
      const db = lastValue(p, "d", "dbname");
      // Without -d, pg_restore only prints the SQL script: nothing is touched.
      if (db === undefined) return { operations: [dbOperation(cmd, resolveTarget("postgres", cmd, pgParts(p, undefined)), toolFacts("pg_restore (script)", ["read"], []))], files: [] };
      const clean = hasFlag(p, "c", "clean");
      if (clean) flags.push("clean");
      if (hasFlag(p, "C", "create")) flags.push("create");
      const effects: DbFacts["effects"] = clean ? ["restore-clean"] : ["schema", "write"];
      return { operations: [dbOperation(cmd, resolveTarget("postgres", cmd, pgParts(p, db)), toolFacts(clean ? "pg_restore --clean" : "pg_restore", effects, clean ? ["every object in the archive"] : [], flags))], files: [] };
    }
    default: {
      // pg_dump, pg_dumpall, pg_isready: reads.
      const db = lastValue(p, "d", "dbname") ?? (tool === "pg_dump" ? first : undefined);
      return { operations: [dbOperation(cmd, resolveTarget("postgres", cmd, pgParts(p, db)), toolFacts(tool, ["read"], []))], files: [] };
    }
  }
}

const MYSQLADMIN_READ = new Set(["status", "extended-status", "ping", "processlist", "variables", "version"]);

/** `mysqladmin [options] command [arg] [command [arg]] ...`. */
export function interpretMysqlAdmin(cmd: SimpleCommand): Interpretation {
  const args = withoutPassword(cmd.argv.slice(1));
  const p = parseArgs(args, { shortValued: "hPuSOci", longValued: ["host", "port", "user", "socket", "defaults-file", "count", "sleep", "protocol"] });
  if (hasFlag(p, "help", "?", "version", "V")) return NONE;
  const target = resolveTarget("mysql", cmd, { host: lastValue(p, "h", "host"), port: lastValue(p, "P", "port") });
  const statements: string[] = [];
  const effects: NonNullable<DbFacts["effects"]>[number][] = [];
  const objects: string[] = [];
  const ops = p.operands;
  for (let i = 0; i < ops.length; i++) {
    const verb = (ops[i] ?? "").toLowerCase();
    statements.push(verb);
    if (verb === "drop") {
      effects.push("drop-database");
      objects.push(ops[++i] ?? "");
    } else if (verb === "create") {
      effects.push("schema");
      objects.push(ops[++i] ?? "");
    } else if (MYSQLADMIN_READ.has(verb)) effects.push("read");
    else {
      effects.push("admin");
      if (verb === "kill" || verb === "password") i++;
    }
  }
  const flags = hasFlag(p, "f", "force") ? ["force"] : [];
  return { operations: [dbOperation(cmd, { ...target, name: objects[0] ?? "" }, { source: "tool", known: true, statements, effects, objects, flags })], files: [] };
}

/** mysqldump / mariadb-dump: a read of the databases named. */
export function interpretMysqlDump(cmd: SimpleCommand): Interpretation {
  const args = withoutPassword(cmd.argv.slice(1));
  const p = parseArgs(args, { shortValued: "hPuSr", longValued: ["host", "port", "user", "socket", "result-file", "where", "tables", "ignore-table"] });
  if (hasFlag(p, "help", "?", "version", "V")) return NONE;
  const target = resolveTarget("mysql", cmd, { host: lastValue(p, "h", "host"), port: lastValue(p, "P", "port"), name: p.operands[0] });
  return { operations: [dbOperation(cmd, target, toolFacts(cmd.program, ["read"], []))], files: [] };
}
