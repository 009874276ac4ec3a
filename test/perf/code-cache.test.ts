/** The hook's bundle must load with its V8 code cache accepted: a rejected cache (made under other V8 flags,
 *  or stale) silently costs tens of milliseconds on every agent tool call. Speed itself is measured by
 *  `npm run bench`, not here. */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, ROOT } from "../e2e/support/build.js";

describe("hooks/load-hook.cjs", () => {
  beforeAll(async () => {
    await ensureBuilt();
  }, 300_000);

  it("loads dist/hook.cjs with the code cache accepted", () => {
    const probe = `const { loadHook } = require(${JSON.stringify(path.join(ROOT, "hooks", "load-hook.cjs"))});
const h = loadHook(${JSON.stringify(ROOT)});
process.stdout.write(JSON.stringify({ cacheUsed: h.cacheUsed, hasRunHook: typeof h.runHook === "function" }));`;
    const r = spawnSync(process.execPath, ["-e", probe], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ cacheUsed: true, hasRunHook: true });
  });

  it("loads dist/cli.cjs (the \`infragate\` command and the decision service) with its cache accepted", () => {
    const probe = `const { loadBundle } = require(${JSON.stringify(path.join(ROOT, "hooks", "load-hook.cjs"))});
const b = loadBundle(${JSON.stringify(ROOT)}, "cli");
process.stdout.write(JSON.stringify({ cacheUsed: b.cacheUsed, hasMain: typeof b.exports.main === "function" }));`;
    const r = spawnSync(process.execPath, ["-e", probe], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ cacheUsed: true, hasMain: true });
  });
});
