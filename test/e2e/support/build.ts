/** Make sure dist/ (the real CLI entry and the prebuilt policy pack) is at least as new as the sources. */
import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";

export const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
export const BIN = path.join(ROOT, "dist", "cli", "bin.js");

function newest(dir: string, exts: readonly string[]): number {
  let t = 0;
  if (!fs.existsSync(dir)) return t;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p, exts));
    else if (exts.some((x) => e.name.endsWith(x))) t = Math.max(t, fs.statSync(p).mtimeMs);
  }
  return t;
}

const BUNDLER = path.join(ROOT, "scripts", "bundle.mjs");

/** What the hook runs: the modules, the policy pack and (when the build makes one) the bundled hot path. */
function outputs(): string[] {
  const out = [BIN, path.join(ROOT, "dist", "cli", "hook.js"), path.join(ROOT, "dist", "policy-pack.json")];
  if (fs.existsSync(BUNDLER)) out.push(path.join(ROOT, "dist", "hook.cjs"));
  return out;
}

function isStale(): boolean {
  const files = outputs();
  if (!files.every((f) => fs.existsSync(f))) return true;
  const built = Math.min(...files.map((f) => fs.statSync(f).mtimeMs));
  const src = Math.max(newest(path.join(ROOT, "src"), [".ts"]), newest(path.join(ROOT, "policies"), [".cedar"]), newest(path.join(ROOT, "schemas", "cedar"), [".cedarschema"]));
  return src > built;
}

/** Build when stale, one process at a time (test files run in parallel). Type errors elsewhere do not stop
 *  tsc from emitting; the policy pack must compile. */
export async function ensureBuilt(): Promise<void> {
  if (!isStale()) return;
  const lock = path.join(ROOT, "dist", ".e2e-build.lock");
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed run is stale after 5 minutes.
      if (fs.existsSync(lock) && Date.now() - fs.statSync(lock).mtimeMs > 300_000) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      await new Promise((r) => setTimeout(r, 250));
      if (!isStale()) return;
    }
  }
  try {
    if (!isStale()) return;
    await execa("node", [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"], { cwd: ROOT, reject: false });
    await execa("node", ["scripts/build-policies.mjs"], { cwd: ROOT });
    if (fs.existsSync(BUNDLER)) await execa("node", [BUNDLER], { cwd: ROOT });
    const now = new Date();
    for (const f of outputs()) if (fs.existsSync(f)) fs.utimesSync(f, now, now);
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
