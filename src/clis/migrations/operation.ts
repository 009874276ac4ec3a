/** The migration.* request of one migration-tool call (schemas/cedar/56-migrations.cedarschema). The
 *  Database it reaches: a URL option, else $DATABASE_URL (the convention of prisma, rails, Django with
 *  dj-database-url, knex and sequelize configs, alembic env.py files). */
import type { SimpleCommand } from "../../shell/types.js";
import { engineOfUrl, fromEnv, isComputed, parseConninfo, parseUrl, type DbTarget } from "../databases/target.js";
import type { Operation } from "../types.js";

export type MigrationClass = "read" | "apply" | "rollback" | "reset" | "unknown";

export interface MigrationFacts {
  readonly subcommand: string;
  readonly cls: MigrationClass;
  readonly flags?: readonly string[];
  readonly targets?: readonly string[];
  readonly localDev?: boolean;
  /** A connection URL the call names (--db-url, -url=, --url). */
  readonly url?: string | undefined;
}

function targetOf(cmd: SimpleCommand, given: string | undefined): DbTarget {
  const url = fromEnv(cmd, given) ?? cmd.env.DATABASE_URL;
  if (url === undefined || url === "") return { engine: "", host: "", port: "", name: "", known: false };
  if (isComputed(cmd, url)) return { engine: "", host: "", port: "", name: "", known: false };
  const parts = /^[a-z][a-z0-9+.:-]*:\/\//i.test(url.replace(/^jdbc:/i, "")) ? parseUrl(url) : (parseConninfo(url) ?? {});
  return { engine: engineOfUrl(url), host: parts.host ?? "", port: parts.port ?? "", name: parts.name ?? "", known: true };
}

function appEnv(cmd: SimpleCommand): string {
  return cmd.env.RAILS_ENV ?? cmd.env.RACK_ENV ?? cmd.env.NODE_ENV ?? cmd.env.APP_ENV ?? "";
}

export function migrationOperation(cmd: SimpleCommand, facts: MigrationFacts): Operation {
  const target = targetOf(cmd, facts.url);
  const cls: MigrationClass = cmd.unresolved && isComputed(cmd, facts.subcommand) ? "unknown" : facts.cls;
  const flags = [...new Set(facts.flags ?? [])].sort();
  const where = [target.host && `host ${target.host}`, target.name && `database ${target.name}`].filter(Boolean).join(", ");
  return {
    action: `migration.${cls}`,
    resource: { type: "Database", engine: target.engine, host: target.host, port: target.port, name: target.name, known: target.known },
    context: {
      tool: cmd.program,
      command: cmd.text,
      cwd: cmd.cwd,
      subcommand: facts.subcommand,
      flags,
      targets: [...(facts.targets ?? [])],
      localDev: facts.localDev === true,
      appEnv: appEnv(cmd),
      wrappers: [...cmd.wrappers],
      depth: cmd.depth,
    },
    summary: `${cmd.program} ${facts.subcommand}${flags.length ? ` (${flags.join(", ")})` : ""}${where ? ` on ${where}` : ""}`,
  };
}

/** Words split into flags (names without dashes, `--x=v` as x) and positionals; `valued` options take the next word. */
export function splitWords(words: readonly string[], valued: ReadonlySet<string> = new Set()): { flags: string[]; values: Map<string, string>; positionals: string[] } {
  const flags: string[] = [];
  const values = new Map<string, string>();
  const positionals: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? "";
    if (w === "--") {
      positionals.push(...words.slice(i + 1));
      break;
    }
    if (w.startsWith("-") && w.length > 1) {
      const body = w.replace(/^--?/, "");
      const eq = body.indexOf("=");
      const name = eq >= 0 ? body.slice(0, eq) : body;
      flags.push(name);
      if (eq >= 0) values.set(name, body.slice(eq + 1));
      else if (valued.has(name) && i + 1 < words.length) values.set(name, words[++i] ?? "");
      continue;
    }
    positionals.push(w);
  }
  return { flags, values, positionals };
}
