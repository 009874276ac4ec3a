// Build step: bundle the hook's whole hot path into one CommonJS file, dist/hook.cjs (and the whole CLI
// into dist/cli.cjs, for `check`), so that an agent's hook loads one file (with a V8 code cache, see hooks/load-hook.cjs) instead of hundreds of ES modules.
// cedar-wasm stays external: it reads its .wasm next to itself and is loaded only when a request needs it;
// hcl2-parser (4 MB) too: it is required only to read Terraform backend blocks for a call that writes or
// deletes a bucket object (src/state/backends.ts);
// execa is bundled but imported lazily (only to list an archive, inspect a saved plan or read staged
// changes), so its module code runs only then.
// Minified: less to read, hash and deserialise on every call.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// zod re-exports every locale (`z.locales.*`, ~60 languages) from its entry; infragate only uses the English
// messages zod registers by default, so the bundle gets a locales module that holds English alone.
const englishOnlyZodLocales = {
  name: "zod-english-locales",
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}zod${path.sep}`) ? { path: path.join(root, "scripts", "zod-locales-en.mjs") } : undefined,
    );
  },
};

const bundles = { hook: "src/cli/hook.ts", cli: "src/cli/main.ts" };
for (const [name, entry] of Object.entries(bundles)) await build({
  absWorkingDir: root,
  entryPoints: [entry],
  outfile: `dist/${name}.cjs`,
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  // The statement parsers of database clients (libpg-query reads its .wasm next to itself; node-sql-parser's
  // dialect grammars are large) stay external too, imported only when a database client is on the line.
  external: ["@cedar-policy/cedar-wasm", "libpg-query", "node-sql-parser", "acorn", "hcl2-parser"],
  // jsonc-parser's "main" is a UMD build whose require("./impl/...") calls esbuild cannot follow: the bundle
  // then throws "Cannot find module './impl/format'" as it loads, and every hook falls back to the slow plain
  // modules. Bundle its ES module build instead.
  alias: { "jsonc-parser": "jsonc-parser/lib/esm/main.js" },
  minify: true,
  keepNames: false,
  legalComments: "none",
  plugins: [englishOnlyZodLocales],
  logLevel: "warning",
  // import.meta.url does not exist in CommonJS; the bundle's own file URL stands in for it.
  define: { "import.meta.url": "__infragateFileUrl" },
  banner: { js: "const __infragateFileUrl = require('node:url').pathToFileURL(__filename).href;" },
});

// The build id: a hash of what this build decides with. The thin hook client and the decision service
// (src/serve) answer each other only when theirs are equal; the service restarts when its own changes.
{
  const { createHash } = await import("node:crypto");
  const fs = await import("node:fs");
  const h = createHash("sha256");
  for (const f of ["dist/hook.cjs", "dist/cli.cjs", "dist/policy-pack.json", "package.json"]) h.update(fs.readFileSync(path.join(root, f)));
  fs.writeFileSync(path.join(root, "dist", "build-id.txt"), `${h.digest("hex").slice(0, 24)}\n`);
}

// Warm the code cache: run the bundled hook on a few typical payloads so V8 compiles the hot functions,
// then store the cache next to the bundle (hooks/load-hook.cjs writes it).
const warm = spawnSync(process.execPath, [path.join(root, "scripts", "warm-hook-cache.cjs")], { cwd: root, encoding: "utf8" });
if (warm.status !== 0) {
  console.error(`infragate: warming the hook code cache failed (the hook still works, only slower):\n${warm.stderr}`);
}
