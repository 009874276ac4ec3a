/** listSearchRoots: the files a recursive search reads, after the tool's filters, on a real temporary tree. */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { PathContext } from "../../src/clis/path-classes.js";
import { listSearchRoots } from "../../src/enrich/search-roots.js";
import type { FileEffect, SearchFilter } from "../../src/shell/types.js";
import { tempDir } from "../support/temp.js";

const TMP = tempDir("infragate-search-");
const HOME = path.join(TMP, "home");
const WS = path.join(HOME, "proj");

function put(rel: string, content = "x"): void {
  const abs = path.join(TMP, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, content);
}
put("home/.aws/credentials", "[default]");
put("home/.ssh/id_ed25519", "key");
put("home/notes.txt");
put("home/proj/.git/HEAD", "ref");
put("home/proj/.gitignore", "terraform.tfstate\ndist/\n");
put("home/proj/.env", "A=1");
put("home/proj/src/a.ts");
put("home/proj/src/b.js");
put("home/proj/terraform.tfstate", "{}");
put("home/proj/dist/out.js");
put("home/proj/infra/prod.tfvars", "x=1");
put("home/proj/infra/.gitignore", "*.tfvars\n");
put("home/proj/node_modules/p/index.js");

afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

const paths: PathContext = { root: WS, home: HOME, infragateHome: path.join(TMP, "ig") };
const ALL: SearchFilter = { hidden: true, gitignore: false, include: [], exclude: [], excludeDir: [], globs: [] };
const RG: SearchFilter = { ...ALL, hidden: false, gitignore: true };

function members(root: string, search: SearchFilter): string[] {
  const effect: FileEffect = { op: "read", path: root, via: "test", text: "", search };
  const [out] = listSearchRoots([effect], paths);
  return [...(out?.members ?? [])].sort();
}

describe("listSearchRoots", () => {
  it("grep -r reads every file, hidden ones included, node_modules left out", () => {
    expect(members(WS, ALL)).toEqual([".env", ".git/HEAD", ".gitignore", "dist/out.js", "infra/.gitignore", "infra/prod.tfvars", "src/a.ts", "src/b.js", "terraform.tfstate"]);
  });
  it("grep -r ~ reaches the credential folders", () => {
    const m = members(HOME, ALL);
    expect(m).toContain(".aws/credentials");
    expect(m).toContain(".ssh/id_ed25519");
    expect(m).toContain("proj/.env");
  });
  it("rg skips hidden files and what .gitignore files (nested ones too) ignore", () => {
    expect(members(WS, RG)).toEqual(["src/a.ts", "src/b.js"]);
  });
  it("rg ~ does not enter ~/.aws (hidden)", () => {
    expect(members(HOME, RG)).toEqual(["notes.txt", "proj/src/a.ts", "proj/src/b.js"]);
  });
  it("grep --include keeps only matching names", () => {
    expect(members(WS, { ...ALL, include: ["*.ts"] })).toEqual(["src/a.ts"]);
  });
  it("grep --exclude and --exclude-dir leave names and folders out", () => {
    expect(members(WS, { ...ALL, exclude: [".env", "*.tfstate", "*.tfvars"], excludeDir: [".git", "dist"] })).toEqual([".gitignore", "infra/.gitignore", "src/a.ts", "src/b.js"]);
  });
  it("rg -g: a whitelist keeps only what matches; '!x' leaves x out; a matching whitelist overrides .gitignore", () => {
    expect(members(WS, { ...RG, globs: ["*.ts"] })).toEqual(["src/a.ts"]);
    expect(members(WS, { ...RG, globs: ["!*.js"] })).toEqual(["src/a.ts"]);
    expect(members(WS, { ...RG, globs: ["*.tfstate"] })).toEqual(["terraform.tfstate"]);
  });
  it("a root that is a file stays a plain read", () => {
    const [out] = listSearchRoots([{ op: "read", path: path.join(WS, ".env"), via: "t", text: "", search: ALL }], paths);
    expect(out?.members).toBeUndefined();
    expect(out?.search).toBeUndefined();
  });
  it("a root that does not exist stays a plain read", () => {
    const [out] = listSearchRoots([{ op: "read", path: path.join(WS, "nope"), via: "t", text: "", search: ALL }], paths);
    expect(out?.membersKnown).toBeUndefined();
  });
  it("effects without a search are untouched", () => {
    const e: FileEffect = { op: "read", path: WS, via: "cat", text: "" };
    expect(listSearchRoots([e], paths)[0]).toBe(e);
  });
});
