import { describe, expect, it } from "vitest";
import { analyze, t } from "./helpers.js";
import { PROGRAM_NAMES } from "../../src/clis/registry.js";
import { normalizeProgram, withShellNames } from "../../src/shell/programs.js";

describe("quote removal and program normalisation", () => {
  t("terraform destroy", { program: "terraform", argv: ["terraform", "destroy"], unresolved: false, depth: 0 });
  t("\\terraform destroy", { program: "terraform", argv: ["terraform", "destroy"], unresolved: false });
  t("ter''raform destroy", { program: "terraform", argv: ["terraform", "destroy"] });
  t('ter""raform destroy', { program: "terraform", argv: ["terraform", "destroy"] });
  t('"terraform" destroy', { program: "terraform", argv: ["terraform", "destroy"] });
  t("'terraform' 'destroy'", { program: "terraform", argv: ["terraform", "destroy"] });
  t("$'terraform' destroy", { program: "terraform", argv: ["terraform", "destroy"] });
  t("$'terra\\x66orm' destroy", { program: "terraform", argv: ["terraform", "destroy"] });
  t("t\\erra\\form destroy", { program: "terraform" });
  t("/usr/local/bin/terraform destroy", { program: "terraform", argv: ["/usr/local/bin/terraform", "destroy"] });
  t("./bin/terraform destroy", { program: "terraform" });
  t("terraform1.9 destroy", { program: "terraform", argv: ["terraform1.9", "destroy"] });
  t("terraform-1.11 destroy", { program: "terraform" });
  t("tofu1.8 destroy", { program: "tofu" });
  t("opentofu destroy", { program: "tofu" });
  t("/opt/homebrew/bin/python3.11 x.py", { program: "python" });
  t("tf destroy", { program: "terraform", argv: ["tf", "destroy"] });
  t("k delete ns prod", { program: "kubectl", argv: ["k", "delete", "ns", "prod"] });
  t("terraform.exe destroy", { program: "terraform" });
  t("{terraform,destroy}", { program: "terraform", argv: ["terraform", "destroy"] });
  t("terraform destroy -target=aws_s3_bucket.{a,b}", { program: "terraform", argv: ["terraform", "destroy", "-target=aws_s3_bucket.a", "-target=aws_s3_bucket.b"] });
  t("echo {1..3}", { program: "echo", argv: ["echo", "1", "2", "3"] });
  t("terraform destroy -var 'a=b c'", { argv: ["terraform", "destroy", "-var", "a=b c"] });
  t('terraform destroy -var "a=\\"q\\""', { argv: ["terraform", "destroy", "-var", 'a="q"'] });
});

const NAMES = withShellNames(PROGRAM_NAMES);

it("normalizeProgram leaves ordinary names alone", () => {
  expect(normalizeProgram("base64", NAMES)).toBe("base64");
  expect(normalizeProgram("md5", NAMES)).toBe("md5");
  expect(normalizeProgram("k9s", NAMES)).toBe("k9s");
  expect(normalizeProgram("python3", NAMES)).toBe("python");
  expect(normalizeProgram("aws2", NAMES)).toBe("aws");
});

