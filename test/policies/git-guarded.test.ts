/** git over guarded files (policies/git.cedar additions, and the state / self-protection policies that
 *  decide git rm / mv and whole-tree rewrites): real repositories in the case workspaces. */
import fs from "node:fs";
import path from "node:path";
import { git, gitRepo as repo, STATE_V1 as STATE } from "../support/git-repo.js";
import { policyTable } from "../support/policy-table.js";

const STATE2 = '{"version":4,"serial":2,"lineage":"l","resources":[]}';

const DIFF_STATE = "--- a/terraform.tfstate\n+++ b/terraform.tfstate\n@@ -1 +1 @@\n-a\n+b\n";

policyTable("git over guarded files", {
  deny: [
    { cmd: "git rm terraform.tfstate", files: { "terraform.tfstate": STATE }, by: "state.delete-state-file" },
    { cmd: "git rm -f infra/terraform.tfstate", by: "state.delete-state-file" },
    { cmd: "git rm -r infra", files: { "infra/terraform.tfstate": STATE }, by: "state.delete-tree-holds-state" },
    { cmd: "git mv terraform.tfstate old.tfstate", by: ["state.delete-state-file", "state.write-state-file"] },
    { cmd: "git mv .infragate/config.json /tmp/x.json", by: "self-protection.guard-config" },
    { cmd: "git rm .claude/settings.json", by: "self-protection.hook-config" },
    { name: "git reset --hard over a changed tracked state file", cmd: "git reset --hard", setup: repo({ "terraform.tfstate": STATE2 }), by: "state.archive-holds-state" },
    { name: "git checkout . over a changed tracked state file", cmd: "git checkout .", setup: repo({ "terraform.tfstate": STATE2 }), by: "state.archive-holds-state" },
    { name: "git checkout -- . over a changed tracked state file", cmd: "git checkout -- .", setup: repo({ "terraform.tfstate": STATE2 }), by: "state.archive-holds-state" },
    { name: "git restore . over a changed tracked state file", cmd: "git restore .", setup: repo({ "terraform.tfstate": STATE2 }), by: "state.archive-holds-state" },
    { name: "git stash over a changed tracked state file", cmd: "git stash", setup: repo({ "terraform.tfstate": STATE2 }), by: "state.archive-holds-state" },
    { name: "git reset --hard over changed hook config", cmd: "git reset --hard", setup: repo({ ".claude/settings.json": '{"hooks":{"PreToolUse":[1]}}' }), by: "self-protection.tree-holds-guard-files" },
    {
      name: "git reset --hard to a commit with other hook config",
      cmd: "git reset --hard HEAD~1",
      setup: repo({}, (root) => {
        fs.writeFileSync(path.join(root, ".claude", "settings.json"), '{"hooks":{"PreToolUse":[2]}}');
        git(root, "commit", "-qam", "hooks");
      }),
      by: "self-protection.tree-holds-guard-files",
    },
    { cmd: "git apply < fix.diff", files: { "fix.diff": DIFF_STATE }, by: "state.archive-holds-state" },
    { cmd: "patch -p1 < fix.diff", files: { "fix.diff": DIFF_STATE }, by: "state.archive-holds-state" },
    { cmd: "cat fix.diff | git apply", files: { "fix.diff": DIFF_STATE }, by: "state.archive-holds-state" },
    { cmd: `git apply <<'EOF'\n${DIFF_STATE}EOF`, by: "state.archive-holds-state" },
  ],
  ask: [
    { cmd: "git push --force origin main", by: "git.force-push-default-branch" },
    { cmd: "git push -f origin HEAD:master", by: "git.force-push-default-branch" },
    { cmd: "git push origin +main", by: "git.force-push-default-branch" },
    { cmd: "git push --force-with-lease origin main", by: "git.force-push-default-branch" },
    { cmd: "git push --mirror backup", by: "git.force-push-default-branch" },
    { name: "git push -f on the current branch main", cmd: "git push -f", setup: repo({}), by: "git.force-push-default-branch" },
    { cmd: "git filter-repo --path secrets.txt --invert-paths", by: "git.history-rewrite" },
    { cmd: "git filter-branch --tree-filter 'rm -f x' HEAD", by: "git.history-rewrite" },
    { name: "git reset --hard where git cannot list (no repository)", cmd: "git reset --hard", by: "state.tree-unknown" },
  ],
  allow: [
    "git rm --cached terraform.tfstate",
    "git rm -n terraform.tfstate",
    "git rm src/old.ts",
    "git mv src/a.ts src/b.ts",
    { name: "git reset --hard with only app changes", cmd: "git reset --hard", setup: repo({ "app.txt": "b\n" }) },
    { name: "git checkout . with only app changes", cmd: "git checkout .", setup: repo({ "app.txt": "b\n" }) },
    { name: "git restore . with only app changes", cmd: "git restore .", setup: repo({ "app.txt": "b\n" }) },
    { name: "git stash with only app changes", cmd: "git stash", setup: repo({ "app.txt": "b\n" }) },
    { name: "git stash pop with only app changes", cmd: "git stash pop", setup: repo({ "app.txt": "b\n" }, (root) => git(root, "stash", "-q")) },
    { name: "git push -f on a feature branch", cmd: "git push -f", setup: repo({}, (root) => git(root, "checkout", "-qb", "feature/x")) },
    "git push --force origin feature/login",
    "git push origin main",
    "git push --force --dry-run origin main",
    { cmd: "git apply fix.diff", files: { "fix.diff": "--- a/app.txt\n+++ b/app.txt\n@@ -1 +1 @@\n-a\n+b\n" } },
    { name: "git apply < fix.diff of app.txt", cmd: "git apply < fix.diff", files: { "fix.diff": "--- a/app.txt\n+++ b/app.txt\n@@ -1 +1 @@\n-a\n+b\n" } },
  ],
});
