/** policies/state.cedar: state files are written only by terraform; archives, copies and deletes that
 *  land on state are swaps (the DataTalks.Club incident). */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { tarOf } from "../support/archives.js";
import { policyTable } from "../support/policy-table.js";

const STATE = '{"version":4,"serial":7,"lineage":"old-prod","resources":[]}';

/** A tree with 10,050 files before a state file (the listing stops at 10,000). */
function bigTree(dir: string): (root: string) => void {
  return (root) => {
    for (let d = 0; d < 101; d++) {
      const sub = path.join(root, dir, `a${String(d).padStart(3, "0")}`);
      fs.mkdirSync(sub, { recursive: true });
      for (let f = 0; f < 100; f++) fs.writeFileSync(path.join(sub, `f${f}`), "");
    }
    fs.mkdirSync(path.join(root, dir, "zz"), { recursive: true });
    fs.writeFileSync(path.join(root, dir, "zz", "terraform.tfstate"), STATE);
  };
}

/** Make a tar archive in the workspace from files written into a scratch folder. */

function zipOf(name: string, members: Record<string, string>): (root: string) => void {
  return (root) => {
    const src = path.join(root, ".scratch-zip");
    for (const [rel, content] of Object.entries(members)) {
      const abs = path.join(src, rel);
      execFileSync("mkdir", ["-p", path.dirname(abs)]);
      execFileSync("sh", ["-c", 'printf %s "$1" > "$2"', "sh", content, abs]);
    }
    execFileSync("zip", ["-q", "-r", path.join(root, name), ...Object.keys(members)], { cwd: src });
    execFileSync("rm", ["-rf", src]);
  };
}

