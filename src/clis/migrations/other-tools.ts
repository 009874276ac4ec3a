/** rails / rake tasks, Django's manage.py, alembic, flyway, liquibase: subcommand -> class. */
import type { MigrationClass, MigrationFacts } from "./operation.js";
import { splitWords } from "./operation.js";

const RAILS_DB: Readonly<Record<string, MigrationClass>> = {
  "db:drop": "reset", "db:drop:all": "reset", "db:reset": "reset", "db:schema:load": "reset", "db:structure:load": "reset",
  "db:purge": "reset", "db:purge:all": "reset", "db:test:purge": "reset", "db:setup": "reset", "db:seed:replant": "reset",
  "db:truncate_all": "reset", "db:migrate:reset": "reset",
  "db:migrate": "apply", "db:migrate:up": "apply", "db:migrate:redo": "rollback", "db:migrate:down": "rollback", "db:rollback": "rollback",
  "db:seed": "apply", "db:prepare": "apply", "db:create": "apply", "db:create:all": "apply", "db:fixtures:load": "apply", "db:environment:set": "apply",
  "db:migrate:status": "read", "db:version": "read", "db:schema:dump": "read", "db:structure:dump": "read", "db:abort_if_pending_migrations": "read",
  "db:schema:cache:dump": "read", "db:schema:cache:clear": "read", "db:encryption:init": "read", "db:system:change": "read",
};
const RANK: Readonly<Record<MigrationClass, number>> = { read: 0, apply: 1, rollback: 2, unknown: 3, reset: 4 };

/** `rails TASK...` / `rake TASK...`: every task runs; the strongest decides. Non-db tasks and commands read. */
export function railsTasks(program: string, args: readonly string[]): MigrationFacts {
  const { flags, positionals } = splitWords(args, new Set(["e", "environment", "f", "rakefile", "I", "libdir", "r", "require"]));
  const words = positionals.filter((w) => !/^[A-Z_][A-Z0-9_]*=/.test(w));
  if (words.length === 0) return { subcommand: program, cls: "read", flags };
  if (program === "rails" && (words[0] === "runner" || words[0] === "r")) return { subcommand: "runner", cls: "unknown", flags, targets: words.slice(1) };
  let best: { task: string; cls: MigrationClass } = { task: words[0] ?? "", cls: "read" };
  for (const task of words) {
    const bracket = task.indexOf("["); // `db:migrate[args]` (a slice, not /\[.*$/, which is quadratic on many '[')
    const name = bracket < 0 ? task : task.slice(0, bracket);
    const cls = RAILS_DB[name] ?? (name.startsWith("db:") ? "unknown" : "read");
    if (RANK[cls] > RANK[best.cls]) best = { task: name, cls };
  }
  const env = positionals.filter((w) => /^[A-Z_][A-Z0-9_]*=/.test(w));
  return { subcommand: best.task, cls: best.cls, flags: [...flags, ...env.map((e) => e.split("=")[0] ?? "")], targets: words };
}

const DJANGO_READ = new Set([
  "runserver", "test", "check", "makemigrations", "showmigrations", "sqlmigrate", "sqlflush", "sqlsequencereset", "inspectdb", "diffsettings",
  "help", "version", "collectstatic", "findstatic", "compilemessages", "makemessages", "shell", "dbshell", "dumpdata", "startapp",
  "squashmigrations", "optimizemigration", "sendtestemail", "show_urls", "shell_plus", "validate_templates", "graph_models", "clearsessions",
]);

