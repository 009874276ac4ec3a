/** interpretTerraform: one row per argv (iac-semantics 3.1-3.4), evasions included. */
import { describe, expect, it } from "vitest";
import { interpretTerraform } from "../../src/clis/terraform/index.js";
import { splitShellWords } from "../../src/clis/terraform/tf-cli-args.js";
import { CWD, expectFacts, expectSchemaValid, simple, type CmdOpts, type Expect } from "./terraform-support.js";
import { factsOf } from "../support/facts.js";

type Row = readonly [argv: string, env: Record<string, string>, expected: Expect, opts?: CmdOpts];
const t = (argv: string, env: Record<string, string>, expected: Expect, opts?: CmdOpts): Row => [argv, env, expected, opts];
const inline = (...names: string[]): CmdOpts => ({ inline: names });

const ROWS: readonly Row[] = [
  // plan and friends
  t("terraform plan", {}, { action: "terraform.plan", dir: CWD, operation: "plan", destroy: false, autoApprove: false }),
  t("terraform plan -destroy", {}, { action: "terraform.plan", destroy: true }),
  t("terraform plan -destroy=false", {}, { action: "terraform.plan", destroy: false, noFlags: ["destroy"] }),
  t("terraform plan -out=tf.plan", {}, { action: "terraform.plan", planOut: `${CWD}/tf.plan`, flags: ["out"] }),
  t("terraform plan -out tf.plan -destroy", {}, { planOut: `${CWD}/tf.plan`, destroy: true }),
  t("terraform plan -var foo=bar -target=aws_db.x -refresh=false", {}, { targets: ["aws_db.x"], flags: ["var", "target", "refresh-false"] }),
  t("terraform plan -lock=false", {}, { action: "terraform.plan", flags: ["lock-false"] }),
  // apply
  t("terraform apply", {}, { action: "terraform.apply", autoApprove: false, planGiven: false }),
  t("terraform apply -auto-approve", {}, { action: "terraform.apply", autoApprove: true, flags: ["auto-approve"] }),
  t("terraform apply --auto-approve", {}, { autoApprove: true }),
  t("terraform apply -auto-approve=true", {}, { autoApprove: true }),
  t("terraform apply -auto-approve=1", {}, { autoApprove: true }),
  t("terraform apply -auto-approve=false", {}, { autoApprove: false, noFlags: ["auto-approve"] }),
  t("terraform apply -auto-approve=F", {}, { autoApprove: false }),
  t("terraform apply -destroy", {}, { action: "terraform.destroy", destroy: true, operation: "apply" }),
  t("terraform apply -destroy=false -auto-approve", {}, { action: "terraform.apply", destroy: false }),
  t("terraform apply -destroy -destroy=false", {}, { action: "terraform.apply" }),
  t("terraform apply -destroy=false -destroy", {}, { action: "terraform.destroy" }),
  t("terraform apply --destroy=TRUE", {}, { action: "terraform.destroy" }),
  t("terraform apply -replace=aws_db.main -auto-approve", {}, { flags: ["replace"], autoApprove: true }),
  t("terraform apply -replace aws_db.main", {}, { flags: ["replace"], args: [], planGiven: false }),
  t("terraform apply -refresh-only", {}, { action: "terraform.apply", flags: ["refresh-only"] }),
  t("terraform apply -target=aws_s3_bucket.b", {}, { targets: ["aws_s3_bucket.b"] }),
  t("terraform apply -lock=false", {}, { flags: ["lock-false"] }),
  t("terraform apply -state=old.tfstate", {}, { flags: ["state"] }),
  t("terraform apply -var x=1 -auto-approve", {}, { autoApprove: true, flags: ["var"] }),
  t("terraform apply tf.plan", {}, { planFile: `${CWD}/tf.plan`, planGiven: true, planDestroyHint: false, autoApprove: false }),
  t("terraform apply destroy.tfplan", {}, { planFile: `${CWD}/destroy.tfplan`, planDestroyHint: true }),
  t("terraform apply -- x", {}, { action: "terraform.apply", planFile: `${CWD}/x`, planGiven: true, args: ["x"] }),
  t("terraform apply -- -destroy", {}, { action: "terraform.apply", planGiven: true, noFlags: ["destroy"] }),
  t("terraform apply tf.plan -auto-approve", {}, { flags: ["auto-approve"] }), // terraform fails; counted anyway
  t("terraform apply", {}, { autoApprove: true, stdinPiped: true }, { stdin: "pipe" }),
  t("terraform apply", {}, { autoApprove: true }, { stdin: "here-string" }),
  t("terraform apply tf.plan", {}, { autoApprove: false, stdinPiped: true }, { stdin: "pipe" }),
  // destroy
  t("terraform destroy", {}, { action: "terraform.destroy", destroy: true, autoApprove: false, operation: "destroy" }),
  t("terraform destroy -auto-approve", {}, { action: "terraform.destroy", autoApprove: true }),
  t("terraform destroy", {}, { action: "terraform.destroy", autoApprove: true }, { stdin: "pipe" }),
  t("terraform destroy -target=aws_instance.a", {}, { action: "terraform.destroy", targets: ["aws_instance.a"] }),
  t("tofu destroy -target-file=t.txt", {}, { targets: ["file:t.txt"] }),
  t("tofu destroy -exclude=aws_db.x", {}, { action: "terraform.destroy", targets: [], flags: ["exclude"] }),
  // -chdir
  t("terraform -chdir=prod destroy", {}, { action: "terraform.destroy", dir: `${CWD}/prod` }),
  t("terraform -chdir=/abs/prod plan", {}, { action: "terraform.plan", dir: "/abs/prod" }),
  t("terraform -chdir=../prod apply", {}, { dir: "/w/prod" }),
  t("tofu -chdir prod destroy", {}, { action: "terraform.destroy", dir: `${CWD}/prod` }, { program: "tofu" }),
  t("tofu --chdir=prod destroy", {}, { action: "terraform.destroy", dir: `${CWD}/prod` }),
  t("terraform -chdir prod destroy", {}, { action: "terraform.destroy", dir: `${CWD}/prod` }), // terraform refuses; read like tofu
  t("terraform plan -chdir=prod", {}, { dir: CWD, flags: ["chdir"] }), // after the subcommand it is not global
  // TF_CLI_ARGS, inline and inherited
  t("terraform apply -auto-approve", { TF_CLI_ARGS: "-destroy" }, { action: "terraform.destroy", injected: ["destroy"], envNames: ["TF_CLI_ARGS"] }, inline("TF_CLI_ARGS")),
  t("terraform apply -auto-approve", { TF_CLI_ARGS: "-destroy" }, { action: "terraform.destroy", injected: ["destroy"] }),
  t("terraform apply", { TF_CLI_ARGS_apply: "-destroy -auto-approve" }, { action: "terraform.destroy", autoApprove: true, injected: ["destroy", "auto-approve"], envNames: ["TF_CLI_ARGS_apply"] }),
  t("terraform destroy", { TF_CLI_ARGS: "-auto-approve" }, { action: "terraform.destroy", autoApprove: true, injected: ["auto-approve"] }),
  t("terraform destroy", { TF_CLI_ARGS_destroy: "-auto-approve" }, { autoApprove: true, injected: ["auto-approve"] }, inline("TF_CLI_ARGS_destroy")),
  t("terraform plan", { TF_CLI_ARGS_apply: "-destroy" }, { action: "terraform.plan", destroy: false }),
  t("terraform apply", { TF_CLI_ARGS_plan: "-destroy" }, { action: "terraform.apply" }),
  t("terraform state rm aws_db.x", { TF_CLI_ARGS_state_rm: "-lock=false" }, { action: "terraform.state.rm", flags: ["lock-false"], injected: ["lock-false"], args: ["aws_db.x"] }),
  t("terraform state rm -dry-run aws_db.x", { TF_CLI_ARGS_state_rm: "-dry-run=false" }, { flags: ["dry-run"] }), // user flags come last and win
  t("terraform apply -destroy=false", { TF_CLI_ARGS: "-destroy" }, { action: "terraform.apply" }),
  t("terraform apply", { TF_CLI_ARGS: "-destroy", TF_CLI_ARGS_apply: "-destroy=false" }, { action: "terraform.destroy" }), // general after specific
  t("terraform force-unlock 123", { TF_CLI_ARGS_force_unlock: "-force" }, { action: "terraform.force-unlock", flags: ["force"] }),
  t("terraform workspace delete prod", { TF_CLI_ARGS_workspace_delete: "-force" }, { action: "terraform.workspace.delete", flags: ["force"] }),
  t("terraform", { TF_CLI_ARGS: "destroy -auto-approve" }, { action: "terraform.destroy", autoApprove: true }), // no subcommand: prepended
  t("terraform apply", { TF_CLI_ARGS: "-var 'x=a b' -auto-approve" }, { autoApprove: true, flags: ["var"] }),
  t("terraform apply", { TF_CLI_ARGS: "-help" }, { action: "terraform.help" }),
  t("terraform apply", { TF_CLI_ARGS: "" }, { action: "terraform.apply", autoApprove: false }),
  // help and version
  t("terraform destroy -help", {}, { action: "terraform.help", operation: "help destroy", destroy: false }),
  t("terraform destroy --help", {}, { action: "terraform.help" }),
  t("terraform -h destroy", {}, { action: "terraform.help" }),
  t("terraform apply -auto-approve -destroy -h", {}, { action: "terraform.help", autoApprove: false }),
  t("terraform apply -- -h", {}, { action: "terraform.apply" }),
  t("terraform -help", {}, { action: "terraform.help" }),
  t("terraform", {}, { action: "terraform.unknown", operation: "" }),
  t("terraform -version", {}, { action: "terraform.version" }),
  t("terraform destroy -auto-approve -version", {}, { action: "terraform.version" }), // main.go rewrites to `version`
  t("terraform version", {}, { action: "terraform.version" }),
  // init
  t("terraform init", {}, { action: "terraform.init" }),
  t("terraform init -upgrade", {}, { action: "terraform.init", flags: ["upgrade"] }),
  t("terraform init -backend=false", {}, { flags: ["backend-false"] }),
  t("terraform init -reconfigure", {}, { flags: ["reconfigure"] }),
  t("terraform init -migrate-state -force-copy", {}, { flags: ["migrate-state", "force-copy"] }),
  t("terraform init -backend-config=prod.hcl -backend-config key=x", {}, { flags: ["backend-config"] }),
  t("terraform init -from-module=git::x", {}, { flags: ["from-module"] }),
  t("terraform init", {}, { autoApprove: true, stdinPiped: true }, { stdin: "pipe" }),
  // state
  t("terraform state list", {}, { action: "terraform.state.list", operation: "state list" }),
  t("terraform state show aws_db.x", {}, { action: "terraform.state.show" }),
  t("terraform state pull", {}, { action: "terraform.state.pull" }),
  t("terraform state push x.tfstate", {}, { action: "terraform.state.push", args: ["x.tfstate"] }),
  t("terraform state push -force x.tfstate", {}, { action: "terraform.state.push", flags: ["force"] }),
  t("terraform state rm aws_db.x", {}, { action: "terraform.state.rm" }),
  t("terraform state rm -dry-run aws_db.x", {}, { action: "terraform.state.rm", flags: ["dry-run"] }),
  t("terraform state mv -dry-run a b", {}, { action: "terraform.state.mv", flags: ["dry-run"] }),
  t("terraform state mv -state-out=other.tfstate a b", {}, { flags: ["state-out"] }),
  t("terraform state replace-provider -auto-approve a b", {}, { action: "terraform.state.replace-provider", autoApprove: true }),
  t("terraform state", {}, { action: "terraform.help" }),
  t("terraform state posh", {}, { action: "terraform.help" }),
  // output, show, console
  t("terraform output", {}, { action: "terraform.output" }),
  t("terraform output db_password", {}, { action: "terraform.output", args: ["db_password"] }),
  t("terraform output -raw db_password", {}, { flags: ["raw"] }),
  t("terraform output -json", {}, { flags: ["json"] }),
  t("terraform show", {}, { action: "terraform.show" }),
  t("terraform show -json", {}, { action: "terraform.show", flags: ["json"] }),
  t("terraform console", {}, { action: "terraform.console" }),
  // workspace (and the hidden env alias)
  t("terraform workspace list", {}, { action: "terraform.workspace.list" }),
  t("terraform workspace show", {}, { action: "terraform.workspace.show" }),
  t("terraform workspace select prod", {}, { action: "terraform.workspace.select", args: ["prod"] }),
  t("terraform workspace select -or-create prod", {}, { action: "terraform.workspace.select", flags: ["or-create"] }),
  t("terraform workspace new prod", {}, { action: "terraform.workspace.new" }),
  t("terraform workspace delete prod", {}, { action: "terraform.workspace.delete" }),
  t("terraform workspace delete -force prod", {}, { flags: ["force"] }),
  t("terraform workspace delete prod -force", {}, { flags: ["force"] }), // after the name: terraform fails; counted
  t("terraform env select prod", {}, { action: "terraform.workspace.select", operation: "workspace select" }),
  t("terraform env delete -force prod", {}, { action: "terraform.workspace.delete", flags: ["force"] }),
  // the rest
  t("terraform import aws_db.x db-1", {}, { action: "terraform.import", args: ["aws_db.x", "db-1"] }),
  t("terraform refresh", {}, { action: "terraform.refresh" }),
  t("terraform taint aws_db.x", {}, { action: "terraform.taint" }),
  t("terraform untaint aws_db.x", {}, { action: "terraform.untaint" }),
  t("terraform force-unlock -force 123", {}, { action: "terraform.force-unlock", flags: ["force"] }),
  t("terraform force-unlock 123", {}, { autoApprove: true }, { stdin: "pipe" }),
  t("terraform test", {}, { action: "terraform.test" }),
  t("terraform login app.terraform.io", {}, { action: "terraform.login" }),
  t("terraform logout", {}, { action: "terraform.logout" }),
  t("terraform validate", {}, { action: "terraform.validate" }),
  t("terraform fmt -recursive -check", {}, { action: "terraform.fmt" }),
  t("terraform providers lock -platform=linux_amd64", {}, { action: "terraform.providers" }),
  t("terraform providers", {}, { action: "terraform.providers" }),
  t("terraform graph", {}, { action: "terraform.graph" }),
  t("terraform get -update", {}, { action: "terraform.get" }),
  t("terraform modules -json", {}, { action: "terraform.modules" }),
  t("terraform metadata functions -json", {}, { action: "terraform.metadata" }),
  t("terraform frobnicate", {}, { action: "terraform.unknown", operation: "frobnicate" }),
  // environment: state swaps and input
  t("terraform apply", { TF_WORKSPACE: "prod" }, { envNames: ["TF_WORKSPACE"], stateSwapEnv: true }, inline("TF_WORKSPACE")),
  t("terraform apply", { TF_WORKSPACE: "prod" }, { envNames: ["TF_WORKSPACE"], stateSwapEnv: false }),
  t("terraform apply", { TF_DATA_DIR: ".tf-prod" }, { envNames: ["TF_DATA_DIR"], stateSwapEnv: true }, inline("TF_DATA_DIR")),
  t("terraform apply", { TF_WORKSPACE: "" }, { stateSwapEnv: false }, inline("TF_WORKSPACE")),
  t("terraform apply", { TF_INPUT: "0" }, { envNames: ["TF_INPUT"], autoApprove: false }),
  t("terraform apply", { PG_CONN_STR: "postgres://x" }, { envNames: ["PG_CONN_STR"] }),
];

