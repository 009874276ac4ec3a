// Emit JSON Schemas from the zod schemas (the single source of truth) with z.toJSONSchema:
//   schemas/config.schema.json         .infragate/config.json (what a user writes: the input side)
//   schemas/check-request.schema.json  one `infragate check --jsonl` request line
//   schemas/check-answer.schema.json   one answer line
//
//   node scripts/gen-json-schemas.mjs          write them (needs dist/: npm run build first)
//   node scripts/gen-json-schemas.mjs --check  exit 1 when they are stale
// The staleness test (test/docs/json-schemas.test.ts) calls renderJsonSchemas() with the src/ schemas.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const TARGETS = [
  {
    file: "config.schema.json",
    schema: "Config",
    io: "input",
    title: "infragate workspace configuration (.infragate/config.json)",
    description: "Mode, environment labels for stacks by path, and budget limits. Generated from src/config/schema.ts.",
  },
  {
    file: "check-request.schema.json",
    schema: "CheckRequest",
    io: "input",
    title: "infragate check request",
    description: "One line of `infragate check --jsonl` input (Claude Code tool names and fields); also the request part of a `policy test` case. Generated from src/decide/check-request.ts.",
  },
  {
    file: "check-answer.schema.json",
    schema: "CheckAnswer",
    io: "output",
    title: "infragate check answer",
    description: "One line of `infragate check --jsonl` output. Generated from src/decide/check-request.ts.",
  },
];

/** file name -> JSON text, from the zod schemas given ({ Config, CheckRequest, CheckAnswer }). */
export function renderJsonSchemas(schemas) {
  const out = {};
  for (const t of TARGETS) {
    const json = z.toJSONSchema(schemas[t.schema], { io: t.io, target: "draft-2020-12" });
    const { $schema, ...rest } = json;
    const doc = { $schema, title: t.title, description: t.description, ...rest };
    out[t.file] = `${JSON.stringify(doc, null, 2)}\n`;
  }
  return out;
}

export const SCHEMA_DIR = path.join(ROOT, "schemas");

async function fromDist() {
  const dist = path.join(ROOT, "dist");
  if (!fs.existsSync(path.join(dist, "config", "schema.js"))) {
    console.error("dist/ is missing: run npm run build first");
    process.exit(2);
  }
  const { Config } = await import(path.join(dist, "config", "schema.js"));
  const { CheckRequest, CheckAnswer } = await import(path.join(dist, "decide", "check-request.js"));
  return { Config, CheckRequest, CheckAnswer };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = renderJsonSchemas(await fromDist());
  let stale = 0;
  for (const [name, text] of Object.entries(files)) {
    const target = path.join(SCHEMA_DIR, name);
    if (process.argv.includes("--check")) {
      const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : "";
      if (current !== text) {
        console.error(`schemas/${name} is stale: run node scripts/gen-json-schemas.mjs`);
        stale++;
      }
    } else {
      fs.writeFileSync(target, text);
      console.log(`wrote schemas/${name}`);
    }
  }
  if (stale > 0) process.exit(1);
}
