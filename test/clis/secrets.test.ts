/** The secrets family (src/clis/secrets/): commands whose purpose is to print a secret or a credential
 *  yield secret.print with a kind (credential / secret / metadata-credentials), the secret-holding names
 *  they print, and whether the output is piped straight into a login (intoLogin). */
import { describe, expect, it } from "vitest";
import { interpretCurlWget } from "./secrets-support.js";
import { interpretGit } from "../../src/clis/git/index.js";
import { interpretSecrets } from "../../src/clis/secrets/index.js";
import { holdsSecret } from "../../src/clis/secrets/names.js";
import { isSecretSink } from "../../src/clis/secrets/sinks.js";
import { interpretEnvExport } from "../../src/clis/terraform/index.js";
import type { Interpreter } from "../../src/clis/types.js";
import type { SecretPrint } from "../../src/facts/generated/65-secrets.js";
import type { SimpleCommand } from "../../src/shell/types.js";
import { sc } from "./file-tools-cases.js";

const ENV = { AWS_SECRET_ACCESS_KEY: "abc", GITHUB_TOKEN: "ghp_x", DATABASE_URL: "postgres://u:pw@db/app", PATH: "/usr/bin", EDITOR: "vi" };

function show(interpret: Interpreter, cmd: SimpleCommand): string[] {
  return interpret(cmd).operations.map((op) => {
    const c = op.context as SecretPrint;
    return `${c.kind} ${c.operation}${c.names.length ? ` [${c.names.join(",")}]` : ""}${c.intoLogin ? " into-login" : ""}`;
  });
}

function t(interpret: Interpreter, line: string, expected: readonly string[], extra: Partial<SimpleCommand> = {}): void {
  it(line, () => {
    expect(show(interpret, { ...sc(line, { env: ENV }), ...extra })).toEqual(expected);
  });
}

describe("environment printers", () => {
  t(interpretSecrets, "printenv AWS_SECRET_ACCESS_KEY", ["secret printenv [AWS_SECRET_ACCESS_KEY]"]);
  t(interpretSecrets, "printenv PATH EDITOR", []);
  t(interpretSecrets, "printenv", ["secret printenv (all) [AWS_SECRET_ACCESS_KEY,DATABASE_URL,GITHUB_TOKEN]"]);
  t(interpretSecrets, "env", ["secret env (all) [AWS_SECRET_ACCESS_KEY,DATABASE_URL,GITHUB_TOKEN]"]);
  t(interpretSecrets, "env -0", ["secret env (all) [AWS_SECRET_ACCESS_KEY,DATABASE_URL,GITHUB_TOKEN]"]);
  t(interpretSecrets, "env ls", []);
  // single quotes here: the table's splitter would expand $X; the shell stage leaves inherited variables as `$X`
  t(interpretSecrets, "echo '$GITHUB_TOKEN'", ["secret variables [GITHUB_TOKEN]"]);
  t(interpretSecrets, "echo '${DB_PASSWORD:-none}'", ["secret variables [DB_PASSWORD]"]);
  t(interpretSecrets, "printf '%s' '$STRIPE_SECRET_KEY'", ["secret variables [STRIPE_SECRET_KEY]"]);
  t(interpretSecrets, "echo '$AWS_ACCESS_KEY_ID $AWS_REGION'", []);
  t(interpretSecrets, "echo '$NEXT_PUBLIC_API_KEY'", []);
  t(interpretSecrets, "echo done", []);
  t(interpretSecrets, "echo shop", ["secret variables [APP_NAME]"], { dotenvArgs: ["APP_NAME"] });
  t(interpretSecrets, "set", ["secret set (all) [AWS_SECRET_ACCESS_KEY,DATABASE_URL,GITHUB_TOKEN]"]);
  t(interpretSecrets, "set -euo pipefail", []);
  t(interpretEnvExport, "declare -p", ["secret declare -p (all) [AWS_SECRET_ACCESS_KEY,DATABASE_URL,GITHUB_TOKEN]"]);
  t(interpretEnvExport, "declare -p GITHUB_TOKEN EDITOR", ["secret declare -p [GITHUB_TOKEN]"]);
  t(interpretEnvExport, "export -p", ["secret export -p (all) [AWS_SECRET_ACCESS_KEY,DATABASE_URL,GITHUB_TOKEN]"]);
  t(interpretEnvExport, "declare -f", []);
  t(interpretSecrets, "printenv GITHUB_TOKEN", ["secret printenv [GITHUB_TOKEN] into-login"], { stdoutTo: ["gh", "auth", "login", "--with-token"] });
  t(interpretSecrets, "printenv GITHUB_TOKEN", ["secret printenv [GITHUB_TOKEN]"], { stdoutTo: ["base64"] });
});

