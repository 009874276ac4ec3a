/** interpretTerragrunt (iac-semantics 4) and interpretEnvExport (0(d), 2.2, 3.1): one row per argv. */
import { describe, expect, it } from "vitest";
import { interpretEnvExport, interpretTerragrunt } from "../../src/clis/terraform/index.js";
import { CWD, expectFacts, expectSchemaValid, simple, type CmdOpts, type Expect } from "./terraform-support.js";
import { factsOf } from "../support/facts.js";

type Row = readonly [argv: string, env: Record<string, string>, expected: Expect, opts?: CmdOpts];
const t = (argv: string, env: Record<string, string>, expected: Expect, opts?: CmdOpts): Row => [argv, env, expected, opts];

const ROWS: readonly Row[] = [
  // shortcuts forward to the terraform actions
  t("terragrunt plan", {}, { action: "terraform.plan", all: false, dir: CWD }),
  t("terragrunt apply", {}, { action: "terraform.apply", autoApprove: false, all: false }),
  t("terragrunt apply -auto-approve", {}, { action: "terraform.apply", autoApprove: true }),
  t("terragrunt destroy", {}, { action: "terraform.destroy", destroy: true }),
  t("terragrunt destroy -target=aws_db.x", {}, { action: "terraform.destroy", targets: ["aws_db.x"], autoApprove: false }),
  t("terragrunt init", {}, { action: "terraform.init" }),
  t("terragrunt validate", {}, { action: "terraform.validate" }),
  t("terragrunt output", {}, { action: "terraform.output" }),
  t("terragrunt show -json", {}, { action: "terraform.show", flags: ["json"] }),
  t("terragrunt state rm aws_db.x", {}, { action: "terraform.state.rm" }),
  t("terragrunt force-unlock -force 1", {}, { action: "terraform.force-unlock", flags: ["force"] }),
  t("terragrunt import a b", {}, { action: "terraform.import" }),
  t("terragrunt refresh", {}, { action: "terraform.refresh" }),
  t("terragrunt test", {}, { action: "terraform.test" }),
  t("terragrunt workspace select prod", {}, { action: "terraform.workspace.select" }),
  // run [--all|-a] [--] <tf-cmd>
  t("terragrunt run plan", {}, { action: "terraform.plan", all: false }),
  t("terragrunt run --all plan", {}, { action: "terraform.plan", all: true, flags: ["all"] }),
  t("terragrunt run -a plan", {}, { action: "terraform.plan", all: true }),
  t("terragrunt run --all apply", {}, { action: "terraform.apply", all: true, autoApprove: true }),
  t("terragrunt run --all --no-auto-approve apply", {}, { action: "terraform.apply", all: true, autoApprove: false, flags: ["no-auto-approve"] }),
  t("terragrunt run --all destroy", {}, { action: "terraform.destroy", all: true, autoApprove: true }),
  t("terragrunt run --all -- destroy", {}, { action: "terraform.destroy", all: true }),
  t("terragrunt run -- destroy", {}, { action: "terraform.destroy", all: false }),
  t("terragrunt run -- apply -destroy", {}, { action: "terraform.destroy" }),
  t("terragrunt run --all --non-interactive -- apply", {}, { nonInteractive: true, all: true, flags: ["non-interactive"] }),
  t("terragrunt --log-level debug run --all destroy", {}, { action: "terraform.destroy", all: true }),
  t("terragrunt run --working-dir prod -- destroy", {}, { action: "terraform.destroy", dir: `${CWD}/prod` }),
  t("terragrunt destroy --terragrunt-working-dir=/abs/prod", {}, { dir: "/abs/prod" }),
  t("terragrunt run --graph destroy", {}, { all: true }),
  t("terragrunt run --all=false plan", {}, { all: false }),
  // legacy spellings
  t("terragrunt run-all destroy", {}, { action: "terraform.destroy", all: true, autoApprove: true }),
  t("terragrunt run-all plan", {}, { action: "terraform.plan", all: true }),
  t("terragrunt destroy-all", {}, { action: "terraform.destroy", all: true }),
  t("terragrunt tear-down", {}, { action: "terraform.destroy", all: true }),
  t("terragrunt apply-all", {}, { action: "terraform.apply", all: true, autoApprove: true }),
  t("terragrunt spin-up", {}, { action: "terraform.apply", all: true }),
  t("terragrunt plan-all", {}, { action: "terraform.plan", all: true }),
  t("terragrunt stack run destroy", {}, { action: "terraform.destroy", all: true }),
  // environment
  t("terragrunt destroy", { TG_ALL: "true" }, { action: "terraform.destroy", all: true, envNames: ["TG_ALL"] }),
  t("terragrunt destroy", { TG_ALL: "false" }, { all: false }),
  t("terragrunt apply", { TG_NON_INTERACTIVE: "1" }, { nonInteractive: true, envNames: ["TG_NON_INTERACTIVE"] }),
  t("terragrunt apply", { TERRAGRUNT_NON_INTERACTIVE: "true" }, { nonInteractive: true }),
  t("terragrunt apply", { TF_INPUT: "false" }, { nonInteractive: true }),
  t("terragrunt apply", { TF_INPUT: "1" }, { nonInteractive: false }),
  t("terragrunt apply --non-interactive", {}, { nonInteractive: true }),
  t("terragrunt apply --terragrunt-non-interactive", {}, { nonInteractive: true }),
  t("terragrunt apply", { TF_CLI_ARGS_apply: "-destroy" }, { action: "terraform.destroy", injected: ["destroy"] }),
  t("terragrunt run --all apply", { TG_NO_AUTO_APPROVE: "true" }, { autoApprove: false }),
  t("terragrunt destroy", {}, { autoApprove: true }, { stdin: "pipe" }),
  // terragrunt's own verbs
  t("terragrunt backend delete", {}, { action: "terragrunt.backend.delete", destroy: true, operation: "backend delete" }),
  t("terragrunt backend delete --all --bucket --force", {}, { action: "terragrunt.backend.delete", all: true, flags: ["bucket", "force"] }),
  t("terragrunt backend migrate old new", {}, { action: "terragrunt.backend.migrate", flags: [] }),
  t("terragrunt backend migrate --force old new", {}, { action: "terragrunt.backend.migrate", flags: ["force"] }),
  t("terragrunt backend bootstrap", {}, { action: "terragrunt.backend.bootstrap" }),
  t("terragrunt hcl fmt", {}, { action: "terragrunt.read", operation: "hcl fmt" }),
  t("terragrunt hcl validate", {}, { action: "terragrunt.read" }),
  t("terragrunt render --json", {}, { action: "terragrunt.read" }),
  t("terragrunt find", {}, { action: "terragrunt.read" }),
  t("terragrunt list", {}, { action: "terragrunt.read" }),
  t("terragrunt hclfmt", {}, { action: "terragrunt.read" }),
  t("terragrunt stack generate", {}, { action: "terragrunt.read" }),
  t("terragrunt exec -- aws s3 ls", {}, { action: "terragrunt.exec" }),
  t("terragrunt destroy -help", {}, { action: "terraform.help" }),
];

