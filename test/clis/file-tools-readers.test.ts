/** Readers are a class: every program that reads a file named on its command line yields file.read, and a
 *  recursive search yields a read of each root with the tool's filters (`{search ...}`), which the enrich
 *  stage lists (test/enrich/search-roots.test.ts). Paths relative to /ws; `~` is /home/u. */
import { describe, expect, it } from "vitest";
import { interpretDatabase } from "../../src/clis/databases/index.js";
import { interpretFileTool } from "../../src/clis/file-tools/index.js";
import type { FileEffect } from "../../src/shell/types.js";
import { render, sc, type CmdOptions } from "./file-tools-cases.js";

function show(e: FileEffect): string {
  const s = e.search;
  if (!s) return render(e);
  const parts = [
    s.hidden ? "hidden" : "",
    s.gitignore ? "gitignore" : "",
    s.include.length ? `include=${s.include.join(",")}` : "",
    s.exclude.length ? `exclude=${s.exclude.join(",")}` : "",
    s.excludeDir.length ? `exclude-dir=${s.excludeDir.join(",")}` : "",
    s.globs.length ? `globs=${s.globs.join(",")}` : "",
  ].filter(Boolean);
  return `${render(e)} {search ${parts.join(" ")}}`.replace(/ }$/, "}");
}

function t(line: string, expected: readonly string[], opts: CmdOptions = {}): void {
  it(line, () => {
    expect(interpretFileTool(sc(line, opts)).files.map(show)).toEqual(expected);
  });
}

describe("grep family", () => {
  t("grep token ~/.kube/config", ["read ~/.kube/config"]);
  t("grep -i password .env.production", ["read .env.production"]);
  t("grep -e a -e b x.txt y.txt", ["read x.txt", "read y.txt"]);
  t("grep -f patterns.txt .env", ["read patterns.txt", "read .env"]);
  t("grep -A 3 -m 1 TODO src/a.ts", ["read src/a.ts"]);
  t("egrep 'a|b' .env", ["read .env"]);
  t("grep -r aws_secret ~", ["read ~ {search hidden}"]);
  t("grep -rn TODO src/", ["read src {search hidden}"]);
  t("grep -R x", ["read . {search hidden}"]);
  t("grep -d recurse x dir", ["read dir {search hidden}"]);
  t("grep -r --include='*.ts' --exclude=.env --exclude-dir=.git x .", ["read . {search hidden include=*.ts exclude=.env exclude-dir=.git}"]);
  t("grep AWS", []);
});

describe("rg / ag / ack", () => {
  t("rg token", ["read . {search gitignore}"]);
  t("rg token ~", ["read ~ {search gitignore}"]);
  t("rg --hidden token ~", ["read ~ {search hidden gitignore}"]);
  t("rg -uu token", ["read . {search hidden}"]);
  t("rg -u token", ["read . {search}"]);
  t("rg --no-ignore token", ["read . {search}"]);
  t("rg -g '*.ts' -g '!dist' x src", ["read src {search gitignore globs=*.ts,!dist}"]);
  t("rg -t ts x", ["read . {search gitignore include=*.ts,*.tsx,*.cts,*.mts}"]);
  t("rg -e a -e b src lib", ["read src {search gitignore}", "read lib {search gitignore}"]);
  t("rg --files", []);
  t("ag password", ["read . {search gitignore}"]);
  t("ag --hidden password ~", ["read ~ {search hidden gitignore}"]);
  t("ag -g names", []);
  t("ack password", ["read . {search hidden}"]);
  t("ack -f", []);
});

describe("other readers", () => {
  t("awk 1 ~/.aws/credentials", ["read ~/.aws/credentials"]);
  t("awk -F= '{print $2}' .env", ["read .env"]);
  t("awk -f prog.awk data.csv v=1", ["read prog.awk", "read data.csv"]);
  t("jq . package.json", ["read package.json"]);
  t("jq -r .auths ~/.docker/config.json", ["read ~/.docker/config.json"]);
  t("jq --arg k v '.[$k]' terraform.tfstate", ["read terraform.tfstate"]);
  t("jq -n --args '$ARGS' a b", []);
  t("jq --slurpfile s secrets/x.json -n '$s'", ["read secrets/x.json"]);
  t("yq . ~/.kube/config", ["read ~/.kube/config"]);
  t("yq e '.users' ~/.kube/config", ["read ~/.kube/config"]);
  t("yq config/app.yaml", ["read config/app.yaml"]);
  // sqlite3 is interpreted by src/clis/databases/ (its statements), which keeps these reads.
  for (const [line, expected] of [
    ["sqlite3 ~/.config/gcloud/credentials.db .dump", ["read ~/.config/gcloud/credentials.db"]],
    ["sqlite3 -readonly -cmd '.mode json' app.db 'select 1'", ["read app.db"]],
  ] as const) {
    it(line, () => expect(interpretDatabase(sc(line)).files.map(show)).toEqual(expected));
  }
  t("diff .env .env.example", ["read .env", "read .env.example"]);
  t("diff -r a b", ["read a {search hidden}", "read b {search hidden}"]);
  t("cmp a.bin b.bin", ["read a.bin", "read b.bin"]);
  t("sort -k 2 prod.tfvars", ["read prod.tfvars"]);
  t("cut -d= -f2 .env", ["read .env"]);
  t("hexdump -C id_rsa", ["read id_rsa"]);
  t("openssl rsa -in certs/server.key -text", ["read certs/server.key"]);
  t("openssl x509 -in cert.pem -noout -out x.txt", ["read cert.pem", "write x.txt"]);
  t("zip - ~/.aws/credentials", ["read ~/.aws/credentials"]);
  t("zip out.zip a b", ["read a", "read b", "write out.zip"]);
  t("python3 read.py ~/.aws/credentials", ["read read.py", "read ~/.aws/credentials"]);
  t("node scripts/x.js --out build", ["read scripts/x.js", "read build"]);
  t("find ~ -name credentials -exec cat {} \\;", ["read ~ {search hidden include=credentials}"]);
  t("find . -name '*.env' -execdir head -1 {} +", ["read . {search hidden include=*.env}"]);
  t("find . -name '*.ts'", []);
});

describe("copies from a template", () => {
  it("cp X.example X writes X via 'cp template'; another source is a plain cp", () => {
    const vias = (line: string): string[] => interpretFileTool(sc(line)).files.filter((e) => e.op === "write").map((e) => e.via);
    // (the second write, `dest/<source name>` in case dest is a folder, is settled by the enrich stage)
    expect(vias("cp terraform.tfvars.example terraform.tfvars")[0]).toBe("cp template");
    expect(vias("cp config/.env.sample .env")[0]).toBe("cp template");
    expect(vias("cp prod.tfvars terraform.tfvars")).not.toContain("cp template");
    expect(vias("cp a.example b.example dir/")).not.toContain("cp template");
  });
});

describe("inline code", () => {
  it("python -c open('~/.aws/credentials') reads the file", () => {
    const cmd = { ...sc("python3 -c x"), inlineCode: "print(open('/home/u/.aws/credentials').read())" };
    expect(interpretFileTool(cmd).files.map(show)).toContain("read ~/.aws/credentials");
  });
  it("node -e with HOME + '/.aws/credentials' reads the home file", () => {
    const cmd = { ...sc("node -e x"), inlineCode: "require('fs').readFileSync(process.env.HOME + '/.aws/credentials')" };
    expect(interpretFileTool(cmd).files.map(show)).toContain("read ~/.aws/credentials");
  });
});
