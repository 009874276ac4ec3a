import { describe, expect, it } from "vitest";
import { analyze, programs, t } from "./helpers.js";

describe("shells given a script string", () => {
  t("bash -c 'terraform destroy'", { program: "terraform", argv: ["terraform", "destroy"], wrappers: ["bash -c"], depth: 1 });
  t("bash -c 'cd infra && terraform destroy'", { program: "terraform", cwd: "/work/repo/infra", depth: 1 });
  t("sh -c \"eval 'terraform destroy'\"", { program: "terraform", wrappers: ["sh -c", "eval"], depth: 2 });
  t("bash -lc 'terraform destroy'", { program: "terraform", wrappers: ["bash -c"] });
  t("bash -ec 'terraform destroy'", { program: "terraform", wrappers: ["bash -c"] });
  t("bash --norc --noprofile -c 'terraform destroy'", { program: "terraform", wrappers: ["bash -c"] });
  t("bash -o pipefail -c 'terraform destroy'", { program: "terraform", wrappers: ["bash -c"] });
  t("/bin/zsh -c 'terraform destroy'", { program: "terraform", wrappers: ["zsh -c"] });
  t("dash -c 'terraform destroy'", { program: "terraform", wrappers: ["dash -c"] });
  t("ksh -c 'terraform destroy'", { program: "terraform", wrappers: ["ksh -c"] });
  t("bash -c 'terraform \"$1\"' _ destroy", { program: "terraform", unresolved: true });
  t("bash -c \"$SCRIPT\"", { program: "", unresolved: true });
  t("bash deploy.sh", { program: "bash", argv: ["bash", "deploy.sh"], unresolved: false });
  t("bash -x deploy.sh", { program: "bash", unresolved: false });
  t("bash", { program: "bash", unresolved: false, stdin: "terminal" });
  t("eval terraform destroy", { program: "terraform", wrappers: ["eval"], depth: 1 });
  t("eval 'terraform' \"destroy\"", { program: "terraform", argv: ["terraform", "destroy"] });
  t("eval \"$CMD\"", { program: "", unresolved: true });
  t("sudo bash -c 'sudo terraform destroy'", { program: "terraform", wrappers: ["sudo", "bash -c", "sudo"], depth: 1 });
  t("bash -c \"bash -c 'terraform destroy'\"", { program: "terraform", depth: 2, wrappers: ["bash -c", "bash -c"] });
  t("source ./env.sh", { program: "source", argv: ["source", "./env.sh"] });
  t(". ./env.sh", { program: "source", argv: [".", "./env.sh"] });
});

describe("substitutions execute", () => {
  t("echo $(terraform destroy)", { program: "terraform", wrappers: ["$(...)"], depth: 1 });
  t("echo `terraform destroy`", { program: "terraform", wrappers: ["`...`"], depth: 1 });
  t('echo "result: $(terraform destroy)"', { program: "terraform", depth: 1 });
  t("X=$(terraform destroy)", { program: "terraform", depth: 1 });
  t("echo $(echo $(terraform destroy))", { program: "terraform", depth: 2 });
  t("echo `echo \\`terraform destroy\\``", { program: "terraform", depth: 2 });
  t("diff <(terraform destroy) <(ls)", { program: "terraform", wrappers: ["<(...)"], depth: 1 });
  t("tee >(terraform destroy) < x", { program: "terraform", wrappers: [">(...)"], stdin: "pipe" });
  t("echo $(( $(terraform destroy) + 1 ))", { program: "terraform", depth: 1 });
  t("(( $(terraform destroy) ))", { program: "terraform", depth: 1 });
  t("[[ $(terraform destroy) == x ]]", { program: "terraform", depth: 1 });
  t("[[ -n x && -z $(terraform destroy) ]]", { program: "terraform", depth: 1 });
  t("echo ${X:-$(terraform destroy)}", { program: "terraform", depth: 1 });
  t("cat > f <<EOF\n$(terraform destroy)\nEOF", { program: "terraform", depth: 1 });
  t("ls > $(terraform destroy)", { program: "terraform", depth: 1 });
  t("case $(terraform destroy) in x) ;; esac", { program: "terraform", depth: 1 });
  t("for f in $(terraform destroy); do :; done", { program: "terraform", depth: 1 });
  t("a=(x $(terraform destroy))", { program: "terraform", depth: 1 });
  t("echo $(cd infra; terraform destroy); terraform plan", { program: "terraform", cwd: "/work/repo/infra" });
  it("a cd inside $(...) does not leak", () => {
    const a = analyze("echo $(cd infra); terraform plan");
    expect(a.commands.find((c) => c.program === "terraform")?.cwd).toBe("/work/repo");
  });
});

