/** policies/self-protection.cedar: infragate is recognised by what it is (its entry points run through node,
 *  $(which), a project's node_modules), its installation is guard config (the package root the hooks run,
 *  node_modules/infragate anywhere), and other guards' off-switches are stopped (pre-commit/husky uninstall,
 *  core.fsmonitor, find -name -delete, inline code naming a hook file, case-insensitive names). */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { policyTable } from "../support/policy-table.js";
import { tempDir } from "../support/temp.js";

const HOME = tempDir("infragate-spi-home-");
const PKG = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const INSTALLED = { "node_modules/infragate/package.json": '{"name":"infragate"}', "node_modules/infragate/bin/infragate.cjs": "" };
const SETTINGS = { ".claude/settings.json": "{}" };


policyTable(
  "self-protection: infragate by what it is, its installation, other guards",
  {
    deny: [
      { cmd: `node ${PKG}/bin/infragate.cjs uninstall claude-code`, by: "self-protection.admin-verbs" },
      { cmd: `node ${PKG}/dist/cli/bin.js state accept .`, by: "self-protection.admin-verbs" },
      { cmd: "node $(which infragate) state accept .", by: "self-protection.admin-verbs" },
      { cmd: 'node "$(npm root -g)/infragate/bin/infragate.cjs" uninstall claude-code', by: "self-protection.admin-verbs" },
      { name: "node on a renamed copy inside an infragate package", cmd: "node vendor/ig/bin/x.cjs install cursor", files: { "vendor/ig/package.json": '{"name":"infragate"}', "vendor/ig/bin/x.cjs": "" }, by: "self-protection.admin-verbs" },
      { cmd: "node_modules/.bin/infragate uninstall gemini", by: "self-protection.admin-verbs" },
      { cmd: `rm -rf ${PKG}/hooks`, by: ["self-protection.guard-config", "self-protection.tree-holds-guard-files"] },
      { cmd: `echo x > ${PKG}/hooks/infragate-hook.cjs`, by: "self-protection.guard-config" },
      { cmd: `cp /tmp/x ${PKG}/dist/cli/hook.js`, by: "self-protection.guard-config" },
      { cmd: "npm uninstall -g infragate", by: "self-protection.guard-config" },
      { cmd: "npm uninstall infragate", by: "self-protection.guard-config" },
      { cmd: "npm rm infragate@0.1.0", by: "self-protection.guard-config" },
      { cmd: "pnpm remove infragate", by: "self-protection.guard-config" },
      { cmd: "yarn global remove infragate", by: "self-protection.guard-config" },
      { name: "rm -rf node_modules (holds infragate)", cmd: "rm -rf node_modules", files: INSTALLED, by: "self-protection.tree-holds-guard-files" },
      { name: "npm ci (removes node_modules/infragate)", cmd: "npm ci", files: INSTALLED, by: "self-protection.tree-holds-guard-files" },
      { name: "rm -rf of a folder whose node_modules holds infragate", cmd: "rm -rf app", files: { "app/node_modules/infragate/package.json": "{}" }, by: "self-protection.tree-holds-guard-files" },
      { cmd: "pre-commit uninstall", by: "self-protection.hook-config" },
      { cmd: "pre-commit uninstall -t pre-push", by: "self-protection.hook-config" },
      { cmd: "husky uninstall", by: "self-protection.hook-config" },
      { cmd: "npx husky uninstall", by: "self-protection.hook-config" },
      { cmd: "lefthook uninstall", by: "self-protection.hook-config" },
      { cmd: "yq -i '.repos = []' .pre-commit-config.yaml", by: "self-protection.hook-config" },
      { cmd: "find . -name '*.tfstate' -delete", by: "state.delete-state-file" },
      { cmd: "git config core.fsmonitor /tmp/x.sh", by: "self-protection.git-hooks-path" },
      { name: "find -name settings.json -delete", cmd: "find . -name settings.json -delete", files: SETTINGS, by: "self-protection.tree-holds-guard-files" },
      { cmd: `python3 -c "import os; os.remove('.claude/settings.json')"`, by: "self-protection.hook-config" },
      { name: "python shutil.rmtree('.claude')", cmd: `python3 -c "import shutil; shutil.rmtree('.claude')"`, files: SETTINGS, by: "self-protection.tree-holds-guard-files" },
      { name: "node rmSync('.claude')", cmd: `node -e "require('fs').rmSync('.claude', {recursive: true})"`, files: SETTINGS, by: "self-protection.tree-holds-guard-files" },
      { name: 'rm -rf "$(pwd)/.claude"', cmd: 'rm -rf "$(pwd)/.claude"', files: SETTINGS, by: "self-protection.tree-holds-guard-files" },
      { name: ".Claude/settings.json on a case-insensitive file system", cmd: "rm .Claude/settings.json", env: { HOME, INFRAGATE_CASE_INSENSITIVE: "1" }, by: "self-protection.hook-config" },
      { name: ".INFRAGATE/config.json on a case-insensitive file system", cmd: "echo {} > .INFRAGATE/config.json", env: { HOME, INFRAGATE_CASE_INSENSITIVE: "1" }, by: "self-protection.guard-config" },
    ],
    ask: [{ cmd: "git clean -fdX", by: "git.clean-ignored" }],
    allow: [
      `node ${PKG}/bin/infragate.cjs check -- terraform plan`,
      `node ${PKG}/bin/infragate.cjs doctor`,
      "npx infragate explain -- terraform plan",
      `cat ${PKG}/hooks/infragate-hook.mjs`,
      `echo x > ${PKG}/src/notes.txt`,
      "node build/server.js",
      "node scripts/gen.mjs --out dist/x.js",
      "npm install",
      "npm ci",
      "npm test",
      "npm uninstall lodash",
      "rm -rf node_modules/.cache",
      "rm -rf node_modules/lodash",
      "pre-commit run --all-files",
      "git config user.name agent",
      "find . -name '*.pyc' -delete",
      'python3 -c "print(1 + 1)"',
      "rm .Claude/settings.json",
    ],
  },
  { env: { HOME } },
);
