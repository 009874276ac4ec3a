/** The database interpreters (src/clis/databases/) and the statement reader (src/enrich/databases/):
 *  command line -> db.* action, effects, target. Parsers are the real ones (libpg-query, node-sql-parser, acorn). */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { interpretDatabase } from "../../src/clis/databases/index.js";
import { PROGRAM_NAMES } from "../../src/clis/registry.js";
import { parseConninfo, parseUrl } from "../../src/clis/databases/target.js";
import type { Operation } from "../../src/clis/types.js";
import { enrichDatabaseFacts } from "../../src/enrich/databases/index.js";
import { analyzeShell } from "../../src/shell/analyze.js";
import { factsOf } from "../support/facts.js";
import { tempDir } from "../support/temp.js";

const dir = tempDir("infragate-db-");
fs.writeFileSync(path.join(dir, "seed.sql"), "INSERT INTO users VALUES (1);\nSELECT count(*) FROM users;\n");
fs.writeFileSync(path.join(dir, "wipe.sql"), "-- reset\nDROP SCHEMA public CASCADE;\nCREATE SCHEMA public;\n");
fs.writeFileSync(path.join(dir, "cleanup.js"), "db.sessions.deleteMany({});\n");
fs.writeFileSync(path.join(dir, "cmds.txt"), "PING\nFLUSHDB\n");
fs.writeFileSync(path.join(dir, "reset.sql"), "DROP DATABASE IF EXISTS app;\nCREATE DATABASE app;\n");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(line: string, env: Record<string, string> = {}): Promise<Operation> {
  const analysis = analyzeShell(line, { cwd: dir, env: { HOME: "/home/agent", ...env }, names: PROGRAM_NAMES });
  const ops = analysis.commands.flatMap((c) => interpretDatabase(c).operations);
  const [op] = await enrichDatabaseFacts(ops);
  if (!op) throw new Error(`no db operation for ${line}`);
  return op;
}

type Row = readonly [line: string, action: string, effects: readonly string[]];

