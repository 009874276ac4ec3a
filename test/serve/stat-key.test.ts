// The service's per-request change checks: a file's stat key, the rules signature built from them, and the build watcher. A
// workspace whose .infragate is a file (or an unreadable folder) must give a signature, not an exception (an
// exception would deny every call in that workspace).
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildWatcher } from "../../src/serve/build-id.js";
import { statKey } from "../../src/serve/stat-key.js";
import { rulesSignature } from "../../src/serve/warm-runtime.js";
import { tempDir } from "../support/temp.js";

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function dir(): string {
  const d = tempDir("infragate-statkey-");
  made.push(d);
  return d;
}

describe("statKey", () => {
  it("is '-' for a missing file and for a path under a file (ENOTDIR)", () => {
    const d = dir();
    fs.writeFileSync(path.join(d, "plain"), "x");
    expect(statKey(path.join(d, "missing"))).toBe("-");
    expect(statKey(path.join(d, "plain", "config.json"))).toBe("-");
  });

  it("changes when the file is replaced by rename, and not when it is left alone", () => {
    const d = dir();
    const f = path.join(d, "config.json");
    fs.writeFileSync(f, "{}");
    const first = statKey(f);
    expect(statKey(f)).toBe(first);
    fs.writeFileSync(`${f}.tmp`, "{}");
    fs.renameSync(`${f}.tmp`, f);
    expect(statKey(f)).not.toBe(first);
  });
});

describe("rulesSignature", () => {
  it("gives a signature when .infragate is a file, and a different one once it is a folder with a policy", () => {
    const root = dir();
    fs.writeFileSync(path.join(root, ".infragate"), "not a folder");
    const asFile = rulesSignature(root, root);
    fs.rmSync(path.join(root, ".infragate"));
    fs.mkdirSync(path.join(root, ".infragate", "policies"), { recursive: true });
    fs.writeFileSync(path.join(root, ".infragate", "policies", "team.cedar"), "");
    expect(rulesSignature(root, root)).not.toBe(asFile);
  });
});

describe("buildWatcher", () => {
  it("sees a new build for requests that arrive after it, not for one answered by a check that began later", () => {
    const root = dir();
    fs.mkdirSync(path.join(root, "dist"));
    fs.writeFileSync(path.join(root, "dist", "build-id.txt"), "aaaa\n");
    const changed = buildWatcher(root, "aaaa");
    const early = performance.now();
    expect(changed(performance.now())).toBe(false);
    fs.writeFileSync(path.join(root, "dist", "build-id.txt"), "bbbb-longer\n");
    // Arrived before the check above began: that check (no change) stands for it.
    expect(changed(early)).toBe(false);
    expect(changed(performance.now())).toBe(true);
    expect(changed()).toBe(true);
  });

  it("is no change when a rebuild writes the same id", () => {
    const root = dir();
    fs.mkdirSync(path.join(root, "dist"));
    fs.writeFileSync(path.join(root, "dist", "build-id.txt"), "aaaa\n");
    const changed = buildWatcher(root, "aaaa");
    fs.rmSync(path.join(root, "dist", "build-id.txt"));
    fs.writeFileSync(path.join(root, "dist", "build-id.txt"), "aaaa\n");
    expect(changed(performance.now())).toBe(false);
  });
});
