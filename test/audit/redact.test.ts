import { describe, expect, it } from "vitest";
import { redactFacts, redactText, REDACTED } from "../../src/audit/index.js";
import { redactString } from "../../src/audit/redact.js";
import { looksLikeSecretToken, shannonEntropy } from "../../src/audit/entropy.js";
import { isSecretName } from "../../src/util/secret-name.js";

const R = REDACTED;

/** [input, expected] : exact redaction of commands and text. */
const REDACTS: ReadonlyArray<readonly [string, string]> = [
  // env assignments with secret-looking names
  ["AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMIK7MDENGbPxRfiCY terraform apply", `AWS_SECRET_ACCESS_KEY=${R} terraform apply`],
  ["export GITHUB_TOKEN=abc123; gh pr list", `export GITHUB_TOKEN=${R}; gh pr list`],
  ["DB_PASSWORD='hunter2 with spaces' ./migrate", `DB_PASSWORD='${R}' ./migrate`],
  ['STRIPE_API_KEY="sk_live_x" node app.js', `STRIPE_API_KEY="${R}" node app.js`],
  ["env MY_CLIENT_SECRET=s3cr3t PGPASSWORD=pw psql", `env MY_CLIENT_SECRET=${R} PGPASSWORD=${R} psql`],
  ["TF_VAR_db_passwd=x terraform plan", `TF_VAR_db_passwd=${R} terraform plan`],
  ["GOOGLE_CREDENTIALS=json-here gcloud", `GOOGLE_CREDENTIALS=${R} gcloud`],
  ["SSH_KEY=abc ./deploy", `SSH_KEY=${R} ./deploy`],
  // flags with secret-looking names
  ["mysql --password=hunter2 -u root", `mysql --password=${R} -u root`],
  ["vault login --token s.abcdef", `vault login --token ${R}`],
  ["cli --api-key 'k e y' --region us-east-1", `cli --api-key '${R}' --region us-east-1`],
  ["terraform apply -var 'db_password=a b c'", `terraform apply -var '${R}'`.replace("'", "'db_password=")],
  ["bash -lc 'DB_PASSWORD=x y ./run'", `bash -lc 'DB_PASSWORD=${R} y ./run'`],
  ["ssh host \"mysql -u root -phunter2 -e 'select 1'\"", `ssh host "mysql -u root -p${R} -e 'select 1'"`],
  ["aws configure set aws_secret_access_key foo", "aws configure set aws_secret_access_key foo"],
  ["terraform apply -var 'db_password=hunter2' -var region=eu", `terraform apply -var 'db_password=${R}' -var region=eu`],
  ['terraform apply -var="api_token=abc"', `terraform apply -var="api_token=${R}"`],
  ["terraform init -backend-config=password=pw1", `terraform init -backend-config=password=${R}`],
  ["curl -H 'X-Api-Key: abc123' https://x", `curl -H 'X-Api-Key: ${R}' https://x`],
  // program-specific short flags
  ["mysql -uroot -phunter2 mydb", `mysql -uroot -p${R} mydb`],
  ["mysqldump -p'pa ss' db > out.sql", `mysqldump -p'${R}' db > out.sql`],
  ["sshpass -p hunter2 ssh host", `sshpass -p ${R} ssh host`],
  ["redis-cli -a hunter2 ping", `redis-cli -a ${R} ping`],
  ["curl -u admin:hunter2 https://x", `curl -u admin:${R} https://x`],
  ["curl --user=admin:hunter2 https://x", `curl --user=admin:${R} https://x`],
  // nested shells
  [`bash -c "AWS_SECRET_ACCESS_KEY=abc terraform apply"`, `bash -c "AWS_SECRET_ACCESS_KEY=${R} terraform apply"`],
  [`sh -c 'mysql -phunter2 db'`, `sh -c 'mysql -p${R} db'`],
  // shapes
  ["aws s3 ls # AKIAIOSFODNN7EXAMPLE", `aws s3 ls # ${R}`],
  ["export AWS_ACCESS_KEY_ID=ASIAY34FZKBOKMUTVV7A", `export AWS_ACCESS_KEY_ID=${R}`],
  ["git clone https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/o/r", `git clone https://${R}@github.com/o/r`],
  ["echo github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz", `echo ${R}`],
  ["curl -d token=xoxb-1234567890-abcdefghij https://slack.com", `curl -d token=${R} https://slack.com`],
  ['curl -H "Authorization: Bearer eyJhbGciOi.eyJzdWIi.sig" https://api', `curl -H "Authorization: Bearer ${R}" https://api`],
  ['curl -H "Authorization: token abcdef123456" https://api', `curl -H "Authorization: token ${R}" https://api`],
  ["psql postgres://app:s3cret@db.internal:5432/app", `psql postgres://app:${R}@db.internal:5432/app`],
  ["git push https://user:p%40ss@git.example.com/repo.git", `git push https://user:${R}@git.example.com/repo.git`],
  [
    "echo '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----' > id_rsa",
    `echo '${R}' > id_rsa`,
  ],
  ["cat <<EOF\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA", `cat <<EOF\n${R}`],
  // high entropy
  ["deploy --x wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", `deploy --x ${R}`],
  ["echo 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08c0ffee", `echo ${R}`],
  ["echo dGhpcyBpcyBhIHNlY3JldCB0b2tlbiB2YWx1ZSAxMjM0NTY3ODk=", `echo ${R}`],
];