/** `manage.py CMD [args]`: flush and reset_db empty every table; `migrate APP zero` unapplies every migration. */
export function manage(args: readonly string[], stdin: string): MigrationFacts {
  const { flags, positionals } = splitWords(args, new Set(["settings", "pythonpath", "database", "verbosity", "v", "fake-initial"]));
  const [cmd = "", ...rest] = positionals;
  if (cmd === "" || flags.includes("help") || flags.includes("h")) return { subcommand: cmd || "help", cls: "read", flags };
  if (cmd === "flush" || cmd === "reset_db" || cmd === "reset_schema") return { subcommand: cmd, cls: "reset", flags, targets: rest };
  if (cmd === "migrate") {
    const [app, to] = rest;
    const cls: MigrationClass = to === "zero" ? "reset" : to !== undefined ? "rollback" : "apply";
    return { subcommand: cmd, cls: app !== undefined && to === undefined ? "apply" : cls, flags, targets: rest };
  }
  if (cmd === "loaddata" || cmd === "createsuperuser" || cmd === "createcachetable") return { subcommand: cmd, cls: "apply", flags, targets: rest };
  // dbshell or shell fed a script on stdin runs whatever it says.
  if ((cmd === "dbshell" || cmd === "shell") && (stdin !== "terminal" || flags.includes("c") || flags.includes("command"))) return { subcommand: cmd, cls: "unknown", flags };
  return { subcommand: cmd, cls: DJANGO_READ.has(cmd) ? "read" : "unknown", flags, targets: rest };
}

/** `alembic [-c ini] [-x k=v] CMD [REV]`: downgrade base unapplies every migration. */
export function alembic(args: readonly string[]): MigrationFacts {
  const { flags, positionals } = splitWords(args, new Set(["c", "config", "n", "name", "x", "raiseerr"]));
  const [cmd = "", rev = ""] = positionals;
  if (cmd === "" || flags.includes("help") || flags.includes("h")) return { subcommand: cmd || "help", cls: "read", flags };
  const sql = flags.includes("sql");
  if (cmd === "downgrade") return { subcommand: cmd, cls: sql ? "read" : rev === "base" ? "reset" : "rollback", flags, targets: [rev] };
  const table: Readonly<Record<string, MigrationClass>> = {
    upgrade: sql ? "read" : "apply", stamp: "apply", current: "read", history: "read", heads: "read", branches: "read", show: "read",
    check: "read", revision: "read", merge: "read", edit: "read", init: "read", list_templates: "read", ensure_version: "apply",
  };
  return { subcommand: cmd, cls: table[cmd] ?? "unknown", flags, targets: positionals.slice(1) };
}

/** `flyway [-url=...] CMD`: clean drops every object in the configured schemas. */
export function flyway(args: readonly string[]): MigrationFacts {
  const { flags, values, positionals } = splitWords(args);
  const cmd = positionals[0] ?? "";
  if (cmd === "" || cmd === "help" || flags.includes("help") || flags.includes("v")) return { subcommand: cmd || "help", cls: "read", flags };
  const table: Readonly<Record<string, MigrationClass>> = { clean: "reset", migrate: "apply", baseline: "apply", repair: "apply", undo: "rollback", info: "read", validate: "read", check: "read", version: "read", auth: "read" };
  return { subcommand: cmd, cls: table[cmd] ?? "unknown", flags: flags.filter((f) => !f.startsWith("url") && !f.startsWith("password") && !f.startsWith("user")), url: values.get("url") };
}

/** `liquibase [--url=...] CMD`: dropAll (drop-all) drops every object. */
export function liquibase(args: readonly string[]): MigrationFacts {
  const { flags, values, positionals } = splitWords(args, new Set(["url", "username", "password", "changelog-file", "changeLogFile", "defaults-file", "count", "tag", "contexts", "labels"]));
  const cmd = positionals[0] ?? "";
  if (cmd === "" || cmd === "help" || flags.includes("help") || flags.includes("version")) return { subcommand: cmd || "help", cls: "read", flags };
  const norm = cmd.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  let cls: MigrationClass = "unknown";
  if (norm === "dropAll") cls = "reset";
  else if (norm.startsWith("update") && !norm.endsWith("SQL") && !norm.endsWith("Sql")) cls = "apply";
  else if (norm.startsWith("rollback") && !/sql$/i.test(norm)) cls = "rollback";
  else if (/^(clearCheckSums|changelogSync|markNextChangesetRan|releaseLocks|execute|executeSql)$/i.test(norm)) cls = "apply";
  else if (/^(status|history|diff|diffChangelog|validate|dbDoc|snapshot|generateChangelog|checks|unexpectedChangesets|tag|tagExists|calculateChecksum|listLocks|.*[Ss][Qq][Ll])$/.test(norm)) cls = "read";
  return { subcommand: cmd, cls, flags: flags.filter((f) => f !== "password" && f !== "username" && f !== "url"), url: values.get("url") };
}