describe("compound commands", () => {
  t("(cd prod; terraform destroy)", { program: "terraform", cwd: "/work/repo/prod", depth: 0 });
  t("{ terraform destroy; }", { program: "terraform", depth: 0 });
  t("for i in 1; do terraform destroy; done", { program: "terraform" });
  t("for ((i=0;i<1;i++)); do terraform destroy; done", { program: "terraform" });
  t("while true; do terraform destroy; done", { program: "terraform" });
  t("until terraform destroy; do sleep 1; done", { program: "terraform" });
  t("if terraform plan; then terraform destroy; elif x; then y; else z; fi", { program: "terraform", argv: ["terraform", "plan"] });
  t("if true; then :; elif true; then :; else terraform destroy; fi", { program: "terraform" });
  t("case x in x) terraform destroy;; esac", { program: "terraform" });
  t("select x in a; do terraform destroy; done", { program: "terraform" });
  t("f() { terraform destroy; }; f", { program: "terraform" });
  t("function f { terraform destroy; }", { program: "terraform" });
  t("f() ( terraform destroy )", { program: "terraform" });
  t("coproc terraform destroy", { program: "terraform" });
  t("! terraform destroy", { program: "terraform" });
  t("terraform plan || terraform destroy", { program: "terraform", argv: ["terraform", "plan"] });
  t("true && { false || terraform destroy; }", { program: "terraform" });
  t("terraform destroy & wait", { program: "terraform" });
  it("reports every command of a sequence, in order", () => {
    expect(programs("a; b && c || d | e &\nf")).toEqual(["a", "b", "c", "d", "e", "f"]);
  });
  it("a loop variable is unresolved", () => {
    const a = analyze("for d in dev prod; do terraform -chdir=$d destroy; done");
    expect(a.commands[0]).toMatchObject({ program: "terraform", unresolved: true });
  });
});

describe("scripts fed to a shell on stdin", () => {
  t("bash <<EOF\nterraform destroy\nEOF", { program: "terraform", wrappers: ["bash (stdin)"], depth: 1, stdin: "heredoc" });
  t("bash <<'EOF'\nterraform destroy\nEOF", { program: "terraform", depth: 1 });
  t("sh <<-EOF\n\tterraform destroy\n\tEOF", { program: "terraform", depth: 1 });
  t("bash <<< 'terraform destroy'", { program: "terraform", wrappers: ["bash (stdin)"], stdin: "here-string" });
  t("echo 'terraform destroy' | bash", { program: "terraform", wrappers: ["bash (stdin)"], stdin: "pipe", depth: 1 });
  t("printf 'terraform destroy\\n' | sh", { program: "terraform", depth: 1 });
  t("printf '%s\\n' 'terraform destroy' | sh", { program: "terraform", depth: 1 });
  t("echo -e 'cd x\\nterraform destroy' | bash", { program: "terraform", cwd: "/work/repo/x" });
  t("cat <<EOF | bash\nterraform destroy\nEOF", { program: "terraform", depth: 1 });
  t("bash -s <<< 'terraform destroy'", { program: "terraform", depth: 1 });
  t("cat script.sh | bash", { program: "bash", stdin: "pipe", unresolved: true });
  t("curl -fsSL https://x.sh | sh", { program: "sh", stdin: "pipe", unresolved: true });
  t("curl -fsSL https://x.sh | sudo bash -s -- --yes", { program: "bash", wrappers: ["sudo"], unresolved: true });
  t("base64 -d <<< dGVycmFmb3Jt | bash", { program: "bash", unresolved: true });
  t("bash < deploy.sh", { program: "bash", stdin: "file", unresolved: false });
  t("bash <(curl -s https://x)", { program: "bash", unresolved: true });
  t("python3 - <<EOF\nimport os\nEOF", { program: "python", inlineCode: "import os\n" });
});

describe("strings run later by the shell", () => {
  t("trap 'terraform destroy' EXIT", { program: "terraform", wrappers: ["trap"], depth: 1 });
  t("trap -p", { program: "trap" });
  t("trap - EXIT", { program: "trap" });
  t('eval "$(echo terraform destroy)"', { program: "terraform", wrappers: ["eval"], unresolved: false });
});
