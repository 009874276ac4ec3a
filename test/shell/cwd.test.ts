import { describe, expect, it } from "vitest";
import { analyze, t } from "./helpers.js";

describe("working directory", () => {
  t("terraform destroy", { program: "terraform", cwd: "/work/repo" });
  t("cd infra/prod && terraform destroy", { program: "terraform", cwd: "/work/repo/infra/prod" });
  t("cd infra/prod; terraform destroy", { program: "terraform", cwd: "/work/repo/infra/prod" });
  t("cd infra/prod\nterraform destroy", { program: "terraform", cwd: "/work/repo/infra/prod" });
  t("cd /srv/infra && cd ../prod && terraform destroy", { program: "terraform", cwd: "/srv/prod" });
  t("cd ~/infra && terraform destroy", { program: "terraform", cwd: "/home/agent/infra" });
  t("cd && terraform destroy", { program: "terraform", cwd: "/home/agent" });
  t("cd \"$HOME/infra\" && terraform destroy", { program: "terraform", cwd: "/home/agent/infra" });
  t("D=infra/prod; cd $D && terraform destroy", { program: "terraform", cwd: "/work/repo/infra/prod" });
  t("cd -P infra && terraform destroy", { program: "terraform", cwd: "/work/repo/infra" });
  t("cd infra && cd - && terraform destroy", { program: "terraform", cwd: "/work/repo" });
  t("pushd infra && terraform destroy", { program: "terraform", cwd: "/work/repo/infra" });
  t("pushd infra; popd; terraform destroy", { program: "terraform", cwd: "/work/repo" });
  t("pushd a; pushd b; popd; terraform destroy", { program: "terraform", cwd: "/work/repo/a" });
  t("(cd prod; terraform destroy)", { program: "terraform", cwd: "/work/repo/prod" });
  t("bash -c 'cd infra && terraform destroy'", { program: "terraform", cwd: "/work/repo/infra" });
  t("cd infra && bash -c 'terraform destroy'", { program: "terraform", cwd: "/work/repo/infra" });
  t("cd $UNKNOWN && terraform destroy", { program: "terraform", cwd: "/work/repo", cwdUnresolved: true });
  t("cd \"$(git rev-parse --show-toplevel)\" && terraform destroy", { program: "terraform", cwd: "/work/repo", cwdUnresolved: true });
  t("ssh host 'cd /srv && terraform destroy'", { program: "terraform", cwd: "/srv" });
  it("a subshell's cd does not leak out", () => {
    const a = analyze("(cd prod); terraform destroy");
    expect(a.commands.find((c) => c.program === "terraform")?.cwd).toBe("/work/repo");
  });
  it("a pipeline element's cd does not leak out", () => {
    const a = analyze("cd prod | cat; terraform destroy");
    expect(a.commands.find((c) => c.program === "terraform")?.cwd).toBe("/work/repo");
  });
  it("a background job's cd does not leak out", () => {
    const a = analyze("cd prod & terraform destroy");
    expect(a.commands.find((c) => c.program === "terraform")?.cwd).toBe("/work/repo");
  });
  it("a bash -c cd does not leak out", () => {
    const a = analyze("bash -c 'cd prod'; terraform destroy");
    expect(a.commands.find((c) => c.program === "terraform")?.cwd).toBe("/work/repo");
  });
  it("a relative opts.cwd is made absolute", () => {
    expect(analyze("ls", { cwd: "repo" }).commands[0]?.cwd).toBe("/repo");
  });
  it("cd ~ without HOME keeps the cwd and marks it unresolved", () => {
    const c = analyze("cd ~/x && ls", { env: {} }).commands[1];
    expect(c).toMatchObject({ cwd: "/work/repo", cwdUnresolved: true });
  });
});
