/** src/clis/installers/: package managers removing infragate and git hook managers removing their hooks, as
 *  file effects (the path classes and self-protection.cedar decide them). */
import { describe, expect, it } from "vitest";
import { interpretHookManager, interpretPackageManager } from "../../src/clis/installers/index.js";
import { cmd as command } from "../support/interpreter-table.js";

const cmd = (argv: string[], env: Record<string, string> = {}) => command(argv, { env, lineEnv: [], cwd: "/w" });

const effects = (r: { files: readonly { op: string; path: string; archive?: string | undefined }[] }): string[] =>
  r.files.map((f) => `${f.op} ${f.path}${f.archive ? " (tree)" : ""}`);

describe("interpretPackageManager", () => {
  it.each([
    [["npm", "uninstall", "infragate"], ["delete /w/node_modules/infragate"]],
    [["npm", "rm", "infragate@0.1.0", "lodash"], ["delete /w/node_modules/infragate", "delete /w/node_modules/lodash"]],
    [["npm", "uninstall", "-g", "infragate"], ["delete /usr/local/lib/node_modules/infragate"]],
    [["npm", "uninstall", "--prefix", "app", "infragate"], ["delete /w/app/node_modules/infragate"]],
    [["npm", "un", "@scope/x@^1"], ["delete /w/node_modules/@scope/x"]],
    [["pnpm", "remove", "infragate"], ["delete /w/node_modules/infragate"]],
    [["yarn", "remove", "infragate"], ["delete /w/node_modules/infragate"]],
    [["yarn", "global", "remove", "infragate"], ["delete /usr/local/lib/node_modules/infragate"]],
    [["npm", "ci"], ["delete /w/node_modules (tree)"]],
    [["npm", "install"], []],
    [["npm", "install", "lodash"], []],
    [["npm", "test"], []],
    [["pnpm", "add", "-D", "infragate"], []],
  ])("%j -> %j", (argv, expected) => {
    expect(effects(interpretPackageManager(cmd(argv)))).toEqual(expected);
  });

  it("a global removal uses npm's configured prefix", () => {
    expect(effects(interpretPackageManager(cmd(["npm", "uninstall", "-g", "infragate"], { npm_config_prefix: "/home/u/.npm-global" })))).toEqual([
      "delete /home/u/.npm-global/lib/node_modules/infragate",
    ]);
  });
});

describe("interpretHookManager", () => {
  it.each([
    [["pre-commit", "uninstall"], ["delete /w/.git/hooks/pre-commit"]],
    [["pre-commit", "uninstall", "-t", "pre-push", "--hook-type", "commit-msg"], ["delete /w/.git/hooks/pre-push", "delete /w/.git/hooks/commit-msg"]],
    [["pre-commit", "install"], ["write /w/.git/hooks/pre-commit"]],
    [["husky", "uninstall"], ["delete /w/.husky/_ (tree)", "write /w/.git/config"]],
    [["lefthook", "uninstall"], ["delete /w/.git/hooks/pre-commit"]],
    [["pre-commit", "run", "--all-files"], []],
    [["lefthook", "run", "pre-commit"], []],
    [["husky"], []],
  ])("%j -> %j", (argv, expected) => {
    expect(effects(interpretHookManager(cmd(argv)))).toEqual(expected);
  });
});
