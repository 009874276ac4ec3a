/** classifyPath: what a path is to infrastructure. Pure: decided from the path alone. */
import { describe, expect, it } from "vitest";
import { classifyPath, type PathClass } from "../../src/clis/path-classes.js";

const ctx = { root: "/ws", home: "/home/u", infragateHome: "/home/u/.local/state/infragate" };

function c(p: string, expected: readonly PathClass[]): void {
  it(`${p} -> ${expected.join(", ") || "(none)"}`, () => {
    expect(classifyPath(p.startsWith("/") ? p : `/ws/${p}`, ctx)).toEqual([...expected].sort());
  });
}

describe("state", () => {
  c("terraform.tfstate", ["tfstate"]);
  c("infra/prod/terraform.tfstate", ["tfstate"]);
  c("terraform.main.tfstate", ["tfstate"]);
  c("*.tfstate", ["tfstate"]);
  c("terraform.tfstate.backup", ["tfstate-backup"]);
  c("terraform.tfstate.1700000000.backup", ["tfstate-backup"]);
  c("old.tfstate.bak", ["tfstate-backup"]);
  c("terraform.tfstate.d/prod/terraform.tfstate", ["tfstate"]);
  c("terraform.tfstate.d", ["tfstate"]);
  c(".terraform/terraform.tfstate", ["backend-config", "terraform-dir"]);
  c(".terraform/environment", ["terraform-dir", "workspace-selector"]);
  c(".terraform", ["terraform-dir"]);
  c(".terraform/providers/registry.terraform.io/x", ["terraform-dir"]);
  c(".pulumi/stacks/dev.json", ["pulumi-state"]);
  c(".pulumi/backups/dev/dev.1.json", ["pulumi-state"]);
  c("/home/u/.pulumi/stacks/proj/dev.json", ["outside-workspace", "pulumi-state"]);
  c("plan.tfplan", ["plan"]);
  c("tfplan", ["plan"]);
  c("out.plan", ["plan"]);
  c("plan.out", ["plan"]);
  c(".terraform.lock.hcl", ["lock-file"]);
});

describe("IaC sources", () => {
  c("main.tf", ["iac-source"]);
  c("infra/backend.tf", ["iac-source"]);
  c("main.tf.json", ["iac-source"]);
  c("terragrunt.hcl", ["iac-source"]);
  c("cdk.json", ["iac-source"]);
  c("cdk.context.json", ["iac-source"]);
  c("Pulumi.yaml", ["iac-source"]);
  c("Pulumi.prod.yaml", ["iac-source"]);
});

describe("secrets and credentials", () => {
  c("prod.tfvars", ["tfvars"]);
  c("prod.auto.tfvars.json", ["tfvars"]);
  c("backend.tfbackend", ["tfvars"]);
  c("terraform.tfvars.example", []);
  c(".env", ["env"]);
  c(".env.production", ["env"]);
  c("config/prod.env", ["env"]);
  c(".envrc", ["env"]);
  c(".env.example", []);
  c(".env.sample", []);
  c(".env.template", []);
  c(".venv", []);
  c("secrets/db.json", ["secret"]);
  c("tls/server.pem", ["secret"]);
  c("tls/server.key", ["secret"]);
  c("deploy/id_rsa", ["secret"]);
  c("deploy/id_ed25519", ["secret"]);
  c("deploy/id_rsa.pub", []);
  c("/home/u/.ssh/config", ["outside-workspace", "secret"]);
  c("/home/u/.aws/credentials", ["credentials", "outside-workspace", "secret"]);
  c("/home/u/.aws/config", ["credentials", "outside-workspace", "secret"]);
  c("/home/u/.aws", ["credentials", "outside-workspace", "secret"]);
  c("/home/u/.aws/sso/cache/x.json", ["credentials", "outside-workspace", "secret"]);
  c("/home/u/.kube/config", ["credentials", "outside-workspace", "secret"]);
  c("/home/u/.terraform.d/credentials.tfrc.json", ["credentials", "outside-workspace", "secret"]);
  c("/home/u/.terraformrc", ["credentials", "outside-workspace", "secret"]);
  c("/home/u/.pulumi/credentials.json", ["credentials", "outside-workspace", "secret"]);
  c("/home/u/.docker/config.json", ["credentials", "outside-workspace", "secret"]);
  c("/home/u/.config/gcloud/application_default_credentials.json", ["credentials", "outside-workspace", "secret"]);
  c("/other/.aws/credentials", ["outside-workspace", "secret"]);
  c("/home/u/.vault-token", ["credentials", "outside-workspace", "secret"]);
  c("/home/u/.config/gcloud/credentials.db", ["credentials", "outside-workspace", "secret"]);
  c("/home/u/.config/gcloud/access_tokens.db", ["credentials", "outside-workspace", "secret"]);
  c("/home/u/.azure/msal_token_cache.json", ["credentials", "outside-workspace", "secret"]);
  c("/home/u/.npmrc", ["credentials", "outside-workspace", "secret"]);
  c("/home/u/.pypirc", ["credentials", "outside-workspace", "secret"]);
  c("/home/u/.netrc", ["credentials", "outside-workspace", "secret"]);
  c("/home/u/.git-credentials", ["credentials", "outside-workspace", "secret"]);
  c("/home/u/.config/gh/hosts.yml", ["credentials", "outside-workspace", "secret"]);
  c("/home/u/.claude/.credentials.json", ["credentials", "outside-workspace", "secret"]);
  c("/home/u/.config/doctl/config.yaml", ["credentials", "outside-workspace", "secret"]);
  c("/home/u/.fly/config.yml", ["credentials", "outside-workspace", "secret"]);
  c("/home/u/.supabase/access-token", ["credentials", "outside-workspace", "secret"]);
  c("/home/u/.local/share/com.vercel.cli/auth.json", ["credentials", "outside-workspace", "secret"]);
  c("/home/u/.ssh/id_rsa", ["credentials", "outside-workspace", "secret"]);
  c("/home/u/.ssh/id_ed25519_sk", ["credentials", "outside-workspace", "secret"]);
  c("/home/u/.ssh/id_ed25519.pub", ["outside-workspace"]);
  c("/home/u/.ssh/known_hosts", ["outside-workspace", "secret"]);
  c("/home/u/.claude/settings.json", ["hook-config", "outside-workspace"]);
  // a secrets/ folder holds secrets, but code and docs about secrets are not secrets
  c("src/secrets/index.ts", []);
  c("docs/secrets/rotation.md", []);
  c("infra/secrets/main.tf", ["iac-source"]);
  c("secrets/prod.yaml", ["secret"]);
  c("secrets", ["secret"]);
  c("/proc/self/environ", ["outside-workspace", "secret"]);
  c("/proc/1234/environ", ["outside-workspace", "secret"]);
  c("/proc/self/status", ["outside-workspace"]);
});

