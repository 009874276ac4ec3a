/** The migration-tool interpreters (src/clis/migrations/): command line -> migration.* action, facts, target. */
import { describe, expect, it } from "vitest";
import { interpretMigration } from "../../src/clis/migrations/index.js";
import { PROGRAM_NAMES } from "../../src/clis/registry.js";
import type { Operation } from "../../src/clis/types.js";
import { analyzeShell } from "../../src/shell/analyze.js";
import { factsOf } from "../support/facts.js";

function op(line: string, env: Record<string, string> = {}): Operation {
  const analysis = analyzeShell(line, { cwd: "/ws", env: { HOME: "/home/u", ...env }, names: PROGRAM_NAMES });
  const [found] = analysis.commands.flatMap((c) => interpretMigration(c).operations);
  if (!found) throw new Error(`no migration operation for ${line}: ${JSON.stringify(analysis.commands.map((c) => c.argv))}`);
  return found;
}

const ROWS: readonly (readonly [string, string, string])[] = [
  ["npx prisma migrate reset --force", "migration.reset", "migrate reset"],
  ["pnpm exec prisma migrate reset", "migration.reset", "migrate reset"],
  ["yarn prisma db push --force-reset", "migration.reset", "db push"],
  ["npx prisma db push --accept-data-loss", "migration.reset", "db push"],
  ["npx prisma db push", "migration.apply", "db push"],
  ["npx prisma migrate deploy", "migration.apply", "migrate deploy"],
  ["npx prisma migrate dev --name init", "migration.apply", "migrate dev"],
  ["npx prisma migrate status", "migration.read", "migrate status"],
  ["npx prisma generate", "migration.read", "generate"],
  ["npx prisma studio", "migration.read", "studio"],
  ["npx prisma --help", "migration.read", "help"],
  ["npx drizzle-kit push --force", "migration.reset", "push"],
  ["npx drizzle-kit push", "migration.apply", "push"],
  ["npx drizzle-kit drop", "migration.rollback", "drop"],
  ["npx drizzle-kit generate", "migration.read", "generate"],
  ["supabase db reset --linked", "migration.reset", "db reset"],
  ["supabase db reset --db-url postgres://u:p@db.x.supabase.co/postgres", "migration.reset", "db reset"],
  ["supabase db reset", "migration.reset", "db reset"],
  ["supabase db push", "migration.apply", "db push"],
  ["supabase db diff", "migration.read", "db diff"],
  ["supabase start", "migration.read", "start"],
  ["rails db:drop", "migration.reset", "db:drop"],
  ["bin/rails db:reset", "migration.reset", "db:reset"],
  ["bundle exec rake db:schema:load", "migration.reset", "db:schema:load"],
  ["rake db:purge", "migration.reset", "db:purge"],
  ["bin/rails db:migrate db:seed", "migration.apply", "db:migrate"],
  ["bin/rails db:rollback STEP=2", "migration.rollback", "db:rollback"],
  ["rake db:migrate:redo[20240101]", "migration.rollback", "db:migrate:redo"],
  ["bin/rails db:migrate:status", "migration.read", "db:migrate:status"],
  ["bin/rails routes", "migration.read", "routes"],
  ["bundle exec rake spec", "migration.read", "spec"],
  ["bin/rails runner 'User.delete_all'", "migration.unknown", "runner"],
  ["python manage.py flush --noinput", "migration.reset", "flush"],
  ["./manage.py reset_db", "migration.reset", "reset_db"],
  ["python3 manage.py migrate shop zero", "migration.reset", "migrate"],
  ["python manage.py migrate shop 0003", "migration.rollback", "migrate"],
  ["python manage.py migrate", "migration.apply", "migrate"],
  ["python manage.py showmigrations", "migration.read", "showmigrations"],
  ["python manage.py runserver 0.0.0.0:8000", "migration.read", "runserver"],
  ["python manage.py purge_customers", "migration.unknown", "purge_customers"],
  ["echo 'DROP TABLE x;' | python manage.py dbshell", "migration.unknown", "dbshell"],
  ["npx knex migrate:rollback --all", "migration.reset", "migrate:rollback"],
  ["npx knex migrate:rollback", "migration.rollback", "migrate:rollback"],
  ["npx knex migrate:latest", "migration.apply", "migrate:latest"],
  ["npx knex migrate:status", "migration.read", "migrate:status"],
  ["npx sequelize-cli db:drop", "migration.reset", "db:drop"],
  ["npx sequelize db:migrate:undo:all", "migration.reset", "db:migrate:undo:all"],
  ["npx sequelize-cli db:migrate", "migration.apply", "db:migrate"],
  ["npx typeorm schema:drop -d src/data-source.ts", "migration.reset", "schema:drop"],
  ["npx typeorm-ts-node-commonjs migration:run -d src/ds.ts", "migration.apply", "migration:run"],
  ["npx typeorm migration:revert -d ds.ts", "migration.rollback", "migration:revert"],
  ["npx typeorm migration:show -d ds.ts", "migration.read", "migration:show"],
  ["uv run alembic downgrade base", "migration.reset", "downgrade"],
  ["alembic downgrade -1", "migration.rollback", "downgrade"],
  ["alembic upgrade head", "migration.apply", "upgrade"],
  ["alembic upgrade head --sql", "migration.read", "upgrade"],
  ["alembic current", "migration.read", "current"],
  ["flyway -url=jdbc:postgresql://db.prod.internal:5432/app clean", "migration.reset", "clean"],
  ["flyway migrate", "migration.apply", "migrate"],
  ["flyway info", "migration.read", "info"],
  ["liquibase dropAll", "migration.reset", "dropAll"],
  ["liquibase drop-all", "migration.reset", "drop-all"],
  ["liquibase update", "migration.apply", "update"],
  ["liquibase update-sql", "migration.read", "update-sql"],
  ["liquibase rollback-count --count=1", "migration.rollback", "rollback-count"],
  ["liquibase status", "migration.read", "status"],
];

describe("migration tools: action and subcommand", () => {
  it.each(ROWS)("%s -> %s", (line, action, subcommand) => {
    const o = op(line);
    expect(o.action, o.summary).toBe(action);
    expect(factsOf(o).subcommand).toBe(subcommand);
  });
});

describe("facts", () => {
  it("supabase db reset is local unless --linked / --db-url", () => {
    expect(factsOf(op("supabase db reset")).localDev).toBe(true);
    expect(factsOf(op("supabase db reset --linked")).localDev).toBe(false);
  });
  it("the database comes from $DATABASE_URL, or the tool's URL option", () => {
    expect(op("npx prisma migrate deploy", { DATABASE_URL: "postgresql://u:p@db.prod.internal:5432/shop" }).resource).toMatchObject({ engine: "postgres", host: "db.prod.internal", name: "shop", known: true });
    expect(op("flyway -url=jdbc:mysql://mysql.prod:3306/app migrate").resource).toMatchObject({ engine: "mysql", host: "mysql.prod", port: "3306", name: "app" });
    expect(op("npx prisma migrate deploy").resource).toMatchObject({ host: "", known: false });
  });
  it("RAILS_ENV / NODE_ENV are the appEnv fact", () => {
    expect(factsOf(op("RAILS_ENV=production bin/rails db:migrate")).appEnv).toBe("production");
  });
  it("a computed subcommand is unknown", () => {
    expect(op("npx prisma migrate $CMD").action).toBe("migration.unknown");
  });
});
