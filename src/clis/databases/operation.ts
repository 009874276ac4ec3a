/** The db.* request of one client call (schemas/cedar/55-database.cedarschema): its action is the strongest
 *  class among the effects of what it runs. Shared with the enrichment stage, which reads the statements. */
import type { SimpleCommand } from "../../shell/types.js";
import type { Operation } from "../types.js";
import type { DbTarget } from "./target.js";

export type DbEffect =
  | "read" | "write" | "schema" | "admin"
  | "drop-database" | "drop-schema" | "drop-table" | "truncate" | "delete-all" | "update-all" | "flush" | "restore-clean";

const DESTROY: ReadonlySet<string> = new Set(["drop-database", "drop-schema", "drop-table", "truncate", "delete-all", "update-all", "flush", "restore-clean"]);

export type DbAction = "db.read" | "db.write" | "db.schema" | "db.admin" | "db.destroy";

/** The strongest class: destroy > admin > schema > write > read. Unknown statements are at least a write. */
export function dbActionFor(effects: readonly string[], statementsKnown: boolean): DbAction {
  if (effects.some((e) => DESTROY.has(e))) return "db.destroy";
  if (effects.includes("admin")) return "db.admin";
  if (effects.includes("schema")) return "db.schema";
  if (effects.includes("write") || !statementsKnown) return "db.write";
  return "db.read";
}

export type DbSource = "inline" | "file" | "stdin" | "interactive" | "tool";

export interface DbFacts {
  readonly source: DbSource;
  /** Statements still to read and parse (by the enrichment stage): their text, and files holding more. */
  readonly sql?: string;
  readonly files?: readonly string[];
  /** Already classified (tools, redis words): statements and effects. */
  readonly statements?: readonly string[];
  readonly effects?: readonly DbEffect[];
  readonly objects?: readonly string[];
  readonly unreadable?: readonly string[];
  readonly flags?: readonly string[];
  /** True when the statements are all known now (tools, redis words, an interactive session). */
  readonly known?: boolean;
}

export const SQL_DISPLAY_LIMIT = 4096;

export function dbOperation(cmd: SimpleCommand, target: DbTarget, facts: DbFacts): Operation {
  const effects = [...new Set(facts.effects ?? [])].sort();
  const known = facts.known === true && (facts.unreadable ?? []).length === 0;
  const action = dbActionFor(effects, known);
  const where = [target.host && `host ${target.host}`, target.name && `database ${target.name}`].filter(Boolean).join(", ");
  return {
    action,
    resource: { type: "Database", engine: target.engine, host: target.host, port: target.port, name: target.name, known: target.known },
    context: {
      tool: cmd.program,
      command: cmd.text,
      cwd: cmd.cwd,
      engine: target.engine,
      source: facts.source,
      statementsKnown: known,
      unreadable: [...new Set(facts.unreadable ?? [])],
      statements: [...new Set(facts.statements ?? [])],
      effects,
      objects: [...new Set(facts.objects ?? [])],
      sql: facts.sql ?? "",
      files: [...new Set(facts.files ?? [])],
      flags: [...new Set(facts.flags ?? [])].sort(),
      wrappers: [...cmd.wrappers],
      depth: cmd.depth,
    },
    summary: `${cmd.program}${where ? ` (${where})` : ""}`,
  };
}
