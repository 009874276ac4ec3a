import { describe, expect, it } from "vitest";
import { analyze } from "./helpers.js";

function files(source: string, env?: Record<string, string>) {
  return analyze(source, env ? { env } : {}).files.map((f) => ({ op: f.op, path: f.path, via: f.via, ...(f.unresolved ? { unresolved: true } : {}) }));
}

describe("redirections are the shell's own file effects", () => {
  const cases: [string, ReturnType<typeof files>][] = [
    ["echo x > out.txt", [{ op: "write", path: "/work/repo/out.txt", via: "redirect >" }]],
    ["echo x >> log", [{ op: "write", path: "/work/repo/log", via: "redirect >>" }]],
    ["echo x >| f", [{ op: "write", path: "/work/repo/f", via: "redirect >|" }]],
    ["make &> build.log", [{ op: "write", path: "/work/repo/build.log", via: "redirect &>" }]],
    ["make &>> build.log", [{ op: "write", path: "/work/repo/build.log", via: "redirect &>>" }]],
    ["make 2> err.log", [{ op: "write", path: "/work/repo/err.log", via: "redirect >" }]],
    ["make >& all.log", [{ op: "write", path: "/work/repo/all.log", via: "redirect >&" }]],
    ["exec 3<> sock", [{ op: "write", path: "/work/repo/sock", via: "redirect <>" }]],
    ["wc -l < terraform.tfstate", [{ op: "read", path: "/work/repo/terraform.tfstate", via: "redirect <" }]],
    ["echo x > /etc/hosts", [{ op: "write", path: "/etc/hosts", via: "redirect >" }]],
    ["echo x > ~/.aws/credentials", [{ op: "write", path: "/home/agent/.aws/credentials", via: "redirect >" }]],
    ["echo x > ../up.txt", [{ op: "write", path: "/work/up.txt", via: "redirect >" }]],
    ["cd infra && echo '{}' > terraform.tfstate", [{ op: "write", path: "/work/repo/infra/terraform.tfstate", via: "redirect >" }]],
    ["echo x > \"$OUT\"", [{ op: "write", path: "/work/repo/$OUT", via: "redirect >", unresolved: true }]],
    ["F=state.tf; echo x > $F", [{ op: "write", path: "/work/repo/state.tf", via: "redirect >" }]],
    ["cat > notes.md <<EOF\nterraform destroy\nEOF", [{ op: "write", path: "/work/repo/notes.md", via: "redirect >" }]],
    ["cat <<EOF > main.tf\nresource {}\nEOF", [{ op: "write", path: "/work/repo/main.tf", via: "redirect >" }]],
    ["bash -c 'echo x > /tmp/a'", [{ op: "write", path: "/tmp/a", via: "redirect >" }]],
    ["{ echo a; echo b; } > both.txt", [{ op: "write", path: "/work/repo/both.txt", via: "redirect >" }]],
    ["for i in 1; do echo; done > loop.txt", [{ op: "write", path: "/work/repo/loop.txt", via: "redirect >" }]],
    ["echo $(echo x > inner.txt)", [{ op: "write", path: "/work/repo/inner.txt", via: "redirect >" }]],
    ["echo x > /dev/null", []],
    ["echo x 2>/dev/null >/dev/stderr 1>/dev/stdout", []],
    ["echo x >&2", []],
    ["echo x 2>&1", []],
    ["echo x 1>&-", []],
    ["cat <&3", []],
    ["echo x > /dev/fd/3", []],
    ["terraform destroy <<< yes", []],
    ["echo 'x > y'", []],
  ];
  for (const [source, expected] of cases) {
    it(JSON.stringify(source), () => expect(files(source)).toEqual(expected));
  }
  it("keeps the command text on each effect", () => {
    expect(analyze("cd a && echo x > f").files[0]?.text).toBe("echo x > f");
  });
});
