// Load the bundles dist/hook.cjs and dist/cli.cjs with a V8 code cache (dist/<name>.cjs.cache): Node 20 has no module compile cache,
// so the hook, which runs before every agent tool call, would otherwise parse and compile its bundle on
// every call. The cache is only an accelerator: a missing, stale or rejected cache just compiles normally.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const Module = require("node:module");

/** Load dist/<name>.cjs (hook or cli) with its code cache; returns its exports. */
function loadBundle(root, name) {
  // V8 rejects a code cache made under other flags. Cedar sets --liftoff-only when it loads (src/policy/
  // cedar.ts), so set it before compiling: the flag only concerns wasm, and cache and run then agree.
  require("node:v8").setFlagsFromString("--liftoff-only");
  const file = path.join(root, "dist", `${name}.cjs`);
  const source = fs.readFileSync(file, "utf8");
  let cachedData;
  try {
    cachedData = fs.readFileSync(`${file}.cache`);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  return {
    exports: mod.exports,
    cacheUsed: cachedData !== undefined && !script.cachedDataRejected,
    saveCache() {
      fs.writeFileSync(`${file}.cache`, script.createCachedData());
    },
  };
}

/** The hook bundle: runHook (the verb) and runHookWith (without ending the process). */
function loadHook(root) {
  const b = loadBundle(root, "hook");
  return { runHook: b.exports.runHook, runHookWith: b.exports.runHookWith, cacheUsed: b.cacheUsed, saveCache: b.saveCache };
}

module.exports = { loadBundle, loadHook };
