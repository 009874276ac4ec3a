/** The core commands of the properties: destructive ones (never allow) and benign ones that only mention
 *  the same words as data (never deny). */
import { line, simple, type Core } from "./compose.js";

export const DESTRUCTIVE: readonly Core[] = [
  { name: "terraform destroy", node: simple("terraform", ["destroy"]) },
  { name: "terraform destroy -auto-approve", node: simple("terraform", ["destroy", "-auto-approve"]) },
  { name: "tofu destroy", node: simple("tofu", ["destroy"]) },
  { name: "terraform state push", node: simple("terraform", ["state", "push", "x.tfstate"]) },
  { name: "TF_CLI_ARGS=-destroy apply", node: simple("terraform", ["apply", "-auto-approve"], { assigns: ["TF_CLI_ARGS=-destroy"] }) },
  { name: "TF_CLI_ARGS_apply apply -destroy", node: simple("terraform", ["apply", "-destroy"], { assigns: ["TF_CLI_ARGS_apply=-auto-approve"] }) },
  { name: "cdk destroy --force", node: simple("cdk", ["destroy", "--force"]) },
  { name: "aws s3 rm --recursive", node: simple("aws", ["s3", "rm", "s3://b", "--recursive"]) },
  { name: "cp onto terraform.tfstate", node: simple("cp", ["old.tfstate", "terraform.tfstate"]) },
  { name: "cat > terraform.tfstate", node: simple("cat", ["x"], { redirs: ["> terraform.tfstate"] }) },
  { name: "echo >> .env", node: simple("echo", ["X=1"], { redirs: [">> .env"] }), cwdSensitive: true },
  { name: "echo > .claude/settings.json", node: simple("echo", ["'{}'"], { redirs: ["> .claude/settings.json"] }), cwdSensitive: true },
  { name: "echo yes | terraform destroy", node: line("echo yes | terraform destroy") },
  { name: "terraform plan && terraform destroy", node: line("terraform plan && terraform destroy -auto-approve") },
];

const NOTES = "terraform destroy -auto-approve\naws s3 rm s3://b --recursive\ncdk destroy --force\ncp old.tfstate terraform.tfstate";

export const BENIGN: readonly Core[] = [
  { name: "echo", node: simple("echo", [`"terraform destroy"`]) },
  { name: "echo TF_CLI_ARGS", node: simple("echo", [`'TF_CLI_ARGS=-destroy terraform apply -auto-approve'`]) },
  { name: "printf", node: simple("printf", [`'%s\\n'`, `'aws s3 rm s3://b --recursive'`]) },
  { name: "grep -r", node: simple("grep", ["-r", `"terraform destroy"`, "."]) },
  { name: "grep tfstate", node: simple("grep", ["-rn", `'cp old.tfstate terraform.tfstate'`, "docs"]) },
  { name: "git commit -m", node: simple("git", ["commit", "-m", `"terraform destroy is denied"`]) },
  { name: "git log --grep", node: simple("git", ["log", `--grep='cdk destroy --force'`]) },
  { name: "heredoc to notes.md", node: simple("cat", [], { redirs: ["> notes.md", "<<'NOTES'"], heredoc: { delim: "NOTES", body: NOTES } }) },
  { name: "echo >> notes.md", node: simple("echo", [`'terraform state push x.tfstate'`], { redirs: [">> notes.md"] }) },
  { name: "comment", node: line("# terraform destroy -auto-approve\ntrue") },
  { name: "terraform plan", node: simple("terraform", ["plan"]) },
  { name: "terraform plan -destroy", node: simple("terraform", ["plan", "-destroy"]) },
  { name: "cdk diff", node: simple("cdk", ["diff"]) },
  { name: "aws s3 ls", node: simple("aws", ["s3", "ls", "s3://b"]) },
];