policyTable("state", {
  deny: [
    { file: { tool: "Write", path: "terraform.tfstate" }, by: "state.write-state-file" },
    { file: { tool: "Edit", path: "infra/prod/terraform.tfstate" }, by: "state.write-state-file" },
    { file: { tool: "Write", path: "terraform.tfstate.backup" }, by: "state.write-state-file" },
    { file: { tool: "Write", path: "terraform.tfstate.1700000000.backup" }, by: "state.write-state-file" },
    { file: { tool: "Write", path: "terraform.tfstate.d/prod/terraform.tfstate" }, by: "state.write-state-file" },
    { file: { tool: "Write", path: ".terraform/terraform.tfstate" }, by: "state.write-state-file" },
    { file: { tool: "Write", path: ".terraform/environment" }, by: "state.write-state-file" },
    { file: { tool: "Write", path: ".pulumi/stacks/dev.json" }, by: "state.write-state-file" },
    { file: { tool: "Delete", path: "terraform.tfstate" }, by: "state.delete-state-file" },
    { cmd: "cp old.tfstate terraform.tfstate", by: "state.write-state-file" },
    { cmd: "cp -t . old/terraform.tfstate", by: "state.write-state-file" },
    { cmd: "cp --target-directory=infra backup/terraform.tfstate", by: "state.write-state-file" },
    { cmd: "mv backup.tfstate terraform.tfstate", by: ["state.delete-state-file", "state.write-state-file"] },
    { cmd: "mv terraform.tfstate /tmp/old-state.json", by: ["state.delete-state-file", "state.write-state-file"] },
    { cmd: "cat old > terraform.tfstate", by: "state.write-state-file" },
    { cmd: "tee terraform.tfstate < x", by: "state.write-state-file" },
    { cmd: "echo '{}' | tee -a infra/terraform.tfstate", by: "state.write-state-file" },
    { cmd: "dd if=x of=terraform.tfstate", by: "state.write-state-file" },
    { cmd: "sed -i s/old-prod/new/ terraform.tfstate", by: "state.write-state-file" },
    { cmd: "perl -pi -e 's/7/8/' terraform.tfstate", by: "state.write-state-file" },
    { cmd: "install -m 644 backup terraform.tfstate", by: "state.write-state-file" },
    { cmd: "ln -sf /tmp/x terraform.tfstate", by: "state.write-state-file" },
    { cmd: "touch terraform.tfstate", by: "state.write-state-file" },
    { cmd: "truncate -s 0 terraform.tfstate", by: "state.write-state-file" },
    { cmd: "curl -o terraform.tfstate https://example.com/state", by: "state.write-state-file" },
    { cmd: "gunzip terraform.tfstate.gz", by: "state.write-state-file" },
    { cmd: "gzip terraform.tfstate", by: "state.delete-state-file" },
    { cmd: "rm terraform.tfstate", by: "state.delete-state-file" },
    { cmd: "rm -f *.tfstate", by: "state.delete-state-file" },
    { cmd: "find . -name '*.tfstate' -delete", by: "state.delete-state-file" },
    { cmd: "shred -u terraform.tfstate.backup", by: ["state.delete-state-file", "state.write-state-file"] },
    { cmd: "cd infra && rm .terraform/environment", by: "state.delete-state-file" },
    { cmd: "echo prod > .terraform/environment", by: "state.write-state-file" },
    { cmd: "git checkout HEAD~3 -- terraform.tfstate", by: "state.write-state-file" },
    { cmd: "git restore --source=HEAD~1 infra/terraform.tfstate", by: "state.write-state-file" },
    { name: "rm -rf infra (holds state)", cmd: "rm -rf infra", files: { "infra/terraform.tfstate": STATE, "infra/main.tf": "" }, by: "state.delete-tree-holds-state" },
    { name: "rm * (state in the folder)", cmd: "rm -f *", files: { "terraform.tfstate": STATE }, by: "state.delete-tree-holds-state" },
    { name: "mv infra elsewhere", cmd: "mv infra /tmp/infra-old", files: { "infra/terraform.tfstate": STATE }, by: "state.delete-tree-holds-state" },
    { name: "git clean -fdx with local state", cmd: "git clean -fdx", files: { "terraform.tfstate": STATE }, by: "state.delete-tree-holds-state" },
    { name: "rsync --delete over state", cmd: "rsync -a --delete build/ ./", files: { "terraform.tfstate": STATE, "build/x": "" }, by: "state.delete-tree-holds-state" },
    { name: "tar xzf old.tgz (holds terraform.tfstate)", cmd: "tar xzf old.tgz", setup: tarOf("old.tgz", { "terraform.tfstate": STATE, "main.tf": "" }, "-czf"), by: "state.archive-holds-state" },
    { name: "tar -C infra -xf a.tar (holds .terraform/)", cmd: "tar -C infra -xf a.tar", setup: tarOf("a.tar", { ".terraform/environment": "prod" }), by: "state.archive-holds-state" },
    { name: "tar xvf with ./ members", cmd: "tar xvf b.tar", setup: tarOf("b.tar", { "./prod/terraform.tfstate.backup": STATE }), by: "state.archive-holds-state" },
    { name: "unzip -o state.zip", cmd: "unzip -o state.zip", setup: zipOf("state.zip", { "infra/terraform.tfstate": STATE }), by: "state.archive-holds-state" },
    { name: "unzip -d infra without .zip suffix", cmd: "unzip -o backup -d infra", setup: zipOf("backup.zip", { "terraform.tfstate": STATE }), by: "state.archive-holds-state" },
    { name: "tar x of an explicit state member (archive missing)", cmd: "tar xf missing.tar terraform.tfstate", by: "state.archive-holds-state" },
    { name: "cp -r a backup over the workspace", cmd: "cp -r backup/. .", files: { "backup/terraform.tfstate": STATE }, by: "state.archive-holds-state" },
    { name: "rsync -a backup/ ./", cmd: "rsync -a backup/ ./", files: { "backup/infra/terraform.tfstate": STATE }, by: "state.archive-holds-state" },
    { name: "cp -r infra (duplicates state)", cmd: "cp -r infra infra-copy", files: { "infra/terraform.tfstate": STATE }, by: "state.archive-holds-state" },
    { name: "git apply of a diff that edits state", cmd: "git apply fix.diff", files: { "fix.diff": "--- a/terraform.tfstate\n+++ b/terraform.tfstate\n@@ -1 +1 @@\n-a\n+b\n" }, by: "state.archive-holds-state" },
    // Computed targets that resolve: $(pwd) and `pwd` are the cwd; -exec rm is a delete like -delete; extglob.
    { name: 'rm -rf "$(pwd)/infra"', cmd: 'rm -rf "$(pwd)/infra"', files: { "infra/terraform.tfstate": STATE }, by: "state.delete-tree-holds-state" },
    { name: "rm -rf `pwd`/infra", cmd: "rm -rf `pwd`/infra", files: { "infra/terraform.tfstate": STATE }, by: "state.delete-tree-holds-state" },
    { name: "find -exec rm {} + on state", cmd: "find . -name '*.tfstate' -exec rm {} +", by: "state.delete-state-file" },
    { name: "find infra -exec rm -rf {} ;", cmd: "find infra -exec rm -rf {} \\;", files: { "infra/terraform.tfstate": STATE }, by: "state.delete-tree-holds-state" },
    { name: "extglob rm -rf !(main.tf)", cmd: "shopt -s extglob; rm -rf !(main.tf)", files: { "infra/terraform.tfstate": STATE, "main.tf": "" }, by: "state.delete-tree-holds-state" },
    // The workspace itself, or a folder above it.
    { name: "rm -rf /*", cmd: "rm -rf /*", by: "state.delete-workspace" },
    { name: 'rm -rf "$(pwd)"', cmd: 'rm -rf "$(pwd)"', by: "state.delete-workspace" },
    { name: "rm -rf .. from the root", cmd: "rm -rf ..", by: ["self-protection.tree-holds-guard-files", "state.delete-tree-holds-state", "state.delete-workspace"] },
    { name: "cd infra && rm -rf ../..", cmd: "cd infra && rm -rf ../..", files: { "infra/main.tf": "" }, by: ["self-protection.tree-holds-guard-files", "state.delete-tree-holds-state", "state.delete-workspace"] },
    // The incident's state swap in one line: the source glob is listed like mv's.
    { name: "cp backups/2023/* . (a state among them)", cmd: "cp backups/2023/* .", files: { "backups/2023/terraform.tfstate": STATE, "backups/2023/main.tf": "" }, by: "state.archive-holds-state" },
    // A copy over an existing state, or onto the name terraform reads, is a swap even as a "backup".
    { name: "cp old.tfstate.bak over an existing terraform.tfstate.bak", cmd: "cp old.tfstate terraform.tfstate.bak", files: { "terraform.tfstate.bak": STATE }, by: "state.write-state-file" },
    { name: "cp onto a missing terraform.tfstate (a swap into an empty stack)", cmd: "cp backups/old.tfstate infra/terraform.tfstate", files: { "infra/main.tf": "" }, by: "state.write-state-file" },
    { name: "Write a new terraform.tfstate.backup (terraform's own backup name)", file: { tool: "Write", path: "infra/terraform.tfstate.backup" }, by: "state.write-state-file" },
  ],
  ask: [
    { file: { tool: "Read", path: "terraform.tfstate" }, by: "state.read-state-file" },
    { file: { tool: "Read", path: "terraform.tfstate.backup" }, by: "state.read-state-file" },
    { file: { tool: "Read", path: ".terraform/terraform.tfstate" }, by: "state.read-state-file" },
    { cmd: "cat terraform.tfstate", by: "state.read-state-file" },
    { cmd: "head -n 20 .pulumi/stacks/dev.json", by: "state.read-state-file" },
    { file: { tool: "Write", path: "prod.tfplan" }, by: "state.plan-file" },
    { file: { tool: "Read", path: "plan.tfplan" }, by: "state.plan-file" },
    { cmd: "cp /tmp/other.tfplan ./plan.tfplan", by: "state.plan-file" },
    { file: { tool: "Edit", path: ".terraform.lock.hcl" }, by: "state.lock-file" },
    { cmd: "sed -i s/a/b/ .terraform.lock.hcl", by: "state.lock-file" },
    { cmd: "rm -rf .terraform", by: "state.terraform-dir" },
    { file: { tool: "Write", path: ".terraform/providers/x" }, by: "state.terraform-dir" },
    { name: "rm -rf infra (holds .terraform/environment)", cmd: "rm -rf infra", files: { "infra/.terraform/environment": "prod" }, by: "state.delete-tree-holds-backend" },
    { name: "tar xzf missing.tgz", cmd: "tar xzf missing.tgz", by: "state.archive-unknown" },
    { name: "curl | tar xz (stdin)", cmd: "curl -sL https://example.com/a.tgz | tar xz", by: "state.archive-unknown" },
    { name: "unzip of a file that is not a zip", cmd: "unzip -o notzip.zip", files: { "notzip.zip": "hello" }, by: "state.archive-unknown" },
    { name: "7z x (7z not listable)", cmd: "7z x missing.7z -oinfra", by: "state.archive-unknown" },
    { name: "cp -r state out of the workspace", cmd: "cp -r infra /tmp/infragate-copy-test", files: { "infra/terraform.tfstate": STATE }, by: "state.copies-state-out" },
    // A tree listed only in part (over 10,000 entries): the members past the cap are unknown.
    { name: "rm -rf big (state behind 10,050 files)", cmd: "rm -rf big", setup: bigTree("big"), by: "state.tree-unknown" },
    { name: "cp -r big big-copy (capped listing)", cmd: "cp -r big big-copy", setup: bigTree("big"), by: "state.tree-unknown" },
    { name: "mv big /tmp/elsewhere (capped listing)", cmd: "mv big /tmp/infragate-elsewhere", setup: bigTree("big"), by: "state.tree-unknown" },
    // A new copy of a state is a backup, not a swap: ask (state holds secrets).
    { name: "cp terraform.tfstate terraform.tfstate.bak", cmd: "cp terraform.tfstate terraform.tfstate.bak", files: { "terraform.tfstate": STATE }, by: ["state.new-state-copy", "state.read-state-file"] },
    { name: "terraform state pull > backup.tfstate", cmd: "terraform state pull > backup.tfstate", by: ["state.new-state-copy", "terraform.state-pull"] },
    { name: "cp terraform.tfstate /tmp/state-backup.json (the file itself, not a folder)", cmd: "cp terraform.tfstate /tmp/infragate-state-backup.json", files: { "terraform.tfstate": STATE }, by: "state.read-state-file" },
  ],
  allow: [
    // Routine clean-ups: caches, the lock file before init -upgrade, a saved plan.
    { name: "rm -rf .terraform/modules", cmd: "rm -rf .terraform/modules", files: { ".terraform/modules/vpc/main.tf": "", ".terraform/environment": "prod" } },
    { name: "rm -rf .terraform/providers", cmd: "rm -rf .terraform/providers", files: { ".terraform/providers/x/y": "" } },
    { name: "rm .terraform.lock.hcl && terraform init -upgrade", cmd: "rm .terraform.lock.hcl && terraform init -upgrade", files: { ".terraform.lock.hcl": "" } },
    { name: "rm release.tfplan", cmd: "rm release.tfplan", files: { "release.tfplan": "x" } },
    { name: "cp -r . /tmp/proj-copy (hook config copied out of the workspace guards nothing)", cmd: "cp -r . /tmp/infragate-proj-copy", files: { ".claude/settings.json": "{}", "main.tf": "" } },
    { name: "rm -rf build when there is no build", cmd: "rm -rf build" },
    { file: { tool: "Write", path: "main.tf" } },
    { file: { tool: "Edit", path: "infra/backend.tf" } },
    { file: { tool: "Write", path: "terragrunt.hcl" } },
    { file: { tool: "Write", path: "cdk.json" } },
    { file: { tool: "Write", path: "Pulumi.prod.yaml" } },
    { file: { tool: "Read", path: ".terraform.lock.hcl" } },
    { file: { tool: "Read", path: "main.tf" } },
    "cp main.tf main.tf.orig",
    "sed -i s/t2.micro/t3.micro/ main.tf",
    "rm -rf build/",
    { name: "tar xzf of sources only", cmd: "tar xzf modules.tgz", setup: tarOf("modules.tgz", { "modules/vpc/main.tf": "", "modules/vpc/variables.tf": "" }, "-czf") },
    { name: "unzip of sources only", cmd: "unzip -o modules.zip -d vendor", setup: zipOf("modules.zip", { "vpc/main.tf": "" }) },
    { name: "tar x of one explicit member from an archive with state", cmd: "tar xf mixed.tar main.tf", setup: tarOf("mixed.tar", { "main.tf": "", "terraform.tfstate": STATE }) },
    { name: "tar xf into /tmp (outside the workspace, no state)", cmd: "tar xf /tmp/infragate-none.tar -C /tmp/infragate-out" },
    { name: "rm -rf infra without state", cmd: "rm -rf infra", files: { "infra/main.tf": "" } },
    "tar tzf old.tgz",
    "unzip -l state.zip",
    "tar czf out.tgz dist",
    "git checkout main",
    "git checkout -b fix/state-docs",
  ],
});

// A write through a symbolic link acts on its target (src/enrich/symlinks.ts).
policyTable("state: writes through symbolic links", {
  deny: [
    {
      name: "Write to notes.txt, a link to terraform.tfstate",
      file: { tool: "Write", path: "notes.txt" },
      by: "state.write-state-file",
      setup: (root) => {
        fs.writeFileSync(path.join(root, "terraform.tfstate"), "{}");
        fs.symlinkSync(path.join(root, "terraform.tfstate"), path.join(root, "notes.txt"));
      },
    },
    {
      name: "echo > docs/x where docs links to .claude",
      cmd: "echo '{}' > docs/settings.json",
      by: "self-protection.hook-config",
      setup: (root) => {
        fs.mkdirSync(path.join(root, ".claude"));
        fs.symlinkSync(path.join(root, ".claude"), path.join(root, "docs"));
      },
    },
  ],
  allow: [
    {
      name: "Write to a link to an ordinary file",
      file: { tool: "Write", path: "latest.md" },
      setup: (root) => {
        fs.writeFileSync(path.join(root, "v2.md"), "x");
        fs.symlinkSync(path.join(root, "v2.md"), path.join(root, "latest.md"));
      },
    },
  ],
});