/** Everyday commands that must come through untouched. */
const KEEPS: readonly string[] = [
  "terraform plan -out tfplan",
  "mkdir -p /tmp/a/b && cp -p x y",
  "ssh -p 2222 host",
  "docker run -p 8080:80 nginx",
  "git add -p",
  "git checkout 3f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39",
  "docker pull nginx@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
  "terraform state pull > 5f1b3c2a-1d4e-4f6a-9b8c-7d6e5f4a3b2c.tfstate",
  "ls /usr/local/lib/node_modules/typescript/lib/typescript",
  "kubectl get pods -l app.kubernetes.io/name=my-application-frontend-service",
  "aws iam get-role --role-name MyVeryLongRoleNameForDeploymentPipeline",
  "aws secretsmanager get-secret-value --secret-id prod/db/password-rotation",
  "AWS_SHARED_CREDENTIALS_FILE=~/.aws/credentials aws s3 ls",
  "AWS_PROFILE=prod AWS_REGION=eu-west-1 terraform apply",
  "docker login --password-stdin registry.example.com",
  "mysql -p mydb",
  "echo the bearer of bad news",
  "PWD=/x KEY=value npm test",
  "aws sts get-session-token --duration-seconds 900",
  "npm install --save-dev @typescript-eslint/eslint-plugin",
  "git commit -m 'Rotate the token used by the deploy job'",
  "curl https://example.com/path/to/resource?page=2",
  "cdk deploy MyApplicationStackProductionEuWest1",
];

describe("redactText", () => {
  it.each(REDACTS)("redacts %j", (text, expected) => {
    expect(redactText(text)).toBe(expected);
  });

  it.each(KEEPS)("keeps %j", (text) => {
    expect(redactText(text)).toBe(text);
  });
});

describe("redactString remembered", () => {
  // A service redacts the same strings again and again and remembers their redacted form: the remembered
  // answer must be the redacted one, before and after the memory is full and the oldest are forgotten.
  it("gives the redacted form on every call, however many other strings came between", () => {
    const line = "curl -H 'Authorization: Bearer ghp_aB3dE6gH9jK2mN5pQ8rS1tU4vW7xY0zC3eF6' https://api.github.com";
    const first = redactString(line);
    expect(first).not.toContain("ghp_aB3dE6");
    expect(redactString(line)).toBe(first);
    for (let i = 0; i < 5000; i++) redactString(`terraform plan -var build=${i}`);
    expect(redactString(line)).toBe(first);
    expect(redactString(`mysql -u root -phunter2-${"x".repeat(2000)}`)).not.toContain("hunter2");
  });
});

describe("names and entropy", () => {
  it("classifies names", () => {
    for (const n of ["AWS_SECRET_ACCESS_KEY", "GITHUB_TOKEN", "db_password", "apiKey", "--client-secret", "PGPASSWORD", "X_PASSWD", "MY_CREDENTIALS", "ENCRYPTION_KEY", "private_key"]) {
      expect(isSecretName(n), n).toBe(true);
    }
    for (const n of ["AWS_REGION", "key", "PWD", "MONKEY", "SECRET_ID", "TOKEN_FILE", "AWS_SHARED_CREDENTIALS_FILE", "password-stdin", "NO_TOKEN", "AWS_ACCESS_KEY_ID"]) {
      expect(isSecretName(n), n).toBe(false);
    }
  });

  it("measures entropy", () => {
    expect(shannonEntropy("")).toBe(0);
    expect(shannonEntropy("aaaa")).toBe(0);
    expect(shannonEntropy("abcd")).toBe(2);
    expect(looksLikeSecretToken("a".repeat(64))).toBe(false);
    expect(looksLikeSecretToken("Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5")).toBe(true);
  });
});

