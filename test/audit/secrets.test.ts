import { parse } from "shell-quote";
import { afterEach, beforeEach, expect, it } from "vitest";
import { appendAudit } from "../../src/audit/index.js";
import { input, rawLog, removeHome, tempHome } from "./helpers.js";

let home: string;
beforeEach(async () => {
  home = await tempHome();
});
afterEach(async () => {
  await removeHome(home);
});

/** Each secret is a marker that must not appear anywhere under <home>/audit. */
const SECRETS = {
  envKey: "wJalrXUtnFEMIK7MDENGbPxRfiCYqqSECRET1",
  password: "hunter2-zz",
  token: "s.vaulttoken-zz",
  akia: "AKIAZZZZZZZZZZZZZZZZ",
  ghp: "ghp_zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
  slack: "xoxb-zzzzzzzzzz-zzzzzzzz",
  bearer: "eyJzzzzzzz.eyJzzzzzzz.zzzzzz",
  urlPassword: "urlpass-zz",
  mysql: "mysqlpass-zz",
  keyBody: "MIIEzzzzPRIVATEKEYBODYzz",
  factEnv: "fact-secret-zz",
  fileContent: "FILE CONTENT MARKER zz",
  editOld: "OLD STRING MARKER zz",
  highEntropy: "k3J9xQ7vLp2ZrT8mWc4YhN6bF1sDg0aE5uKoRiVe",
};

it("no secret from commands, facts or file contents reaches the log", async () => {
  const actions = [
    `AWS_SECRET_ACCESS_KEY=${SECRETS.envKey} terraform apply -auto-approve`,
    `mysql --password=${SECRETS.password} -e 'drop database prod'`,
    `vault login --token ${SECRETS.token}`,
    `aws s3 ls # ${SECRETS.akia}`,
    `git clone https://${SECRETS.ghp}@github.com/o/r`,
    `curl -d token=${SECRETS.slack} https://slack.com/api`,
    `curl -H "Authorization: Bearer ${SECRETS.bearer}" https://api`,
    `psql postgres://app:${SECRETS.urlPassword}@db:5432/app`,
    `bash -c "mysql -uroot -p${SECRETS.mysql} prod"`,
    `printf '-----BEGIN EC PRIVATE KEY-----\n${SECRETS.keyBody}\n-----END EC PRIVATE KEY-----' > key.pem`,
    `deploy --signature ${SECRETS.highEntropy}`,
  ];
  for (const action of actions) {
    const r = await appendAudit(
      home,
      input({
        action,
        facts: {
          // The argv as the shell stage would hand it over (quotes removed, operators dropped).
          argv: parse(action).filter((w): w is string => typeof w === "string"),
          env: { DB_PASSWORD: SECRETS.factEnv },
          tool_input: { file_path: "/x/.env", content: SECRETS.fileContent, old_string: SECRETS.editOld },
        },
        reason: `denied: ${action}`,
      }),
    );
    expect(r.ok).toBe(true);
  }
  // A Write tool call whose content is the secret, as an agent would send it.
  await appendAudit(home, input({ tool: "Write", action: "Write /x/terraform.tfvars", facts: { content: SECRETS.password, file_path: "/x/terraform.tfvars" } }));

  const raw = await rawLog(home);
  for (const [name, secret] of Object.entries(SECRETS)) {
    expect(raw.includes(secret), `${name} leaked`).toBe(false);
  }
  // What matters for reconstruction is still there.
  expect(raw).toContain("terraform apply -auto-approve");
  expect(raw).toContain("drop database prod");
  expect(raw).toContain("Write /x/terraform.tfvars");
  expect(raw).toContain("/x/.env");
});
