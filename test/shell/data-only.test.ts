import { describe, expect, it } from "vitest";
import { analyze, none, programs, t } from "./helpers.js";

describe("words that are only data never become commands", () => {
  none('echo "terraform destroy"', "terraform");
  none("echo terraform destroy", "terraform");
  none("printf 'terraform destroy\\n'", "terraform");
  none("grep -r destroy .", "destroy");
  none("grep -rn 'terraform destroy' docs/", "terraform");
  none("rg 'terraform destroy'", "terraform");
  none('git commit -m "terraform destroy"', "terraform");
  none("git commit -m 'run: bash -c \"terraform destroy\"'", "terraform");
  none("man terraform", "terraform");
  none("terraform --help # terraform destroy", "destroy");
  none("# terraform destroy", "terraform");
  none("ls # && terraform destroy", "terraform");
  none("cat > notes.md <<EOF\nterraform destroy\nEOF", "terraform");
  none("cat <<'EOF' > plan.md\n$(terraform destroy)\nEOF", "terraform");
  none("tee notes.md <<< 'terraform destroy'", "terraform");
  none("echo 'bash -c \"terraform destroy\"'", "terraform");
  none("echo 'eval terraform destroy'", "terraform");
  none("echo '$(terraform destroy)'", "terraform");
  none("echo \\$\\(terraform destroy\\)", "terraform");
  none("jq '.resources[] | select(.type == \"terraform destroy\")' state.json", "terraform");
  none("gh pr create --body 'sudo terraform destroy'", "terraform");
  none("sed -n '/terraform destroy/p' log", "terraform");
  none("awk '/terraform destroy/ {print}' log", "terraform");
  none("python -c 'print(\"terraform destroy\")' | grep x", "terraform");
  none("command -v terraform", "terraform");
  none("which terraform", "terraform");
  none("type terraform", "terraform");
  none("echo x | xargs echo terraform destroy", "terraform");
  none("find . -name 'terraform destroy'", "terraform");
  none("ssh-keygen -C 'terraform destroy'", "terraform");
  it("echo is reported with its words as arguments", () => {
    expect(programs('echo "terraform destroy"')).toEqual(["echo"]);
    expect(analyze('echo "terraform destroy"').commands[0]?.argv).toEqual(["echo", "terraform destroy"]);
  });
});

describe("but substitutions inside data words do execute", () => {
  t('echo "$(terraform destroy)"', { program: "terraform", depth: 1 });
  t('git commit -m "$(terraform destroy)"', { program: "terraform", depth: 1 });
  t("grep x $(terraform destroy)", { program: "terraform", depth: 1 });
  t('printf "%s" "`terraform destroy`"', { program: "terraform", depth: 1 });
  t("cat > notes.md <<EOF\n$(terraform destroy)\nEOF", { program: "terraform", depth: 1 });
  t("man $(terraform destroy)", { program: "terraform" });
});
