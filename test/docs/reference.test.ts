/** docs/reference.md is generated from the Cedar schema fragments: this fails when it is stale. */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without types
import { readComments, readFragments, REFERENCE_PATH, renderReference } from "../../scripts/gen-docs.mjs";

describe("docs/reference.md", () => {
  const text = (renderReference as () => string)();

  it("is up to date (node scripts/gen-docs.mjs)", () => {
    if (process.env.INFRAGATE_UPDATE_DOCS === "1") fs.writeFileSync(REFERENCE_PATH as string, text);
    expect(fs.readFileSync(REFERENCE_PATH as string, "utf8")).toBe(text);
  });

  it("lists every action declared in the fragments", () => {
    const fragments = (readFragments as () => { text: string }[])();
    const declared = fragments.flatMap((f) => [...f.text.matchAll(/^action\s+"([^"]+)"/gm)].map((m) => m[1] as string));
    expect(declared.length).toBeGreaterThan(5);
    for (const id of declared) expect(text, id).toContain(`\`${id}\``);
  });

  it("gives every commented context attribute its comment as its meaning", () => {
    const docs = (readComments as (f: unknown) => { attrs: Record<string, string> })((readFragments as () => unknown)());
    const commented = Object.entries(docs.attrs).filter(([, v]) => v.length > 0);
    expect(commented.length).toBeGreaterThan(10);
    for (const [key, meaning] of commented) {
      const attr = key.split(".")[1] as string;
      expect(text, key).toContain(`| \`${attr}\` |`);
      expect(text, key).toContain(meaning.replace(/\|/g, "\\|"));
    }
  });
});