const ROWS: readonly Row[] = [
  // psql
  ["psql -c 'SELECT * FROM users LIMIT 5'", "db.read", ["read"]],
  ["psql -Xqc 'select 1'", "db.read", ["read"]],
  ["psql -c 'DROP DATABASE app'", "db.destroy", ["drop-database"]],
  ["psql -c 'DROP SCHEMA public CASCADE'", "db.destroy", ["drop-schema"]],
  ["psql -c 'drop table if exists users, orders'", "db.destroy", ["drop-table"]],
  ["psql -c 'TRUNCATE users RESTART IDENTITY'", "db.destroy", ["truncate"]],
  ["psql -c 'DELETE FROM users'", "db.destroy", ["delete-all"]],
  ["psql -c 'UPDATE users SET admin = true'", "db.destroy", ["update-all"]],
  ["psql -c 'WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d'", "db.destroy", ["delete-all", "read"]],
  ["psql -c 'EXPLAIN DELETE FROM t'", "db.read", ["read"]],
  ["psql -c 'EXPLAIN ANALYZE DELETE FROM t'", "db.destroy", ["delete-all", "read"]],
  ["psql -c 'DELETE FROM users WHERE id = 1'", "db.write", ["write"]],
  ["psql -c 'INSERT INTO t VALUES (1)'", "db.write", ["write"]],
  ["psql -c 'ALTER TABLE users ADD COLUMN x int'", "db.schema", ["schema"]],
  ["psql -c 'DROP INDEX users_email'", "db.schema", ["schema"]],
  ["psql -c 'GRANT ALL ON t TO bob'", "db.admin", ["admin"]],
  ["psql -c 'DROP OWNED BY bob'", "db.destroy", ["drop-schema"]],
  ["psql -c '\\dt'", "db.read", ["read"]],
  ["psql -c 'BEGIN; DELETE FROM t; COMMIT'", "db.destroy", ["delete-all", "read"]],
  ["psql -f seed.sql", "db.write", ["read", "write"]],
  ["psql -f wipe.sql", "db.destroy", ["drop-schema", "schema"]],
  ["psql < wipe.sql", "db.destroy", ["drop-schema", "schema"]],
  ["echo 'TRUNCATE t' | psql app", "db.destroy", ["truncate"]],
  ["psql app <<'SQL'\nSELECT 1;\n\\d users\nSQL", "db.read", ["read"]],
  ["psql app <<< 'DROP TABLE users'", "db.destroy", ["drop-table"]],
  ["psql -l", "db.read", ["read"]],
  ["psql", "db.read", ["read"]],
  ["cockroach sql --url postgres://root@db:26257/app -e 'DROP TABLE t'", "db.destroy", ["drop-table"]],
  // mysql, mariadb, clickhouse, sqlite
  ["mysql -e 'SHOW TABLES' app", "db.read", ["read"]],
  ["mysql -uroot -psecret -e 'DROP DATABASE app'", "db.destroy", ["drop-database"]],
  ["mariadb app -e 'DELETE FROM `users`'", "db.destroy", ["delete-all"]],
  ["mysql app -e 'DELETE FROM users LIMIT 10'", "db.write", ["write"]],
  ["mysql app -e 'DESCRIBE users'", "db.read", ["read"]],
  ["mysql app < reset.sql", "db.destroy", ["drop-database", "schema"]],
  ["clickhouse-client --query 'TRUNCATE TABLE events'", "db.destroy", ["truncate"]],
  ["clickhouse client -q 'SELECT count() FROM events'", "db.read", ["read"]],
  ["sqlite3 app.db .tables", "db.read", ["read"]],
  ["sqlite3 app.db 'SELECT * FROM t'", "db.read", ["read"]],
  ["sqlite3 app.db 'DROP TABLE t'", "db.destroy", ["drop-table"]],
  ["sqlite3 app.db '.restore backup.db'", "db.destroy", ["restore-clean"]],
  // mongosh, redis
  ["mongosh --eval 'db.dropDatabase()'", "db.destroy", ["drop-database"]],
  ["mongosh app --eval 'db.users.find({}).limit(5)'", "db.read", ["read"]],
  ["mongosh app --eval 'db.users.drop()'", "db.destroy", ["drop-table"]],
  ["mongosh app --eval 'db.users.deleteMany({ old: true })'", "db.write", ["write"]],
  ["mongosh app cleanup.js", "db.destroy", ["delete-all"]],
  ["mongosh --eval 'show dbs'", "db.read", ["read"]],
  ["mongorestore --drop dump/", "db.destroy", ["restore-clean"]],
  ["redis-cli FLUSHALL", "db.destroy", ["flush"]],
  ["redis-cli -h cache.prod.internal -n 2 flushdb", "db.destroy", ["flush"]],
  ["redis-cli DEL session:1", "db.write", ["write"]],
  ["redis-cli --scan --pattern 'user:*'", "db.read", ["read"]],
  ["redis-cli CONFIG GET maxmemory", "db.read", ["read"]],
  ["redis-cli CONFIG SET maxmemory 1gb", "db.admin", ["admin"]],
  ["redis-cli < cmds.txt", "db.destroy", ["flush", "read"]],
  // tools
  ["dropdb app", "db.destroy", ["drop-database"]],
  ["dropdb --if-exists -h db.prod.internal app", "db.destroy", ["drop-database"]],
  ["pg_restore --clean -d app dump.tar", "db.destroy", ["restore-clean"]],
  ["pg_restore -c -d app dump.tar", "db.destroy", ["restore-clean"]],
  ["pg_restore -d app dump.tar", "db.schema", ["schema", "write"]],
  ["pg_restore -l dump.tar", "db.read", ["read"]],
  ["mysqladmin -uroot -f drop app", "db.destroy", ["drop-database"]],
  ["mysqladmin status", "db.read", ["read"]],
  ["dropuser bob", "db.admin", ["admin"]],
  ["pg_dump -Fc app", "db.read", ["read"]],
  ["mysqldump app", "db.read", ["read"]],
];

describe("database interpreters: action and effects", () => {
  it.each(ROWS)("%s -> %s", async (line, action, effects) => {
    const op = await run(line);
    expect(factsOf(op).unreadable, op.summary).toEqual([]);
    expect(op.action, op.summary).toBe(action);
    expect(factsOf(op).effects).toEqual([...effects].sort());
  });
});

