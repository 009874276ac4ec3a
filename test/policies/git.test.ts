/** policies/git.cedar and the git facts the other files decide on: clean -x, stash --all, checkout of
 *  state; everyday git stays allowed. */
import { git, gitRepo } from "../support/git-repo.js";
import { policyTable } from "../support/policy-table.js";

const STATE = '{"version":4,"serial":1,"lineage":"l","resources":[]}';

policyTable("git", {
  deny: [
    { cmd: "git checkout -- terraform.tfstate", by: "state.write-state-file" },
    { cmd: "git checkout HEAD~3 -- terraform.tfstate", by: "state.write-state-file" },
    { cmd: "git checkout HEAD~3 infra/terraform.tfstate", by: "state.write-state-file" },
    { cmd: "git checkout terraform.tfstate", by: "state.write-state-file" },
    { cmd: "git restore terraform.tfstate.backup", by: "state.write-state-file" },
    { cmd: "git -C infra restore --source main .terraform/environment", by: "state.write-state-file" },
    { cmd: "git checkout -- .claude/settings.json", by: "self-protection.hook-config" },
    { name: "git clean -fdx with state", cmd: "git clean -fdx", files: { "infra/terraform.tfstate": STATE }, by: "state.delete-tree-holds-state" },
    { name: "git stash --all with state", cmd: "git stash --all", files: { "terraform.tfstate": STATE }, by: "state.delete-tree-holds-state" },
    { cmd: "git commit -nm wip", by: "self-protection.git-no-verify" },
  ],
  ask: [
    { cmd: "git clean -fdx", by: "git.clean-ignored" },
    { cmd: "git clean -xfd build/", by: "git.clean-ignored" },
    { cmd: "git stash -a", by: "git.stash-all" },
    { cmd: "git stash push --all -m wip", by: "git.stash-all" },
    { cmd: "git checkout -- .env", by: ["secrets.project-secret-write", "state.tree-unknown"] },
    { cmd: "git restore prod.tfvars", by: ["secrets.project-secret-write", "state.tree-unknown"] },
  ],
  allow: [
    "git status",
    "git diff",
    "git diff --cached",
    "git log --oneline -20",
    "git add -A",
    "git add main.tf",
    "git commit -m 'fix terraform destroy handling'",
    "git commit -m 'rm -rf .terraform'",
    "git push",
    "git push origin HEAD",
    "git pull --rebase",
    "git fetch --all",
    "git branch -D old",
    "git switch -c feature",
    "git checkout main",
    "git checkout -b feature/x",
    { cmd: "git checkout -- src/index.ts", setup: gitRepo({ "app.txt": "b\n" }) },
    "git restore --staged terraform.tfstate",
    "git rebase main",
    { cmd: "git reset --hard HEAD~1", setup: gitRepo({ "app.txt": "b\n" }) },
    { cmd: "git stash", setup: gitRepo({ "app.txt": "b\n" }) },
    { cmd: "git stash pop", setup: gitRepo({ "app.txt": "b\n" }, (root) => git(root, "stash", "-q")) },
    { cmd: "git stash -u", setup: gitRepo({ "app.txt": "b\n" }) },
    "git clean -fd",
    "git clean -ndx",
    "git apply --check fix.diff",
    "git tag v1.0.0",
    "git show HEAD:main.tf",
  ],
});
