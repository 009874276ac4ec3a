/** Migration tools and ORMs (docs/clis/migrations.md): one migration.* request per call, on the Database
 *  the tool reaches. Reached through npx / pnpm exec / yarn / bunx (the packages below), bundle exec,
 *  bin/rails, python manage.py, uv run / poetry run, and the project's own scripts. */
import type { SimpleCommand } from "../../shell/types.js";
import type { CliDescriptor } from "../descriptor.js";
import type { Interpretation, Interpreter } from "../types.js";
import { drizzleKit, knex, prisma, sequelize, supabase, typeorm } from "./node-tools.js";
import { migrationOperation, type MigrationFacts } from "./operation.js";
import { alembic, flyway, liquibase, manage, railsTasks } from "./other-tools.js";

const BY_PROGRAM: Readonly<Record<string, (cmd: SimpleCommand) => MigrationFacts>> = {
  prisma: (c) => prisma(c.argv.slice(1)),
  "drizzle-kit": (c) => drizzleKit(c.argv.slice(1)),
  supabase: (c) => supabase(c.argv.slice(1)),
  knex: (c) => knex(c.argv.slice(1)),
  sequelize: (c) => sequelize(c.argv.slice(1)),
  typeorm: (c) => typeorm(c.argv.slice(1)),
  rails: (c) => railsTasks("rails", c.argv.slice(1)),
  rake: (c) => railsTasks("rake", c.argv.slice(1)),
  "manage.py": (c) => manage(c.argv.slice(1), c.stdin),
  "django-admin": (c) => manage(c.argv.slice(1), c.stdin),
  alembic: (c) => alembic(c.argv.slice(1)),
  flyway: (c) => flyway(c.argv.slice(1)),
  liquibase: (c) => liquibase(c.argv.slice(1)),
};

export const interpretMigration: Interpreter = (cmd: SimpleCommand): Interpretation => {
  const facts = BY_PROGRAM[cmd.program]?.(cmd);
  return facts ? { operations: [migrationOperation(cmd, facts)], files: [] } : { operations: [], files: [] };
};

export const migrationsCli: CliDescriptor = {
  name: "migrations",
  names: {
    programs: Object.keys(BY_PROGRAM),
    aliases: { "sequelize-cli": "sequelize", "typeorm-ts-node-commonjs": "typeorm", "typeorm-ts-node-esm": "typeorm" },
    packages: { "sequelize-cli": "sequelize", "@prisma/cli": "prisma", "supabase-cli": "supabase", "@supabase/cli": "supabase" },
    scripts: { prisma: "prisma", "drizzle-kit": "drizzle-kit", knex: "knex", sequelize: "sequelize", typeorm: "typeorm", supabase: "supabase" },
  },
  guarded: false,
  interpret: interpretMigration,
};