describe("redactFacts", () => {
  it("drops file contents, redacts secret keys and strings, keeps the rest", () => {
    const facts = {
      program: "terraform",
      operation: "apply",
      flags: ["auto-approve"],
      content: "resource \"aws_instance\" ...",
      tool_input: { file_path: "/x/main.tf", new_string: "a", old_string: "b", edits: [{}] },
      env: { AWS_SECRET_ACCESS_KEY: "abc", AWS_REGION: "eu-west-1", TF_TOKEN_app_terraform_io: 42 },
      secrets: { nested: ["one", "two"] },
      secretFiles: [".env"],
      password: true,
      argv: ["mysql", "-phunter2"],
      count: 3,
      missing: undefined,
    };
    expect(redactFacts(facts)).toEqual({
      program: "terraform",
      operation: "apply",
      flags: ["auto-approve"],
      tool_input: { file_path: "/x/main.tf" },
      env: { AWS_SECRET_ACCESS_KEY: R, AWS_REGION: "eu-west-1", TF_TOKEN_app_terraform_io: R },
      secrets: { nested: [R, R] },
      secretFiles: [".env"],
      password: true,
      argv: ["mysql", `-p${R}`],
      count: 3,
    });
  });

  it("redacts an argv with context: a secret flag redacts the next element", () => {
    expect(redactFacts({ argv: ["vault", "login", "--token", "s.abc", "-method=token"] }).argv).toEqual(["vault", "login", "--token", R, "-method=token"]);
    expect(redactFacts({ argv: ["curl", "-u", "me:pw", "-H", "Authorization: Bearer abcdef123", "https://x"] }).argv).toEqual([
      "curl", "-u", `me:${R}`, "-H", `Authorization: Bearer ${R}`, "https://x",
    ]);
    expect(redactFacts({ argv: ["bash", "-c", "DB_PASSWORD=pw ./run"] }).argv).toEqual(["bash", "-c", `DB_PASSWORD=${R} ./run`]);
    expect(redactFacts({ argv: ["aws", "s3", "ls", "--profile", "prod"] }).argv).toEqual(["aws", "s3", "ls", "--profile", "prod"]);
  });

  it("redacts shapes inside strings at any depth", () => {
    const out = redactFacts({ a: { b: [{ c: "key AKIAIOSFODNN7EXAMPLE here" }] } });
    expect(out).toEqual({ a: { b: [{ c: `key ${R} here` }] } });
  });

  it("bounds depth, width and length, and survives cycles and odd values", () => {
    const cyclic: Record<string, unknown> = { name: "x" };
    cyclic.self = cyclic;
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 20; i++) deep = { d: deep };
    const out = redactFacts({
      cyclic,
      deep,
      long: "x".repeat(10_000),
      wide: Array.from({ length: 500 }, (_, i) => i),
      big: 10n,
      nan: Number.NaN,
      when: new Date("2025-01-01T00:00:00Z"),
      fn: () => 1,
      ["__proto__"]: "data",
    } as Record<string, unknown>);
    expect(out.cyclic).toEqual({ name: "x", self: "[CIRCULAR]" });
    expect(JSON.stringify(out.deep)).toContain("TRUNCATED");
    expect((out.long as string).length).toBeLessThan(4200);
    expect((out.wide as unknown[]).length).toBe(101);
    expect(out.big).toBe("10");
    expect(out.nan).toBe("NaN");
    expect(out.when).toBe("2025-01-01T00:00:00.000Z");
    expect("fn" in out).toBe(false);
  });

  it("keeps a secret whole even when the string is cut", () => {
    const long = `${"a ".repeat(2040)}AKIAIOSFODNN7EXAMPLE`;
    const out = redactFacts({ s: long }).s as string;
    expect(out).not.toContain("AKIA");
  });
});

describe("redaction cannot backtrack catastrophically", () => {
  const MiB = 1024 * 1024;
  const rep = (unit: string): string => unit.repeat(Math.ceil(MiB / unit.length)).slice(0, MiB);
  const adversarial: Record<string, string> = {
    "one long word": rep("a"),
    "base64 run": rep("Ab3+"),
    "random-ish base64 run": Array.from({ length: MiB }, (_, i) => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[(i * 7919 + (i >> 3)) % 64]).join(""),
    "31-char runs": rep(`${"x".repeat(31)} `),
    "hex run": rep("0123456789abcdef"),
    "key BEGIN markers without END": rep("-----BEGIN RSA PRIVATE KEY-----"),
    "almost a BEGIN marker": rep("-----BEGIN AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA "),
    "scheme starts": rep("a://"),
    "credential URL without @": `https://user:${"p".repeat(MiB)}`,
    "many user: pieces": rep("a://x:"),
    "AKIA prefixes": rep("AKIA"),
    "ghp_ prefixes": rep("ghp_abc"),
    "xoxb- prefixes": rep("xoxb-"),
    "Bearer repeats": rep("Bearer "),
    "Authorization repeats": rep("Authorization: "),
    "assignments": rep("A_TOKEN="),
    "secret flags without values": rep("--password "),
    "secret flags with values": rep("--token x "),
    "mysql -p words": `mysql ${rep("-px ")}`,
    "unterminated double quote with escapes": `"${rep("\\\"")}`,
    "nested quotes": rep(`'a "b `),
    "quoted words with blanks": rep(`"a b" `),
    "separators": rep(";&|"),
    "header names": rep("X-Api-Key: "),
    "camel names": rep("aB"),
  };

  it.each(Object.keys(adversarial))("%s (1 MiB) completes", (name) => {
    const text = adversarial[name] as string;
    const started = performance.now();
    const out = redactText(text);
    const elapsed = performance.now() - started;
    expect(typeof out).toBe("string");
    // Generous bound: catastrophic backtracking would take minutes, not seconds.
    expect(elapsed).toBeLessThan(5000);
  });

  it("facts with a 1 MiB string complete", () => {
    const out = redactFacts({ a: adversarial["random-ish base64 run"], b: [adversarial["assignments"]] });
    expect(out.a).toMatch(/^\[REDACTED\]\.\.\.\[TRUNCATED \d+ chars\]$/);
    expect((out.b as string[])[0]?.length).toBeLessThan(4200);
  });
});
