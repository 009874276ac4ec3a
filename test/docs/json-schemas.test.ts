/** schemas/*.json are generated from the zod schemas: this fails when one of them is stale. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CheckAnswer, CheckRequest } from "../../src/decide/check-request.js";
import { Config } from "../../src/config/schema.js";
// @ts-expect-error: a plain .mjs script without types
import { renderJsonSchemas, SCHEMA_DIR } from "../../scripts/gen-json-schemas.mjs";

const files = (renderJsonSchemas as (s: object) => Record<string, string>)({ Config, CheckRequest, CheckAnswer });

describe("generated JSON Schemas", () => {
  for (const [name, text] of Object.entries(files)) {
    it(`schemas/${name} is up to date (node scripts/gen-json-schemas.mjs)`, () => {
      const file = path.join(SCHEMA_DIR as string, name);
      // INFRAGATE_UPDATE_DOCS=1 npx vitest run test/docs: regenerate from src/ (no build needed)
      if (process.env.INFRAGATE_UPDATE_DOCS === "1") fs.writeFileSync(file, text);
      const current = fs.readFileSync(file, "utf8");
      expect(current).toBe(text);
    });
  }

  it("the config schema describes mode, stacks and budget, with the zod descriptions", () => {
    const schema = JSON.parse(files["config.schema.json"] as string) as { properties: Record<string, { description?: string }>; additionalProperties?: boolean };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["mode", "stacks", "budget"]));
    expect(schema.properties.mode?.description).toMatch(/allow-list/);
    expect(schema.additionalProperties).toBe(false);
  });

  it("the request schema is a union over the tools", () => {
    const schema = JSON.parse(files["check-request.schema.json"] as string) as { oneOf?: unknown[]; anyOf?: unknown[] };
    expect((schema.oneOf ?? schema.anyOf ?? []).length).toBe(4);
  });
});