describe("variables and substitutions in words", () => {
  t("T=terraform; $T destroy", { program: "terraform", argv: ["terraform", "destroy"], unresolved: false });
  t("T=terraform; ${T} destroy", { program: "terraform", unresolved: false });
  t("T=terraform && \"$T\" destroy", { program: "terraform", unresolved: false });
  t("export T=terraform; $T destroy", { program: "terraform", unresolved: false });
  t("CMD='terraform destroy'; $CMD", { program: "terraform", argv: ["terraform", "destroy"] });
  t("CMD='terraform destroy'; \"$CMD\"", { program: "terraform destroy", argv: ["terraform destroy"] });
  t("X=; $X terraform destroy", { program: "terraform", argv: ["terraform", "destroy"] });
  t("A=terra; B=form; $A$B destroy", { program: "terraform", unresolved: false });
  t("T=terraform; T+=1.9; $T destroy", { program: "terraform", argv: ["terraform1.9", "destroy"] });
  t("${T:-terraform} destroy", { program: "", unresolved: true });
  t("T=; ${T:-terraform} destroy", { program: "terraform", unresolved: false });
  t("$TOOL destroy", { program: "", argv: ["$TOOL", "destroy"], unresolved: true });
  t("${TOOL} destroy", { program: "", unresolved: true });
  t("$(echo terraform) destroy", { depth: 0, program: "terraform", argv: ["terraform", "destroy"], unresolved: false });
  t("`echo terraform` destroy", { depth: 0, program: "terraform", unresolved: false });
  t("$(printf terraform) destroy", { depth: 0, program: "terraform" });
  t("$(get-tool) destroy", { depth: 0, program: "", unresolved: true });
  t("$(echo $UNKNOWN) destroy", { depth: 0, program: "", unresolved: true });
  t("X=$(echo terraform); $X destroy", { depth: 0, program: "terraform", unresolved: false });
  t("git commit -m \"$(cat <<'EOF'\nfix: x\n\nbody\nEOF\n)\"", { program: "git", argv: ["git", "commit", "-m", "fix: x\n\nbody"], unresolved: false });
  t("git commit -m \"$(cat <<EOF\nfix $X\nEOF\n)\"", { program: "git", unresolved: true });
  t("bash -c \"$(cat <<'EOF'\nterraform destroy\nEOF\n)\"", { program: "terraform", wrappers: ["bash -c"], unresolved: false });
  t("$(which terraform) destroy", { program: "terraform", argv: ["terraform", "destroy"], unresolved: false, depth: 0 });
  t("$(command -v terraform) destroy", { program: "terraform", unresolved: false, depth: 0 });
  t("`which tofu` destroy", { program: "tofu", depth: 0 });
  t("terr* destroy", { program: "", unresolved: true });
  t("T=$(get-tool); $T destroy", { program: "", unresolved: true });
  t("terraform destroy -target=$RES", { program: "terraform", argv: ["terraform", "destroy", "-target=$RES"], unresolved: true });
  t('terraform destroy -target="$RES"', { program: "terraform", argv: ["terraform", "destroy", "-target=$RES"], unresolved: true });
  t("rm *.tfstate", { program: "rm", argv: ["rm", "*.tfstate"], unresolved: false });
  t("ls ~/infra", { argv: ["ls", "/home/agent/infra"] });
  t("ls ~root", { argv: ["ls", "~root"] });
  t("echo $HOME/x $PWD", { argv: ["echo", "/home/agent/x", "/work/repo"] });
  t("unset T; $T terraform destroy", { program: "terraform", unresolved: false });
});

it("an unknown $VAR from the inherited environment is not trusted in command position", () => {
  const a = analyze("$TOOL destroy", { env: { HOME: "/h", TOOL: "ls" } });
  expect(a.commands[0]).toMatchObject({ program: "", unresolved: true });
});

describe("builtins that assign unknown values", () => {
  t("T=ls; read T; $T destroy", { program: "", unresolved: true });
  t("T=ls; printf -v T '%s' \"$Y\"; $T destroy", { program: "", unresolved: true });
  // Known values assign like `=` does.
  t("T=ls; printf -v T '%s' terraform; $T destroy", { program: "terraform", argv: ["terraform", "destroy"], unresolved: false });
  t("read T <<< terraform; $T destroy", { program: "terraform", unresolved: false });
  t("read -r A B <<< 'terraform destroy now'; $A \"$B\"", { program: "terraform", argv: ["terraform", "destroy now"] });
  // An exported variable read from a file the analysis cannot see: the commands after it are unresolved.
  t("export TF_CLI_ARGS; read TF_CLI_ARGS < f; terraform plan", { program: "terraform", unresolved: true, unresolvedEnv: ["TF_CLI_ARGS"] });
  t("read TF_CLI_ARGS < f; terraform plan", { program: "terraform", unresolved: false });
  t("T=ls; mapfile T < f; $T destroy", { program: "", unresolved: true });
});

describe("$(pwd), `pwd` and $(mktemp) resolve; fan-out items are unresolved words in their place", () => {
  t('rm -rf "$(pwd)/infra"', { program: "rm", argv: ["rm", "-rf", "/work/repo/infra"], unresolved: false });
  t("rm -rf `pwd`/infra", { program: "rm", argv: ["rm", "-rf", "/work/repo/infra"], unresolved: false });
  t("cd $D && rm -rf $(pwd)/x", { program: "rm", unresolved: true, cwdUnresolved: true });
  t("echo x > $(mktemp)", { program: "echo", unresolved: false });
  t("find . -name '*.tf' -exec terraform fmt {} \\;", { program: "terraform", argv: ["terraform", "fmt", "{}"], unresolved: true, unresolvedArgs: [2] });
  t("git ls-files | xargs terraform fmt", { program: "terraform", argv: ["terraform", "fmt", "{}"], unresolved: true, unresolvedArgs: [2] });
  t("cat d | xargs -I@ terraform -chdir=@ validate", { program: "terraform", argv: ["terraform", "-chdir=@", "validate"], unresolvedArgs: [1] });
  t("for d in a b; do terraform -chdir=$d validate; done", { program: "terraform", unresolvedArgs: [1] });
  t('eval "terraform validate $X"', { program: "terraform", unresolved: true, unresolvedArgs: [0, 1, 2] });
});
