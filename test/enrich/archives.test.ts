/** listArchiveMembers over real archives, trees, globs and diffs made in a temporary directory. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { expandGlob, walkTree } from "../../src/enrich/archive-tree.js";
import { compileSegmentGlob } from "../../src/util/segment-glob.js";
import { listZip } from "../../src/enrich/archive-zip.js";
import { listArchiveMembers, normalizeMember } from "../../src/enrich/archives.js";
import type { FileEffect } from "../../src/shell/types.js";
import { tempDir } from "../support/temp.js";

let dir = "";

function write(rel: string, content = ""): string {
  const abs = path.join(dir, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, content);
  return abs;
}

/** A minimal zip writer (stored entries, no compression): enough for the central-directory reader. */
function writeZip(file: string, names: readonly string[]): void {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const n = Buffer.from(name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n);
    centrals.push(central, n);
    offset += local.length + n.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(names.length, 8);
  eocd.writeUInt16LE(names.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  fs.writeFileSync(file, Buffer.concat([...locals, cd, eocd]));
}

function extraction(via: string, archive: string, dest = dir, members?: string[]): FileEffect {
  return { op: "write", path: dest, via, archive, membersKnown: false, text: "", ...(members ? { members } : {}) };
}

async function one(e: FileEffect): Promise<FileEffect> {
  const [out] = await listArchiveMembers([e]);
  if (!out) throw new Error("no effect");
  return out;
}

function hasZip(): boolean {
  try {
    execFileSync("zip", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

beforeAll(() => {
  dir = tempDir("infragate-archives-");
  write("src/terraform.tfstate", "{}");
  write("src/.terraform/environment", "prod");
  write("src/main.tf", "");
  execFileSync("tar", ["-czf", path.join(dir, "old.tgz"), "-C", path.join(dir, "src"), "."]);
  execFileSync("tar", ["-cf", path.join(dir, "plain.tar"), "-C", path.join(dir, "src"), "main.tf", "terraform.tfstate"]);
});

describe("tar", () => {
  it("lists a gzipped tar with ./ members: known, normalised", async () => {
    const e = await one(extraction("tar x", path.join(dir, "old.tgz")));
    expect(e.membersKnown).toBe(true);
    expect(e.members).toEqual(expect.arrayContaining(["terraform.tfstate", ".terraform/environment", "main.tf", ".terraform"]));
    expect(e.members).not.toContain("");
  });
  it("keeps only the explicit members asked for", async () => {
    const e = await one(extraction("tar x", path.join(dir, "plain.tar"), dir, ["main.tf"]));
    expect(e).toMatchObject({ membersKnown: true, members: ["main.tf"] });
  });
  it("a missing archive stays unknown; explicit members are kept", async () => {
    expect((await one(extraction("tar x", path.join(dir, "missing.tgz")))).membersKnown).toBe(false);
    const e = await one(extraction("tar x", path.join(dir, "missing.tgz"), dir, ["terraform.tfstate"]));
    expect(e).toMatchObject({ membersKnown: false, members: ["terraform.tfstate"] });
  });
  it("a file that is not an archive stays unknown", async () => {
    expect((await one(extraction("tar x", write("notatar.tgz", "hello")))).membersKnown).toBe(false);
  });
  it("stdin and a directory given as archive stay unknown", async () => {
    expect((await one(extraction("tar x", "(stdin)"))).membersKnown).toBe(false);
    expect((await one(extraction("tar x", path.join(dir, "src")))).membersKnown).toBe(false);
  });
});

describe("zip", () => {
  it("reads the central directory of a zip written here", async () => {
    const file = path.join(dir, "hand.zip");
    writeZip(file, ["infra/terraform.tfstate", "infra/main.tf", "ünï.txt"]);
    expect(await listZip(file, 100)).toEqual({ names: ["infra/terraform.tfstate", "infra/main.tf", "ünï.txt"], capped: false });
    expect(await listZip(file, 2)).toEqual({ names: ["infra/terraform.tfstate", "infra/main.tf"], capped: true });
    const e = await one(extraction("unzip", file));
    expect(e).toMatchObject({ membersKnown: true, members: ["infra/terraform.tfstate", "infra/main.tf", "ünï.txt"] });
  });
  it.runIf(hasZip())("reads a zip made by zip(1), with the .zip suffix left off", async () => {
    execFileSync("zip", ["-q", "-r", path.join(dir, "made.zip"), "."], { cwd: path.join(dir, "src") });
    const e = await one(extraction("unzip", path.join(dir, "made")));
    expect(e.membersKnown).toBe(true);
    expect(e.members).toEqual(expect.arrayContaining(["terraform.tfstate", ".terraform/environment", "main.tf"]));
  });
  it("selects members by glob", async () => {
    const file = path.join(dir, "glob.zip");
    writeZip(file, ["a/main.tf", "a/terraform.tfstate", "b.tf"]);
    expect((await one(extraction("unzip", file, dir, ["*.tf"]))).members).toEqual(["a/main.tf", "b.tf"]);
  });
  it("garbage and truncated zips stay unknown", async () => {
    expect((await one(extraction("unzip", write("bad.zip", "PK not really")))).membersKnown).toBe(false);
    const full = fs.readFileSync(path.join(dir, "hand.zip"));
    fs.writeFileSync(path.join(dir, "cut.zip"), full.subarray(0, full.length - 30));
    expect((await one(extraction("unzip", path.join(dir, "cut.zip")))).membersKnown).toBe(false);
  });
});

describe("7z", () => {
  it("without 7z installed (or a missing archive) the members stay unknown", async () => {
    expect((await one(extraction("7z x", path.join(dir, "missing.7z")))).membersKnown).toBe(false);
  });
});

describe("trees, globs and diffs", () => {
  it("a directory copied or deleted: its tree, relative", async () => {
    const e = await one({ op: "delete", path: path.join(dir, "src"), via: "rm -r", archive: path.join(dir, "src"), membersKnown: false, text: "" });
    expect(e.membersKnown).toBe(true);
    expect(e.members).toEqual(expect.arrayContaining(["terraform.tfstate", ".terraform", ".terraform/environment", "main.tf"]));
  });
  it("a single file moved: known, no members", async () => {
    const f = write("single.txt");
    expect(await one({ op: "delete", path: f, via: "mv", archive: f, membersKnown: false, text: "" })).toMatchObject({ membersKnown: true, members: [] });
  });
  it("a missing tree source has no members (nothing there to copy or delete); a missing archive stays unknown", async () => {
    const f = path.join(dir, "nope");
    expect(await one({ op: "write", path: dir, via: "cp -r", archive: f, membersKnown: false, text: "" })).toMatchObject({ membersKnown: true, members: [] });
    expect(await one({ op: "delete", path: f, via: "rm -r", archive: f, membersKnown: false, text: "" })).toMatchObject({ membersKnown: true, members: [] });
    expect((await one({ op: "write", path: dir, via: "tar x", archive: f, membersKnown: false, text: "" })).membersKnown).toBe(false);
  });
  it("node_modules is not walked", () => {
    write("node_modules/pkg/.husky/pre-commit");
    expect(walkTree(path.join(dir, "node_modules"), 100)).toEqual({ names: [], capped: false });
    expect(walkTree(dir, 1000).names).not.toContain("node_modules/pkg");
  });
  it("caps the walk and says so", () => {
    for (let i = 0; i < 5; i++) write(`many/f${i}`);
    expect(walkTree(path.join(dir, "many"), 3)).toMatchObject({ capped: true });
    expect(walkTree(path.join(dir, "many"), 3).names).toHaveLength(3);
  });
  it("a glob: matching entries as absolute paths, dotfiles only for a dot pattern", async () => {
    const e = await one({ op: "delete", path: path.join(dir, "src", "*"), via: "rm", archive: path.join(dir, "src", "*"), membersKnown: false, text: "" });
    expect(e.membersKnown).toBe(true);
    expect(e.members).toEqual(expect.arrayContaining([path.join(dir, "src", "terraform.tfstate"), path.join(dir, "src", "main.tf")]));
    expect(e.members).not.toContain(path.join(dir, "src", ".terraform"));
    const rec = expandGlob(path.join(dir, "src", ".terra*"), true, 100);
    expect(rec.names).toEqual(expect.arrayContaining([path.join(dir, "src", ".terraform", "environment")]));
  });
  it("glob syntax", () => {
    expect(compileSegmentGlob("*.tfstate")("terraform.tfstate")).toBe(true);
    expect(compileSegmentGlob("*")(".env")).toBe(false);
    expect(compileSegmentGlob(".*")(".env")).toBe(true);
    expect(compileSegmentGlob("[ab].tf")("a.tf")).toBe(true);
    expect(compileSegmentGlob("[!ab].tf")("a.tf")).toBe(false);
    expect(compileSegmentGlob("state-?.json")("state-1.json")).toBe(true);
  });
  it("git clean does not count .git itself", async () => {
    write(".git/hooks/pre-commit");
    const e = await one({ op: "delete", path: dir, via: "git clean -x", archive: dir, membersKnown: false, text: "" });
    expect(e.members?.some((m) => m.startsWith(".git"))).toBe(false);
  });
  it("a diff: the files it changes", async () => {
    const diff = write("fix.diff", "diff --git a/x.tf b/x.tf\n--- a/x.tf\n+++ b/x.tf\n@@\n--- a/terraform.tfstate\n+++ /dev/null\nrename to .env\n+++ b/new.tf\t2024-01-01\n");
    const e = await one({ op: "write", path: dir, via: "patch", archive: diff, membersKnown: false, text: "" });
    expect(e.membersKnown).toBe(true);
    expect(e.members).toEqual(expect.arrayContaining(["x.tf", "terraform.tfstate", ".env", "new.tf"]));
  });
});

describe("contract", () => {
  it("effects without an archive, or already known, pass through unchanged", async () => {
    const plain: FileEffect = { op: "write", path: "/x", via: "cp", text: "" };
    const known: FileEffect = { ...extraction("tar x", "/nope.tar"), membersKnown: true, members: ["a"] };
    expect(await listArchiveMembers([plain, known])).toEqual([plain, known]);
  });
  it("normalises member names", () => {
    expect(normalizeMember("./a/b/")).toBe("a/b");
    expect(normalizeMember("/abs/x")).toBe("abs/x");
    expect(normalizeMember("./")).toBe("");
    expect(normalizeMember("././x")).toBe("x");
  });
});