describe("vault, credential helpers, git credential", () => {
  t(interpretSecrets, "vault kv get secret/app", ["secret kv get"]);
  t(interpretSecrets, "vault kv get -field=password secret/app", ["secret kv get"]);
  t(interpretSecrets, "vault read database/creds/app", ["secret read"]);
  t(interpretSecrets, "vault read sys/mounts", []);
  t(interpretSecrets, "vault token create -policy=x", ["credential token create"]);
  t(interpretSecrets, "vault token lookup", ["credential token lookup"]);
  t(interpretSecrets, "vault print token", ["credential print token"]);
  t(interpretSecrets, "vault login -method=oidc", ["credential login"]);
  t(interpretSecrets, "vault login -no-print -method=oidc", []);
  t(interpretSecrets, "vault kv list secret/", []);
  t(interpretSecrets, "vault kv metadata get secret/app", []);
  t(interpretSecrets, "vault status", []);
  t(interpretSecrets, "docker-credential-desktop get", ["credential get"]);
  t(interpretSecrets, "docker-credential-osxkeychain list", []);
  t(interpretGit, "git credential fill", ["credential credential fill"]);
  t(interpretGit, "git credential-store get", ["credential credential-store get"]);
  t(interpretGit, "git credential approve", []);
});

describe("instance metadata", () => {
  t(interpretCurlWget, "curl http://169.254.169.254/latest/meta-data/iam/security-credentials/web", ["metadata-credentials imds credentials"]);
  t(interpretCurlWget, "curl -s 169.254.169.254/latest/meta-data/iam/security-credentials/", ["metadata-credentials imds credentials"]);
  t(interpretCurlWget, "wget -qO- http://[fd00:ec2::254]/latest/meta-data/iam/security-credentials/r", ["metadata-credentials imds credentials"]);
  t(interpretCurlWget, "curl http://169.254.169.254/latest/meta-data/identity-credentials/ec2/security-credentials/ec2-instance", ["metadata-credentials imds credentials"]);
  t(interpretCurlWget, "curl -H X-aws-ec2-metadata-token:t --url http://169.254.169.254/latest/meta-data/iam/security-credentials/r", ["metadata-credentials imds credentials"]);
  t(interpretCurlWget, "curl http://169.254.170.2/v2/credentials/abc", ["metadata-credentials ecs task credentials"]);
  t(interpretCurlWget, "curl 'http://169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI'", ["metadata-credentials ecs task credentials"]);
  t(interpretCurlWget, "curl -H Metadata-Flavor:Google http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token", ["metadata-credentials gcp metadata token"]);
  t(interpretCurlWget, "curl -H Metadata:true 'http://169.254.169.254/metadata/identity/oauth2/token?resource=https://management.azure.com/'", ["metadata-credentials azure managed identity token"]);
  t(interpretCurlWget, "curl http://169.254.169.254/latest/user-data", ["secret imds user-data"]);
  t(interpretCurlWget, "curl -X PUT http://169.254.169.254/latest/api/token -H X-aws-ec2-metadata-token-ttl-seconds:21600", []);
  t(interpretCurlWget, "curl -s http://169.254.169.254/latest/meta-data/instance-id", []);
  t(interpretCurlWget, "curl https://example.com/iam/security-credentials/x", []);
});

describe("secret-holding names and login sinks", () => {
  it.each([
    ["AWS_SECRET_ACCESS_KEY", true], ["GITHUB_TOKEN", true], ["DB_PASSWORD", true], ["STRIPE_SECRET_KEY", true], ["OPENAI_API_KEY", true],
    ["DATABASE_URL", true], ["REDIS_URL", true], ["SENTRY_DSN", true], ["AWS_ACCESS_KEY_ID", false], ["AWS_REGION", false],
    ["NEXT_PUBLIC_STRIPE_KEY", false], ["STRIPE_PUBLISHABLE_KEY", false], ["TOKENIZERS_PARALLELISM", false], ["PATH", false],
    ["AWS_SHARED_CREDENTIALS_FILE", false],
  ] as const)("%s holds a secret: %s", (name, expected) => expect(holdsSecret(name)).toBe(expected));
  it("a URL with a password holds a secret, whatever its name", () => {
    expect(holdsSecret("UPSTREAM", "https://user:pw@example.com/x")).toBe(true);
    expect(holdsSecret("HOMEPAGE", "https://example.com/x")).toBe(false);
  });
  it.each([
    [["docker", "login", "--username", "AWS", "--password-stdin", "r"], true],
    [["sudo", "docker", "login", "-u", "AWS", "--password-stdin", "r"], true],
    [["helm", "registry", "login", "r", "--password-stdin"], true],
    [["gh", "auth", "login", "--with-token"], true],
    [["gh", "secret", "set", "TOKEN"], true],
    [["kubectl", "create", "secret", "generic", "s", "--from-file=token=/dev/stdin"], true],
    [["docker", "login", "r"], false],
    [["tee", "out.txt"], false],
    [["base64"], false],
  ] as const)("%j is a login sink: %s", (words, expected) => expect(isSecretSink(words)).toBe(expected));
});
