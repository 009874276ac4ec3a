/** settleContentClasses: a name's class that the file's first bytes contradict. */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { settleContentClasses } from "../../src/enrich/content-classes.js";
import { tempDir } from "../support/temp.js";

const DIR = tempDir("infragate-content-");
afterAll(() => fs.rmSync(DIR, { recursive: true, force: true }));
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);

function unlike(name: string, content?: Buffer | string): readonly string[] | undefined {
  const abs = path.join(DIR, name);
  if (content !== undefined) fs.writeFileSync(abs, content);
  return settleContentClasses([{ op: "read", path: abs, via: "cat", text: "" }])[0]?.unlike;
}

describe("settleContentClasses", () => {
  it("a zip named .key is a Keynote document, not a key", () => expect(unlike("talk.key", ZIP)).toEqual(["secret"]));
  it("a PEM named .key stays a key", () => expect(unlike("server.key", "-----BEGIN PRIVATE KEY-----\n")).toBeUndefined());
  it("a text .plan is no Terraform plan", () => expect(unlike("migration.plan", "step 1")).toEqual(["plan"]));
  it("a zip .plan stays a plan", () => expect(unlike("out.plan", ZIP)).toBeUndefined());
  it("a .tfplan is always a plan", () => expect(unlike("x.tfplan", "text")).toBeUndefined());
  it("a file that does not exist keeps its name's classes", () => expect(unlike("new.key")).toBeUndefined());
});
