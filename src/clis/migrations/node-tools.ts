/** prisma, drizzle-kit, supabase, knex, sequelize, typeorm: subcommand -> class. */
import type { MigrationClass, MigrationFacts } from "./operation.js";
import { splitWords } from "./operation.js";

const HELP = new Set(["help", "h", "version", "v"]);

function isHelp(flags: readonly string[], words: readonly string[]): boolean {
  return flags.some((f) => HELP.has(f)) || words[0] === "help" || words.length === 0;
}

/** `prisma <cmd> [<sub>] [flags]`. */
export function prisma(args: readonly string[]): MigrationFacts {
  const { flags, values, positionals } = splitWords(args, new Set(["schema", "url", "file", "name", "from-url", "to-url", "shadow-database-url"]));
  const [cmd = "", sub = ""] = positionals;
  if (isHelp(flags, positionals)) return { subcommand: cmd || "help", cls: "read", flags };
  const two = `${cmd} ${sub}`.trim();
  const table: Readonly<Record<string, MigrationClass>> = {
    "migrate reset": "reset", "migrate deploy": "apply", "migrate dev": "apply", "migrate resolve": "apply", "migrate status": "read",
    "migrate diff": "read", "db push": "apply", "db pull": "read", "db seed": "apply", "db execute": "apply",
  };
  let cls: MigrationClass = table[two] ?? (["generate", "validate", "format", "init", "studio", "version", "debug", "-v"].includes(cmd) ? "read" : "unknown");
  if (two === "db push" && (flags.includes("force-reset") || flags.includes("accept-data-loss"))) cls = "reset";
  const url = values.get("url");
  return { subcommand: table[two] !== undefined ? two : cmd, cls, flags, url };
}

/** `drizzle-kit <cmd> [flags]`: push --force applies data-loss statements without asking. */
export function drizzleKit(args: readonly string[]): MigrationFacts {
  const { flags, positionals } = splitWords(args, new Set(["config", "dialect", "schema", "out", "url", "driver", "table", "tablesFilter", "schemaFilter"]));
  const cmd = positionals[0] ?? "";
  if (isHelp(flags, positionals)) return { subcommand: cmd || "help", cls: "read", flags };
  const table: Readonly<Record<string, MigrationClass>> = {
    push: flags.includes("force") ? "reset" : "apply", migrate: "apply", drop: "rollback",
    generate: "read", check: "read", studio: "read", introspect: "read", pull: "read", up: "read", export: "read",
  };
  return { subcommand: cmd, cls: table[cmd] ?? "unknown", flags };
}

const SUPABASE_READ = new Set(["start", "status", "login", "logout", "link", "unlink", "init", "gen", "inspect", "help", "completion", "test", "services", "bootstrap", "snippets", "orgs"]);

/** `supabase <group> <cmd>`: `db reset` rebuilds the database from migrations; local unless --linked / --db-url. */
export function supabase(args: readonly string[]): MigrationFacts {
  const { flags, values, positionals } = splitWords(args, new Set(["db-url", "workdir", "project-ref", "password", "p", "version", "schema", "s", "file", "f", "include-schemas", "output", "o"]));
  const [group = "", cmd = ""] = positionals;
  if (isHelp(flags, positionals)) return { subcommand: group || "help", cls: "read", flags };
  const remote = flags.includes("linked") || flags.includes("db-url") || flags.includes("project-ref");
  const two = `${group} ${cmd}`.trim();
  const url = values.get("db-url");
  if (two === "db reset") return { subcommand: two, cls: "reset", flags, localDev: !remote, url };
  if (group === "stop" && flags.includes("no-backup")) return { subcommand: "stop", cls: "reset", flags, localDev: true };
  const table: Readonly<Record<string, MigrationClass>> = {
    "db push": "apply", "db pull": "read", "db diff": "read", "db dump": "read", "db lint": "read", "db start": "read", "db test": "read",
    "migration up": "apply", "migration repair": "apply", "migration squash": "apply", "migration list": "read", "migration new": "read", "migration fetch": "read",
    "seed buckets": "apply", "functions serve": "read", "functions new": "read", "functions list": "read", "functions download": "read",
    "projects list": "read", "branches list": "read", "secrets list": "read",
  };
  const cls = table[two] ?? (SUPABASE_READ.has(group) || group === "stop" ? "read" : "unknown");
  return { subcommand: table[two] !== undefined ? two : group, cls, flags, url, localDev: !remote };
}

/** `knex <cmd>`: migrate:rollback --all undoes every migration. */
export function knex(args: readonly string[]): MigrationFacts {
  const { flags, positionals } = splitWords(args, new Set(["knexfile", "cwd", "env", "specific", "migrations-directory", "client", "connection"]));
  const cmd = positionals[0] ?? "";
  if (isHelp(flags, positionals)) return { subcommand: cmd || "help", cls: "read", flags };
  const table: Readonly<Record<string, MigrationClass>> = {
    "migrate:latest": "apply", "migrate:up": "apply", "migrate:rollback": flags.includes("all") ? "reset" : "rollback", "migrate:down": "rollback",
    "migrate:unlock": "apply", "seed:run": "apply", "migrate:status": "read", "migrate:list": "read", "migrate:currentVersion": "read",
    "migrate:make": "read", "seed:make": "read", init: "read",
  };
  return { subcommand: cmd, cls: table[cmd] ?? "unknown", flags, targets: positionals.slice(1) };
}

/** `sequelize <cmd>` (sequelize-cli). */
export function sequelize(args: readonly string[]): MigrationFacts {
  const { flags, values, positionals } = splitWords(args, new Set(["env", "config", "options-path", "migrations-path", "seeders-path", "models-path", "url", "to", "from", "name", "seed", "attributes"]));
  const cmd = positionals[0] ?? "";
  if (isHelp(flags, positionals)) return { subcommand: cmd || "help", cls: "read", flags };
  const table: Readonly<Record<string, MigrationClass>> = {
    "db:drop": "reset", "db:migrate:undo:all": "reset", "db:migrate": "apply", "db:migrate:undo": "rollback", "db:seed": "apply",
    "db:seed:all": "apply", "db:seed:undo": "rollback", "db:seed:undo:all": "rollback", "db:create": "apply", "db:migrate:status": "read",
    init: "read", "model:generate": "read", "model:create": "read", "migration:generate": "read", "migration:create": "read", "seed:generate": "read", "seed:create": "read",
  };
  return { subcommand: cmd, cls: table[cmd] ?? "unknown", flags, url: values.get("url") };
}

/** `typeorm <cmd>` (also typeorm-ts-node-commonjs / -esm). */
export function typeorm(args: readonly string[]): MigrationFacts {
  const { flags, positionals } = splitWords(args, new Set(["dataSource", "d", "connection", "c", "config", "f", "name", "n", "outputPath", "o"]));
  const cmd = positionals[0] ?? "";
  if (isHelp(flags, positionals)) return { subcommand: cmd || "help", cls: "read", flags };
  const table: Readonly<Record<string, MigrationClass>> = {
    "schema:drop": "reset", "schema:sync": "apply", "migration:run": "apply", "migration:revert": "rollback", "cache:clear": "apply",
    "schema:log": "read", "migration:show": "read", "migration:generate": "read", "migration:create": "read", "entity:create": "read",
    "subscriber:create": "read", init: "read", version: "read", query: "unknown",
  };
  return { subcommand: cmd, cls: table[cmd] ?? "unknown", flags };
}