describe("interpretTerraform", () => {
  for (const [argv, env, expected, opts] of ROWS) {
    const envText = Object.keys(env).length > 0 ? `${Object.entries(env).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(" ")} ` : "";
    const how = opts?.inline ? " (inline env)" : "";
    const stdin = opts?.stdin ? ` <${opts.stdin}>` : "";
    it(`${envText}${argv}${how}${stdin}`, () => {
      const words = argv.split(" ");
      const cmd = simple(words, env, { program: words[0], ...opts });
      const { operations, files } = interpretTerraform(cmd);
      expect(files).toEqual([]);
      expect(operations).toHaveLength(1);
      expectFacts(operations[0], expected);
      expectSchemaValid(operations[0]!);
    });
  }

  it("tofu is interpreted like terraform, with program tofu", () => {
    const op = interpretTerraform(simple(["tofu", "destroy"])).operations[0]!;
    expect(factsOf(op).program).toBe("tofu");
    expect(op.action).toBe("terraform.destroy");
  });

  it("splits TF_CLI_ARGS like go-shellwords, without expansion", () => {
    expect(splitShellWords(`-var 'a=b c' -target="x.y" $HOME`)).toEqual(["-var", "a=b c", "-target=x.y", "$HOME"]);
  });
});

describe("operandsOnly: what could not be resolved is only operands or the directory of a literal subcommand", () => {
  const only = (argv: string[], unresolvedArgs: number[], extra: { cwdUnresolved?: boolean } = {}): boolean | undefined =>
    interpretTerraform({ ...simple(argv), unresolved: unresolvedArgs.length > 0, unresolvedArgs, ...extra }).operandsOnly;
  it.each([
    [["terraform", "-chdir=$d", "validate"], [1]],
    [["terraform", "fmt", "{}"], [2]],
    [["terraform", "plan", "-var-file=$F"], [2]],
    [["terraform", "state", "list", "$ADDR"], [3]],
  ])("yes: %j", (argv, u) => expect(only(argv, u)).toBe(true));
  it.each([
    [["terraform", "$OP"], [1]],
    [["terraform", "$G", "validate"], [1]],
    [["terraform", "state", "{}"], [2]],
    [["terraform", "-chdir", "$d", "validate"], [2]],
    [["$TF", "validate"], [0]],
  ])("no: %j", (argv, u) => expect(only(argv, u)).toBe(false));
  it("a guessed cwd alone counts as the directory", () => expect(only(["terraform", "validate"], [], { cwdUnresolved: true })).toBe(true));
  it("a fully resolved command is not vouched for (nothing to vouch)", () => expect(only(["terraform", "validate"], [])).toBe(false));
});
