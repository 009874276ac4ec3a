/** Databases: SQL clients, mongosh, redis-cli and the server tools (docs/clis/databases.md). One db.*
 *  request per call; the statements are read and parsed by the enrichment stage (src/enrich/databases/). */
import type { SimpleCommand } from "../../shell/types.js";
import type { CliDescriptor } from "../descriptor.js";
import type { Interpretation, Interpreter } from "../types.js";
import { interpretMongosh, interpretMongoTool } from "./mongo.js";
import { interpretClickhouse, interpretMysql, interpretSqlite } from "./mysql.js";
import { interpretCockroach, interpretPsql } from "./psql.js";
import { interpretRedisCli } from "./redis.js";
import { interpretMysqlAdmin, interpretMysqlDump, interpretPgTool } from "./tools.js";

const BY_PROGRAM: Readonly<Record<string, Interpreter>> = {
  psql: interpretPsql,
  cockroach: interpretCockroach,
  mysql: interpretMysql,
  mariadb: interpretMysql,
  "clickhouse-client": interpretClickhouse,
  clickhouse: interpretClickhouse,
  sqlite3: interpretSqlite,
  sqlite: interpretSqlite,
  mongosh: interpretMongosh,
  mongo: interpretMongosh,
  mongorestore: interpretMongoTool,
  mongoimport: interpretMongoTool,
  mongodump: interpretMongoTool,
  mongoexport: interpretMongoTool,
  "redis-cli": interpretRedisCli,
  "valkey-cli": interpretRedisCli,
  dropdb: interpretPgTool,
  createdb: interpretPgTool,
  dropuser: interpretPgTool,
  createuser: interpretPgTool,
  pg_dump: interpretPgTool,
  pg_dumpall: interpretPgTool,
  pg_restore: interpretPgTool,
  pg_isready: interpretPgTool,
  mysqladmin: interpretMysqlAdmin,
  "mariadb-admin": interpretMysqlAdmin,
  mysqldump: interpretMysqlDump,
  "mariadb-dump": interpretMysqlDump,
};

export const interpretDatabase: Interpreter = (cmd: SimpleCommand): Interpretation => {
  const interpret = BY_PROGRAM[cmd.program];
  return interpret ? interpret(cmd) : { operations: [], files: [] };
};

export const databasesCli: CliDescriptor = {
  name: "databases",
  names: { programs: Object.keys(BY_PROGRAM) },
  guarded: false,
  interpret: interpretDatabase,
};
