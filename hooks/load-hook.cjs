// Load dist/hook.cjs with a V8 code cache (dist/hook.cjs.cache): Node 20 has no module compile cache,
// so the hook, which runs before every agent tool call, would otherwise parse and compile its bundle on
// every call. The cache is only an accelerator: a missing, stale or rejected cache just compiles normally.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const Module = require("node:module");

function loadHook(root) {
  // V8 rejects a code cache made under other flags. Cedar sets --liftoff-only when it loads (src/policy/
  // cedar.ts), so set it before compiling: the flag only concerns wasm, and cache and run then agree.
  require("node:v8").setFlagsFromString("--liftoff-only");
  const file = path.join(root, "dist", "hook.cjs");
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
    runHook: mod.exports.runHook,
    runHookWith: mod.exports.runHookWith,
    cacheUsed: cachedData !== undefined && !script.cachedDataRejected,
    saveCache() {
      fs.writeFileSync(`${file}.cache`, script.createCachedData());
    },
  };
}

module.exports = { loadHook };