describe("$KUBECONFIG", () => {
  it("a kubeconfig named by KUBECONFIG is a credential", () => {
    expect(classifyPath("/ws/ci/kube.yaml", { ...ctx, kubeconfigs: ["/ws/ci/kube.yaml"] })).toEqual(["credentials", "secret"]);
    expect(classifyPath("/ws/ci/other.yaml", { ...ctx, kubeconfigs: ["/ws/ci/kube.yaml"] })).toEqual([]);
  });
});

describe("guard and hook config", () => {
  c(".claude/settings.json", ["hook-config"]);
  c(".claude/settings.local.json", ["hook-config"]);
  c(".claude/hooks/guard.sh", ["hook-config"]);
  c("/home/u/.claude/settings.json", ["hook-config", "outside-workspace"]);
  c("/home/u/.claude/plugins/cache/x/hooks/hooks.json", ["hook-config", "outside-workspace"]);
  c(".claude/commands/deploy.md", []);
  c(".claude/agents/x.md", []);
  c(".cursor/hooks.json", ["hook-config"]);
  c(".cursor/hooks/run.sh", ["hook-config"]);
  c(".cursor/rules/guard.mdc", ["hook-config"]);
  c(".gemini/settings.json", ["hook-config"]);
  c(".codex/hooks.json", ["hook-config"]);
  c(".codex/config.toml", ["hook-config"]);
  c(".windsurf/hooks.json", ["hook-config"]);
  c(".git/hooks/pre-commit", ["hook-config"]);
  c(".git/config", ["hook-config"]);
  c(".git/HEAD", []);
  c(".husky/pre-commit", ["hook-config"]);
  c(".github/hooks/infragate.json", ["hook-config"]);
  c("/home/u/.copilot/hooks/infragate.json", ["hook-config", "outside-workspace"]);
  c("/home/u/.copilot/settings.json", ["hook-config", "outside-workspace"]);
  c(".github/copilot/settings.json", ["hook-config"]);
  c(".opencode/plugins/infragate.js", ["hook-config"]);
  c("/home/u/.config/opencode/plugins/guard.ts", ["hook-config", "outside-workspace"]);
  c("opencode.json", ["hook-config"]);
  c(".opencode/agent/review.md", []);
  c(".github/workflows/ci.yml", []);
  c(".pre-commit-config.yaml", ["hook-config"]);
  c("lefthook.yml", ["hook-config"]);
  c(".claude-plugin/plugin.json", ["hook-config"]);
  c("/home/u/.gitconfig", ["hook-config", "outside-workspace"]);
  c("/home/u/.config/git/config", ["hook-config", "outside-workspace"]);
  c("node_modules/pkg/.husky/pre-commit", []);
  c("node_modules/pkg/lefthook.yml", []);
  c(".infragate/config.json", ["guard-config"]);
  c(".infragate/policies/x.cedar", ["guard-config"]);
  c("/home/u/.local/state/infragate/audit.log", ["guard-config", "outside-workspace"]);
});

describe("ordinary files", () => {
  c("src/index.ts", []);
  c("README.md", []);
  c("/tmp/x", ["outside-workspace"]);
  c("/ws", []);
  c("/ws/../etc/passwd", ["outside-workspace"]);
});