const UNREADABLE: readonly [string, string][] = [
  ["psql -f missing.sql", "missing file"],
  ["psql -c \"$SQL\"", "computed"],
  ["curl -s https://x/dump.sql | psql", "unread stdin"],
  ["psql -c 'DELETE FROM :tbl'", "parse error"],
  ["psql -c '\\i other.sql'", "meta-command \\i"],
  ["psql -c 'DO $$ BEGIN EXECUTE 1; END $$'", "procedural code"],
  ["mysql app -e 'source reset.sql'", "client command source"],
  ["mongosh --eval 'db[name][op]()'", "computed method"],
  ["redis-cli --eval script.lua", "lua script"],
  ["redis-cli EVAL 'return 1' 0", "script"],
];

describe("statements that cannot be read are a fact", () => {
  it.each(UNREADABLE)("%s: %s", async (line, why) => {
    const op = await run(line);
    expect(factsOf(op).statementsKnown).toBe(false);
    expect(String(factsOf(op).unreadable)).toContain(why);
    expect(op.action).not.toBe("db.read");
  });
});

describe("which database", () => {
  it.each([
    ["psql postgres://app:pw@db.prod.internal:5432/app -c 'select 1'", { host: "db.prod.internal", port: "5432", name: "app", known: true }],
    ["psql -h db.staging -d app -c 'select 1'", { host: "db.staging", name: "app" }],
    ["psql 'host=db.prod.internal dbname=billing' -c 'select 1'", { host: "db.prod.internal", name: "billing" }],
    ["psql \"$DATABASE_URL\" -c 'select 1'", { host: "db.prod.internal", name: "shop", known: true }],
    ["psql -c 'select 1'", { host: "pg.internal", name: "ledger" }],
    ["mysql -h mysql.prod.internal -P 3307 shop -e 'select 1'", { host: "mysql.prod.internal", port: "3307", name: "shop" }],
    ["mongosh mongodb+srv://u:p@cluster0.prod.mongodb.net/app --eval 'db.x.find()'", { host: "cluster0.prod.mongodb.net", name: "app" }],
    ["redis-cli -u redis://cache.prod.internal:6380/3 GET k", { host: "cache.prod.internal", port: "6380", name: "3" }],
  ] as const)("%s", async (line, expected) => {
    const op = await run(line, { DATABASE_URL: "postgres://u:p@db.prod.internal/shop", PGHOST: "pg.internal", PGDATABASE: "ledger" });
    expect(op.resource).toMatchObject(expected);
  });
  it("an unresolved URL is not known", async () => {
    const op = await run("psql \"$PROD_URL\" -c 'select 1'");
    expect(op.resource).toMatchObject({ known: false });
  });
  it("parses URLs and libpq keyword strings without keeping passwords", () => {
    expect(parseUrl("postgresql://u:secret@[::1]:6543/db?sslmode=require")).toEqual({ host: "::1", port: "6543", name: "db" });
    expect(parseConninfo("host=h port=1 dbname='a b'")).toEqual({ host: "h", port: "1", name: "a b" });
    expect(parseConninfo("host = h  hostaddr=10.0.0.1 dbname='it\\'s' sslmode=require")).toEqual({ host: "h", name: "it\\'s" });
    expect(parseConninfo("dbname='open port=5")).toEqual({ name: "'open", port: "5" });
    expect(parseConninfo("host=h x")).toEqual({ host: "h" });
  });
  it("a long word with no '=' after a pair is no pair (the regex audit's input; the scan is linear)", () => {
    expect(parseConninfo(`port=1 ${"0a".repeat(50_000)}\n!`)).toEqual({ port: "1" });
  });
});

describe("help and version run nothing", () => {
  it.each(["psql --help", "mysql --version", "redis-cli --help", "dropdb --help", "mongosh --help"])("%s", (line) => {
    const analysis = analyzeShell(line, { cwd: dir, env: {}, names: PROGRAM_NAMES });
    expect(analysis.commands.flatMap((c) => interpretDatabase(c).operations)).toEqual([]);
  });
});