describe("interpretTerragrunt", () => {
  for (const [argv, env, expected, opts] of ROWS) {
    const envText = Object.keys(env).length > 0 ? `${Object.entries(env).map(([k, v]) => `${k}=${v}`).join(" ")} ` : "";
    it(`${envText}${argv}${opts?.stdin ? ` <${opts.stdin}>` : ""}`, () => {
      const { operations } = interpretTerragrunt(simple(argv.split(" "), env, opts));
      expect(operations).toHaveLength(1);
      expect(factsOf(operations[0]).program).toBe("terragrunt");
      expectFacts(operations[0], expected);
      expectSchemaValid(operations[0]!);
    });
  }
});

type ExportRow = readonly [argv: readonly string[], env: Record<string, string>, expected: { name: string; flags: readonly string[] }[]];
const EXPORTS: readonly ExportRow[] = [
  [["export", "TF_CLI_ARGS=-auto-approve"], {}, [{ name: "TF_CLI_ARGS", flags: ["auto-approve"] }]],
  [["export", "TF_CLI_ARGS_apply=-destroy -auto-approve"], {}, [{ name: "TF_CLI_ARGS_apply", flags: ["auto-approve", "destroy"] }]],
  [["export", "TF_CLI_ARGS_destroy=-auto-approve=true"], {}, [{ name: "TF_CLI_ARGS_destroy", flags: ["auto-approve"] }]],
  [["export", "TF_CLI_ARGS=-auto-approve=false"], {}, [{ name: "TF_CLI_ARGS", flags: [] }]],
  [["export", "TF_CLI_ARGS=-lock=false"], {}, [{ name: "TF_CLI_ARGS", flags: ["lock-false"] }]],
  [["export", "TF_CLI_ARGS=-lock=true"], {}, [{ name: "TF_CLI_ARGS", flags: [] }]],
  [["export", "TF_CLI_ARGS_plan=-replace=aws_db.x"], {}, [{ name: "TF_CLI_ARGS_plan", flags: ["replace"] }]],
  [["export", "TF_CLI_ARGS=-state=old.tfstate"], {}, [{ name: "TF_CLI_ARGS", flags: ["state"] }]],
  [["export", "TF_CLI_ARGS_init=-force-copy"], {}, [{ name: "TF_CLI_ARGS_init", flags: ["force-copy"] }]],
  [["export", "TF_CLI_ARGS_state_push=-force"], {}, [{ name: "TF_CLI_ARGS_state_push", flags: ["force"] }]],
  [["export", "TF_CLI_ARGS=destroy"], {}, [{ name: "TF_CLI_ARGS", flags: ["destroy"] }]],
  [["export", "TF_CLI_ARGS=-no-color -parallelism=20"], {}, [{ name: "TF_CLI_ARGS", flags: [] }]],
  [["export", "PULUMI_SKIP_CONFIRMATIONS=true"], {}, [{ name: "PULUMI_SKIP_CONFIRMATIONS", flags: ["skip-confirmations"] }]],
  [["export", "PULUMI_SKIP_CONFIRMATIONS=false"], {}, [{ name: "PULUMI_SKIP_CONFIRMATIONS", flags: [] }]],
  [["export", "TG_NON_INTERACTIVE=true"], {}, [{ name: "TG_NON_INTERACTIVE", flags: ["non-interactive"] }]],
  [["export", "TERRAGRUNT_NON_INTERACTIVE=1"], {}, [{ name: "TERRAGRUNT_NON_INTERACTIVE", flags: ["non-interactive"] }]],
  [["export", "TG_ALL=1"], {}, [{ name: "TG_ALL", flags: ["all"] }]],
  [["export", "TF_WORKSPACE=prod"], {}, [{ name: "TF_WORKSPACE", flags: ["state-selector"] }]],
  [["export", "TF_INPUT=0"], {}, [{ name: "TF_INPUT", flags: ["input-false"] }]],
  [["declare", "-x", "TF_CLI_ARGS=-auto-approve"], {}, [{ name: "TF_CLI_ARGS", flags: ["auto-approve"] }]],
  [["typeset", "-gx", "TF_CLI_ARGS=-destroy"], {}, [{ name: "TF_CLI_ARGS", flags: ["destroy"] }]],
  [["export", "TF_CLI_ARGS"], { TF_CLI_ARGS: "-auto-approve" }, [{ name: "TF_CLI_ARGS", flags: ["auto-approve"] }]],
  [["export", "A=1", "TF_CLI_ARGS=-destroy", "B=2"], {}, [{ name: "TF_CLI_ARGS", flags: ["destroy"] }]],
  [["export", "PATH=/usr/bin"], {}, []],
  [["export", "AWS_PROFILE=dev"], {}, []],
  [["export", "-p"], {}, []],
];

describe("interpretEnvExport", () => {
  for (const [argv, env, expected] of EXPORTS) {
    it(argv.join(" "), () => {
      const { operations } = interpretEnvExport(simple(argv, env, { program: "export" }));
      expect(operations.map((o) => ({ name: factsOf(o).name, flags: factsOf(o).flags }))).toEqual(expected);
      for (const op of operations) {
        expect(op.action).toBe("iac.env-inject");
        expectSchemaValid(op);
      }
    });
  }

  it("a declare without -x reaching the interpreter exports nothing", () => {
    expect(interpretEnvExport(simple(["declare", "TF_CLI_ARGS=-destroy"], {}, { program: "declare" })).operations).toEqual([]);
  });
});
