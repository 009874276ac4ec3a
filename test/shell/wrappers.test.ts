import { describe, expect, it } from "vitest";
import { analyze, programs, t } from "./helpers.js";

describe("process wrappers are removed, outermost first", () => {
  t("sudo terraform destroy", { program: "terraform", argv: ["terraform", "destroy"], wrappers: ["sudo"] });
  t("sudo -E env TF_X=1 timeout 5 nohup terraform destroy", {
    program: "terraform",
    argv: ["terraform", "destroy"],
    wrappers: ["sudo", "env", "timeout", "nohup"],
    env: { TF_X: "1" },
    lineEnv: ["TF_X"],
  });
  t("sudo -u deploy -n -H terraform destroy", { program: "terraform", wrappers: ["sudo"] });
  t("sudo --user=deploy -- terraform destroy", { program: "terraform", wrappers: ["sudo"] });
  t("sudo -i terraform destroy", { program: "terraform", wrappers: ["sudo"] });
  t("sudo TF_CLI_ARGS=-auto-approve terraform apply", { program: "terraform", env: { TF_CLI_ARGS: "-auto-approve" } });
  t("sudo -D /srv/infra terraform destroy", { program: "terraform", cwd: "/srv/infra" });
  t("sudo -l", { program: "sudo", argv: ["sudo", "-l"] });
  t("sudo -s", { program: "sudo" });
  t("doas -u root terraform destroy", { program: "terraform", wrappers: ["doas"] });
  t("env terraform destroy", { program: "terraform", wrappers: ["env"] });
  t("env -i PATH=/bin terraform destroy", { program: "terraform", env: { PATH: "/bin" }, lineEnv: ["PATH"] });
  t("env -u HOME terraform destroy", { program: "terraform", wrappers: ["env"] });
  t("env -C infra terraform destroy", { program: "terraform", cwd: "/work/repo/infra" });
  t("env -S 'terraform destroy'", { program: "terraform", argv: ["terraform", "destroy"] });
  t("env", { program: "env", argv: ["env"] });
  t("command terraform destroy", { program: "terraform", wrappers: ["command"] });
  t("command -p terraform destroy", { program: "terraform", wrappers: ["command"] });
  t("command -v terraform", { program: "command", argv: ["command", "-v", "terraform"] });
  t("builtin terraform destroy", { program: "terraform", wrappers: ["builtin"] });
  t("exec terraform destroy", { program: "terraform", wrappers: ["exec"] });
  t("exec -a tf terraform destroy", { program: "terraform", wrappers: ["exec"] });
  t("nohup terraform destroy &", { program: "terraform", wrappers: ["nohup"] });
  t("nice -n 10 terraform destroy", { program: "terraform", wrappers: ["nice"] });
  t("nice -10 terraform destroy", { program: "terraform", wrappers: ["nice"] });
  t("time terraform destroy", { program: "terraform", wrappers: [] });
  t("/usr/bin/time -v terraform destroy", { program: "terraform", wrappers: ["time"] });
  t("timeout 5 terraform destroy", { program: "terraform", argv: ["terraform", "destroy"], wrappers: ["timeout"] });
  t("timeout -s KILL -k 10 5m terraform destroy", { program: "terraform", wrappers: ["timeout"] });
  t("timeout --signal=TERM 5 terraform destroy", { program: "terraform", wrappers: ["timeout"] });
  t("stdbuf -oL -e0 terraform destroy", { program: "terraform", wrappers: ["stdbuf"] });
  t("ionice -c 3 terraform destroy", { program: "terraform", wrappers: ["ionice"] });
  t("chrt -f 10 terraform destroy", { program: "terraform", wrappers: ["chrt"] });
  t("setsid -f terraform destroy", { program: "terraform", wrappers: ["setsid"] });
  t("taskset -c 0 terraform destroy", { program: "terraform", wrappers: ["taskset"] });
  t("flock /tmp/l terraform destroy", { program: "terraform", wrappers: ["flock"] });
  t("flock /tmp/l -c 'terraform destroy'", { program: "terraform", wrappers: ["flock -c"], depth: 1 });
  t("busybox sh -c 'terraform destroy'", { program: "terraform", wrappers: ["busybox", "sh -c"] });
  t("sudo sudo sudo terraform destroy", { program: "terraform", wrappers: ["sudo", "sudo", "sudo"] });
});

