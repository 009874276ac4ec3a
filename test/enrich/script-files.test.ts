import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { diskScriptReader } from "../../src/enrich/script-files.js";
import { tempDir } from "../support/temp.js";

describe("diskScriptReader", () => {
  let dir = "";
  beforeEach(() => {
    dir = tempDir("infragate-scripts-");
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("reads text files; a missing path or a directory is missing; binaries and huge files are not parsed", () => {
    fs.writeFileSync(path.join(dir, "a.sh"), "echo hi\n");
    fs.writeFileSync(path.join(dir, "bin"), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]));
    fs.writeFileSync(path.join(dir, "big.sh"), `terraform destroy\n${"#".repeat(300 * 1024)}`);
    fs.mkdirSync(path.join(dir, "d"));
    expect(diskScriptReader.read(path.join(dir, "a.sh"))).toMatchObject({ ok: true, text: "echo hi\n" });
    expect(diskScriptReader.read(path.join(dir, "nope"))).toMatchObject({ ok: false, reason: "missing" });
    expect(diskScriptReader.read(path.join(dir, "d"))).toMatchObject({ ok: false, reason: "missing" });
    expect(diskScriptReader.read(path.join(dir, "bin"))).toMatchObject({ ok: false, reason: "binary" });
    const big = diskScriptReader.read(path.join(dir, "big.sh"));
    expect(big).toMatchObject({ ok: false, reason: "too-large" });
    expect(big.text.startsWith("terraform destroy")).toBe(true);
    expect(big.text.length).toBeLessThanOrEqual(64 * 1024);
    expect(diskScriptReader.exists(path.join(dir, "a.sh"))).toBe(true);
    expect(diskScriptReader.exists(path.join(dir, "d"))).toBe(false);
    expect(diskScriptReader.subdirs(dir)).toEqual(["d"]);
  });

  it("parses once per file version: cached by path, size and mtime", () => {
    const f = path.join(dir, "package.json");
    fs.writeFileSync(f, "{}");
    let parses = 0;
    const parse = (t: string): number => {
      parses++;
      return t.length;
    };
    const read = () => {
      const r = diskScriptReader.read(f);
      if (!r.ok) throw new Error("unreadable");
      return diskScriptReader.parsed(r, "test", parse);
    };
    expect(read()).toBe(2);
    expect(read()).toBe(2);
    expect(parses).toBe(1);
    fs.writeFileSync(f, "{ }");
    expect(read()).toBe(3);
    fs.writeFileSync(f, "[ ]");
    fs.utimesSync(f, new Date(), new Date(Date.now() + 5000));
    expect(read()).toBe(3);
    expect(parses).toBe(3);
  });
});
