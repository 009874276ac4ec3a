/**
 * Compiles src/audit to plain JS in a temp dir so real child processes (hooks are separate
 * processes) can load it: Node 20 cannot run the TypeScript sources directly.
 */
import { execFile } from "node:child_process";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { tempDirAsync } from "../support/temp.js";

export const REPO = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const FIXTURES = join(REPO, "test", "audit", "fixtures");

/** Returns the directory holding the compiled audit modules (index.js, append.js, lock.js, ...). */
export async function compileAudit(): Promise<{ root: string; moduleDir: string }> {
  const root = await tempDirAsync("infragate-audit-build-");
  const out = join(root, "out");
  await mkdir(out, { recursive: true });
  await writeFile(
    join(root, "tsconfig.json"),
    JSON.stringify({
      extends: join(REPO, "tsconfig.json"),
      // src/audit imports src/util (the layer below it): both are compiled, under out/audit and out/util.
      compilerOptions: { rootDir: join(REPO, "src"), outDir: out, noEmit: false, declaration: false },
      include: [join(REPO, "src", "audit", "**", "*.ts"), join(REPO, "src", "util", "**", "*.ts")],
    }),
  );
  // ESM output, and bare imports (zod) resolved from the repository's node_modules.
  await writeFile(join(root, "package.json"), JSON.stringify({ type: "module" }));
  await symlink(join(REPO, "node_modules"), join(root, "node_modules"), "dir");
  await promisify(execFile)(process.execPath, [join(REPO, "node_modules", "typescript", "bin", "tsc"), "-p", join(root, "tsconfig.json")], {
    cwd: REPO,
  });
  return { root, moduleDir: join(out, "audit") };
}