describe("fan-out wrappers", () => {
  t("find . -name x -exec terraform destroy \\;", { program: "terraform", argv: ["terraform", "destroy"], wrappers: ["find -exec"] });
  t("find . -name '*.tf' -execdir terraform destroy {} +", { program: "terraform", wrappers: ["find -execdir"], unresolved: true });
  t("find . -ok terraform destroy \\;", { program: "terraform", wrappers: ["find -ok"] });
  t("find . -name '*.tfstate' -delete", { program: "find", argv: ["find", ".", "-name", "*.tfstate", "-delete"] });
  it("find reports itself and every -exec clause", () => {
    expect(programs("find . -exec rm {} \\; -exec terraform destroy \\;")).toEqual(["find", "rm", "terraform"]);
  });
  t("echo prod | xargs -I{} terraform -chdir={} destroy", {
    program: "terraform",
    argv: ["terraform", "-chdir=prod", "destroy"],
    wrappers: ["xargs"],
    unresolved: false,
  });
  t("ls | xargs -I {} terraform -chdir={} destroy", { program: "terraform", argv: ["terraform", "-chdir={}", "destroy"], unresolved: true });
  t("cat dirs | xargs -n 1 -P 4 terraform destroy", { program: "terraform", wrappers: ["xargs"], unresolved: true, stdin: "terminal" });
  t("printf 'a\\0b' | xargs -0 rm", { program: "rm", wrappers: ["xargs"] });
  t("echo yes | xargs terraform destroy", { program: "terraform", argv: ["terraform", "destroy", "yes"], stdin: "terminal" });
  t("xargs -a list.txt terraform destroy", { program: "terraform", unresolved: true });
  t("git ls-files | xargs sh -c 'terraform destroy'", { program: "terraform", wrappers: ["xargs", "sh -c"] });
  t("parallel terraform ::: destroy", { program: "terraform", argv: ["terraform", "destroy"], wrappers: ["parallel"] });
  t("parallel ::: 'terraform destroy' 'ls'", { program: "terraform", argv: ["terraform", "destroy"] });
  t("parallel -j2 'terraform -chdir={} destroy' ::: a b", { program: "terraform", argv: ["terraform", "-chdir=a", "destroy"] });
  t("ls | parallel terraform destroy", { program: "terraform", unresolved: true });
});

describe("remote and string-taking wrappers", () => {
  t("ssh host 'terraform destroy'", { program: "terraform", argv: ["terraform", "destroy"], wrappers: ["ssh"], depth: 1 });
  t("ssh -i key -p 2222 -o StrictHostKeyChecking=no user@host terraform destroy", { program: "terraform", wrappers: ["ssh"] });
  t("ssh host -t 'cd infra && terraform destroy'", { program: "terraform", wrappers: ["ssh"] });
  t("ssh host", { program: "ssh", argv: ["ssh", "host"] });
  t("ssh host <<EOF\nterraform destroy\nEOF", { program: "terraform", wrappers: ["ssh (stdin)"], stdin: "heredoc" });
  t("ssh host < deploy.sh", { program: "ssh", stdin: "file" });
  t("curl x | ssh host", { program: "ssh", unresolved: true });
  t("sudo su <<< 'terraform destroy'", { program: "terraform", wrappers: ["sudo", "su (stdin)"] });
  t("watch terraform destroy", { program: "terraform", wrappers: ["watch"] });
  t("watch -n 5 'terraform destroy'", { program: "terraform", wrappers: ["watch"] });
  t("watch -x terraform destroy", { program: "terraform", wrappers: ["watch"], depth: 0 });
  t("script -c 'terraform destroy' /dev/null", { program: "terraform", wrappers: ["script -c"] });
  t("script -q -c 'terraform destroy' log.txt", { program: "terraform", wrappers: ["script -c"] });
  t("su - root -c 'terraform destroy'", { program: "terraform", wrappers: ["su -c"] });
  t("su -c 'terraform destroy' deploy", { program: "terraform", wrappers: ["su -c"] });
});

it("the sudo chain keeps options that are values (sudo -u terraform ls)", () => {
  expect(programs("sudo -u terraform ls")).toEqual(["ls"]);
  expect(analyze("timeout 5 terraform destroy").commands).toHaveLength(1);
});
