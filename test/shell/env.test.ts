import { describe, expect, it } from "vitest";
import { analyze, t } from "./helpers.js";

describe("environment on the line", () => {
  t("TF_CLI_ARGS=-destroy terraform apply", { program: "terraform", env: { TF_CLI_ARGS: "-destroy" }, lineEnv: ["TF_CLI_ARGS"] });
  t("env TF_CLI_ARGS=-destroy terraform apply", { program: "terraform", env: { TF_CLI_ARGS: "-destroy" }, lineEnv: ["TF_CLI_ARGS"] });
  t("export TF_CLI_ARGS=-destroy; terraform apply", { program: "terraform", env: { TF_CLI_ARGS: "-destroy" }, lineEnv: ["TF_CLI_ARGS"] });
  t("export TF_CLI_ARGS=-destroy && terraform apply", { program: "terraform", env: { TF_CLI_ARGS: "-destroy" } });
  t("declare -x TF_CLI_ARGS_apply=-auto-approve\nterraform apply", { program: "terraform", env: { TF_CLI_ARGS_apply: "-auto-approve" } });
  t("typeset -x TF_WORKSPACE=prod; terraform destroy", { program: "terraform", env: { TF_WORKSPACE: "prod" } });
  t("X=-destroy; export TF_CLI_ARGS=$X; terraform apply", { program: "terraform", env: { TF_CLI_ARGS: "-destroy" } });
  t("TF_CLI_ARGS=-destroy; export TF_CLI_ARGS; terraform apply", { program: "terraform", env: { TF_CLI_ARGS: "-destroy" } });
  t("A=1 B=2 env C=3 terraform apply", { program: "terraform", env: { A: "1", B: "2", C: "3" }, lineEnv: ["A", "B", "C"] });
  t("export TF_CLI_ARGS=$(cat args)", { program: "export", unresolved: true });
  t("export TF_CLI_ARGS=-auto-approve", { program: "export", argv: ["export", "TF_CLI_ARGS=-auto-approve"], lineEnv: ["TF_CLI_ARGS"] });
  t("declare -x TF_CLI_ARGS=-auto-approve", { program: "export", argv: ["declare", "-x", "TF_CLI_ARGS=-auto-approve"] });
  t("declare X=1", { program: "declare", argv: ["declare", "X=1"] });
  t("local -x X=1", { program: "export" });
  t("X=1; terraform apply", { program: "terraform", lineEnv: [] });
});

describe("inherited environment", () => {
  it("keeps the inherited environment and lists only line names in lineEnv", () => {
    const a = analyze("terraform apply", { env: { HOME: "/h", TF_CLI_ARGS: "-destroy" } });
    expect(a.commands[0]).toMatchObject({ env: { TF_CLI_ARGS: "-destroy", HOME: "/h" }, lineEnv: [] });
  });
  it("env -i clears it; env -u removes one name", () => {
    const env = { HOME: "/h", TF_CLI_ARGS: "-destroy", AWS_PROFILE: "prod" };
    expect(analyze("env -i terraform apply", { env }).commands[0]?.env).toEqual({});
    const u = analyze("env -u TF_CLI_ARGS terraform apply", { env }).commands[0]?.env;
    expect(u?.["TF_CLI_ARGS"]).toBeUndefined();
    expect(u?.["AWS_PROFILE"]).toBe("prod");
  });
  it("assigning to an inherited exported name changes the environment", () => {
    const c = analyze("TF_CLI_ARGS=; terraform apply", { env: { TF_CLI_ARGS: "-destroy" } }).commands[0];
    expect(c).toMatchObject({ env: { TF_CLI_ARGS: "" }, lineEnv: ["TF_CLI_ARGS"] });
  });
  it("unset and export -n remove a name", () => {
    const env = { TF_CLI_ARGS: "-destroy" };
    expect(analyze("unset TF_CLI_ARGS; terraform apply", { env }).commands[1]?.env["TF_CLI_ARGS"]).toBeUndefined();
    expect(analyze("export -n TF_CLI_ARGS; terraform apply", { env }).commands[1]?.env["TF_CLI_ARGS"]).toBeUndefined();
  });
  it("an inline assignment applies to its command only", () => {
    const a = analyze("TF_CLI_ARGS=-destroy true; terraform apply");
    expect(a.commands[1]?.env["TF_CLI_ARGS"]).toBeUndefined();
  });
  it("a subshell export does not reach later commands but is still collected", () => {
    const a = analyze("(export TF_CLI_ARGS=-destroy); terraform apply");
    expect(a.commands[1]?.env["TF_CLI_ARGS"]).toBeUndefined();
    expect(a.exported).toEqual({ TF_CLI_ARGS: "-destroy" });
  });
});

describe("exported", () => {
  it("collects export assignments with their values", () => {
    expect(analyze("export A=1 B; export C=$(x); declare -x D=4; E=5").exported).toEqual({ A: "1", B: "B", C: "$(x)", D: "4" });
  });
  it("an export inside bash -c is collected too", () => {
    expect(analyze("bash -c 'export TF_CLI_ARGS=-auto-approve'").exported).toEqual({ TF_CLI_ARGS: "-auto-approve" });
  });
  it("nested scripts inherit the line's environment", () => {
    const a = analyze("export TF_CLI_ARGS=-destroy; bash -c 'terraform apply'");
    expect(a.commands[1]).toMatchObject({ program: "terraform", env: { TF_CLI_ARGS: "-destroy" }, lineEnv: ["TF_CLI_ARGS"] });
  });
  it("an inline assignment before bash -c reaches the nested command", () => {
    const a = analyze("TF_CLI_ARGS=-destroy bash -c 'terraform apply'");
    expect(a.commands[0]).toMatchObject({ program: "terraform", env: { TF_CLI_ARGS: "-destroy" } });
  });
});
