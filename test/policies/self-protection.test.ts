/** policies/self-protection.cedar: the agent cannot switch its guard off (config, policies, hooks,
 *  git hooks skipped or repointed). */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { tarOf } from "../support/archives.js";
import { policyTable } from "../support/policy-table.js";

const HOME = fs.mkdtempSync(path.join(os.tmpdir(), "infragate-sp-home-"));

policyTable(
  "self-protection",
  {
    deny: [
      { file: { tool: "Write", path: ".claude/settings.json" }, by: "self-protection.hook-config" },
      { file: { tool: "Edit", path: ".claude/settings.local.json" }, by: "self-protection.hook-config" },
      { file: { tool: "Write", path: ".claude/hooks/pre.sh" }, by: "self-protection.hook-config" },
      { file: { tool: "Write", path: ".cursor/hooks.json" }, by: "self-protection.hook-config" },
      { file: { tool: "Write", path: ".cursor/rules/infragate.mdc" }, by: "self-protection.hook-config" },
      { file: { tool: "Write", path: ".gemini/settings.json" }, by: "self-protection.hook-config" },
      { file: { tool: "Write", path: ".codex/hooks.json" }, by: "self-protection.hook-config" },
      { file: { tool: "Edit", path: ".codex/config.toml" }, by: "self-protection.hook-config" },
      { file: { tool: "Write", path: ".git/hooks/pre-commit" }, by: "self-protection.hook-config" },
      { file: { tool: "Write", path: ".git/config" }, by: "self-protection.hook-config" },
      { file: { tool: "Write", path: ".husky/pre-commit" }, by: "self-protection.hook-config" },
      { file: { tool: "Write", path: ".github/hooks/hooks.json" }, by: "self-protection.hook-config" },
      { file: { tool: "Write", path: ".pre-commit-config.yaml" }, by: "self-protection.hook-config" },
      { file: { tool: "Write", path: "lefthook.yml" }, by: "self-protection.hook-config" },
      { file: { tool: "Delete", path: ".claude/settings.json" }, by: "self-protection.hook-config" },
      { file: { tool: "Write", path: ".infragate/config.json" }, by: "self-protection.guard-config" },
      { file: { tool: "Write", path: ".infragate/policies/allow.cedar" }, by: "self-protection.guard-config" },
      { cmd: "echo '{}' > .claude/settings.json", by: "self-protection.hook-config" },
      { cmd: "sed -i /PreToolUse/d .claude/settings.json", by: "self-protection.hook-config" },
      { cmd: "cp /tmp/empty.json .claude/settings.local.json", by: "self-protection.hook-config" },
      { cmd: "rm -f .git/hooks/pre-commit", by: "self-protection.hook-config" },
      { cmd: "chmod -x .git/hooks/pre-commit", by: "self-protection.hook-config" },
      { cmd: "mv .husky/pre-commit /tmp/x", by: "self-protection.hook-config" },
      { cmd: "tee .infragate/config.json < /tmp/cfg", by: "self-protection.guard-config" },
      { cmd: "ln -sf /dev/null .git/hooks/pre-commit", by: "self-protection.hook-config" },
      { cmd: "echo '[core]' >> ~/.gitconfig", by: "self-protection.hook-config" },
      { name: "rm -rf .claude (holds settings)", cmd: "rm -rf .claude", files: { ".claude/settings.json": "{}" }, by: "self-protection.tree-holds-guard-files" },
      { name: "rm -rf .infragate", cmd: "rm -rf .infragate", by: "self-protection.guard-config" },
      { name: "tar x that drops .claude/settings.json", cmd: "tar xf tools.tar", setup: tarOf("tools.tar", { ".claude/settings.json": "{}", "README": "" }), by: "self-protection.tree-holds-guard-files" },
      { name: "cp -r over .git/hooks", cmd: "cp -r template/. .", files: { "template/.git/hooks/pre-commit": "exit 0" }, by: "self-protection.tree-holds-guard-files" },
      { name: "cp -r of hook config into $HOME (user-level hooks)", cmd: "cp -r template/. /home/agent-x/", env: { HOME: "/home/agent-x" }, files: { "template/.claude/settings.json": "{}" }, by: "self-protection.tree-holds-guard-files" },
      { cmd: "git commit --no-verify -m wip", by: "self-protection.git-no-verify" },
      { cmd: "git commit -n -m wip", by: "self-protection.git-no-verify" },
      { cmd: "git commit -nm wip", by: "self-protection.git-no-verify" },
      { cmd: "git commit -anm wip", by: "self-protection.git-no-verify" },
      { cmd: "git commit -a -n", by: "self-protection.git-no-verify" },
      { cmd: "git commit -m wip --no-verify", by: "self-protection.git-no-verify" },
      { cmd: "git -C sub commit --amend --no-edit --no-verify", by: "self-protection.git-no-verify" },
      { cmd: "git push --no-verify origin main", by: "self-protection.git-no-verify" },
      { cmd: "git merge --no-verify feature", by: "self-protection.git-no-verify" },
      { cmd: "HUSKY=0 git commit -m wip", by: "self-protection.git-hooks-env" },
      { cmd: "export HUSKY=0; git commit -m wip", by: "self-protection.git-hooks-env" },
      { cmd: "SKIP=infragate git commit -m wip", by: "self-protection.git-hooks-env" },
      { cmd: "LEFTHOOK=0 git push", by: "self-protection.git-hooks-env" },
      { cmd: "env GIT_CONFIG_GLOBAL=/tmp/gc git commit -m x", by: "self-protection.git-hooks-env" },
      { cmd: "git config core.hooksPath /dev/null", by: "self-protection.git-hooks-path" },
      { cmd: "git config --global core.hooksPath ~/.nohooks", by: "self-protection.git-hooks-path" },
      { cmd: "git config --unset core.hooksPath", by: "self-protection.git-hooks-path" },
      { cmd: "git config set core.hookspath .nohooks", by: "self-protection.git-hooks-path" },
      { cmd: "git config --local include.path ../evil.gitconfig", by: "self-protection.git-hooks-path" },
      { cmd: "git config includeIf.gitdir:~/.path /tmp/x", by: "self-protection.git-hooks-path" },
      { cmd: "git -c core.hooksPath=/dev/null commit -m wip", by: "self-protection.git-hooks-path" },
      { cmd: "git -c core.hooksPath=/dev/null push", by: "self-protection.git-hooks-path" },
      { cmd: "git --config-env=core.hooksPath=EMPTY commit -m x", by: "self-protection.git-hooks-path" },
      { cmd: "git config --remove-section core", by: "self-protection.git-hooks-path" },
    ],
    ask: [
      // A commit cannot be told apart from an ask by the agent: these are the "also" cases of other files.
      { cmd: "git clean -fdX", by: "git.clean-ignored" },
    ],
    allow: [
      { file: { tool: "Write", path: ".claude/commands/deploy.md" } },
      { file: { tool: "Read", path: ".claude/settings.json" } },
      { file: { tool: "Write", path: "node_modules/pkg/.husky/pre-commit" } },
      { file: { tool: "Write", path: "docs/hooks.md" } },
      "cat .claude/settings.json",
      "git config core.hooksPath",
      "git config --get core.hooksPath",
      "git config user.email agent@example.com",
      "git config --global pull.rebase true",
      "git commit -m 'skip --no-verify in docs'",
      "git commit -m 'fix -n flag parsing'",
      "git commit -am 'terraform destroy handling'",
      "git push -n origin main",
      "git push --force-with-lease",
      "git -c color.ui=never log",
      "HUSKY=1 git commit -m x",
      "git merge -n feature",
      "rm -rf node_modules/.cache",
    ],
  },
  { env: { HOME } },
);

// Shell startup files: their exports and aliases reach every later command.
policyTable(
  "self-protection: shell startup files",
  {
    ask: [
      { cmd: `echo 'export TF_CLI_ARGS=-auto-approve' >> ${HOME}/.bashrc`, by: "self-protection.shell-startup" },
      { file: { tool: "Write", path: `${HOME}/.zshrc` }, by: "self-protection.shell-startup" },
      { cmd: "echo 'alias terraform=true' > /etc/profile.d/tf.sh", by: "self-protection.shell-startup" },
    ],
    allow: [{ cmd: `cat ${HOME}/.bashrc` }, { file: { tool: "Write", path: "scripts/profile.sh" } }],
  },
  { env: { HOME } },
);
