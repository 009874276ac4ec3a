import { describe, expect, it } from "vitest";
import { analyze, programs, t } from "./helpers.js";

describe("JS package launchers", () => {
  t("npx cdk destroy", { program: "cdk", argv: ["cdk", "destroy"], wrappers: ["npx"] });
  t("npx -y cdk destroy --force", { program: "cdk", argv: ["cdk", "destroy", "--force"] });
  t("npx --yes aws-cdk destroy", { program: "cdk", argv: ["cdk", "destroy"] });
  t("npx aws-cdk@2.150.0 deploy", { program: "cdk", argv: ["cdk", "deploy"] });
  t("npx -p aws-cdk cdk destroy", { program: "cdk", argv: ["cdk", "destroy"] });
  t("npx --package=aws-cdk -- cdk destroy", { program: "cdk" });
  t("npx cdktf-cli destroy", { program: "cdktf", argv: ["cdktf", "destroy"] });
  t("npx -c 'cdk destroy'", { program: "cdk", wrappers: ["npx -c"], depth: 1 });
  t("bunx cdk destroy", { program: "cdk", wrappers: ["bunx"] });
  t("pnpm dlx cdk destroy", { program: "cdk", wrappers: ["pnpm dlx"] });
  t("pnpm exec cdk destroy", { program: "cdk", wrappers: ["pnpm exec"] });
  t("pnpm cdk destroy", { program: "cdk", argv: ["cdk", "destroy"], wrappers: ["pnpm run"] });
  t("pnpm run cdk destroy", { program: "cdk", argv: ["cdk", "destroy"] });
  t("pnpm -C infra run cdk -- destroy", { program: "cdk", argv: ["cdk", "destroy"], cwd: "/work/repo/infra" });
  t("yarn dlx cdk destroy", { program: "cdk", wrappers: ["yarn dlx"] });
  t("yarn exec cdk destroy", { program: "cdk", wrappers: ["yarn exec"] });
  t("yarn cdk destroy", { program: "cdk", argv: ["cdk", "destroy"] });
  t("yarn --cwd infra cdk destroy", { program: "cdk", cwd: "/work/repo/infra" });
  t("npm exec -- cdk destroy", { program: "cdk", wrappers: ["npm exec"] });
  t("npm exec cdk destroy", { program: "cdk" });
  t("npm x -y aws-cdk destroy", { program: "cdk" });
  t("npm run cdk -- destroy", { program: "cdk", argv: ["cdk", "destroy"], wrappers: ["npm run"] });
  t("npm run-script cdk -- destroy --force", { program: "cdk", argv: ["cdk", "destroy", "--force"] });
  t("npm --prefix infra run cdk -- destroy", { program: "cdk", cwd: "/work/repo/infra" });
  t("npm run tf -- destroy", { program: "terraform", argv: ["terraform", "destroy"] });
  t("npm run terraform -- destroy", { program: "terraform" });
  t("npm run pulumi -- destroy", { program: "pulumi" });
  t("yarn cdktf destroy", { program: "cdktf" });
  t("npm run build", { program: "npm", argv: ["npm", "run", "build"] });
  t("npm install", { program: "npm" });
  t("pnpm install", { program: "pnpm" });
  t("yarn test", { program: "yarn" });
  t("npx prettier --write .", { program: "prettier", wrappers: ["npx"] });
});

describe("containers whose entrypoint is the CLI", () => {
  t("docker run --rm -v $PWD:/w hashicorp/terraform:1.9 destroy", { program: "terraform", argv: ["terraform", "destroy"], wrappers: ["docker run"] });
  t("docker run -it --rm -e TF_CLI_ARGS=-auto-approve -w /w hashicorp/terraform destroy", { program: "terraform", env: { TF_CLI_ARGS: "-auto-approve" } });
  t("docker run --rm ghcr.io/opentofu/opentofu:1.8 destroy", { program: "tofu", argv: ["tofu", "destroy"] });
  t("docker run --rm amazon/aws-cli s3 rm s3://b --recursive", { program: "aws", argv: ["aws", "s3", "rm", "s3://b", "--recursive"] });
  t("docker run pulumi/pulumi destroy", { program: "pulumi" });
  t("docker run bitnami/kubectl delete ns prod", { program: "kubectl" });
  t("docker run alpine/helm uninstall x", { program: "helm" });
  t("podman run --rm docker.io/hashicorp/terraform:latest destroy", { program: "terraform", wrappers: ["podman run"] });
  t("docker container run hashicorp/terraform@sha256:abc destroy", { program: "terraform" });
  t("docker run --entrypoint terraform myimage destroy", { program: "terraform", argv: ["terraform", "destroy"] });
  t("docker run --rm ubuntu bash -c 'terraform destroy'", { program: "terraform", wrappers: ["docker run", "bash -c"] });
  t("docker exec -it ctr terraform destroy", { program: "terraform", wrappers: ["docker exec"] });
  t("docker ps", { program: "docker", argv: ["docker", "ps"] });
  it("docker run is reported itself as well (volumes, privileges)", () => {
    expect(programs("docker run --privileged -v /:/host hashicorp/terraform destroy")).toEqual(["docker", "terraform"]);
  });
  it("the container does not inherit the host environment", () => {
    const c = analyze("docker run hashicorp/terraform apply", { env: { HOME: "/h", TF_CLI_ARGS: "-destroy" } }).commands[1];
    expect(c?.env["TF_CLI_ARGS"]).toBeUndefined();
  });
});

describe("python and credential launchers", () => {
  t("python -m awscli s3 rm s3://b --recursive", { program: "aws", argv: ["aws", "s3", "rm", "s3://b", "--recursive"], wrappers: ["python -m"] });
  t("python3 -m awscli --debug s3 ls", { program: "aws", argv: ["aws", "--debug", "s3", "ls"] });
  t("python3.11 -u -m awscli s3 ls", { program: "aws" });
  t("python -m pip install x", { program: "python" });
  t("uv run terraform destroy", { program: "terraform", wrappers: ["uv run"] });
  t("uv run --with boto3 -- aws s3 rm s3://b", { program: "aws" });
  t("uv run python -m awscli s3 ls", { program: "aws", wrappers: ["uv run", "python -m"] });
  t("uvx --from awscli aws s3 ls", { program: "aws", wrappers: ["uvx"] });
  t("poetry run cdk destroy", { program: "cdk", wrappers: ["poetry run"] });
  t("pipenv run aws s3 rm s3://b", { program: "aws", wrappers: ["pipenv run"] });
  t("direnv exec infra terraform destroy", { program: "terraform", wrappers: ["direnv exec"] });
  t("aws-vault exec prod -- terraform destroy", { program: "terraform", wrappers: ["aws-vault exec"] });
  t("aws-vault exec prod --duration=1h -- aws s3 rm s3://b", { program: "aws" });
  t("aws-vault exec prod", { program: "aws-vault" });
  t("dotenv -- terraform destroy", { program: "terraform", wrappers: ["dotenv"] });
  t("dotenv -e .env.prod -v TF_CLI_ARGS=-auto-approve -- terraform apply", { program: "terraform", env: { TF_CLI_ARGS: "-auto-approve" } });
  t("op run --env-file=.env -- terraform destroy", { program: "terraform", wrappers: ["op run"] });
  t("doppler run -- terraform destroy", { program: "terraform", wrappers: ["doppler run"] });
  t("doppler run --command 'terraform destroy'", { program: "terraform", depth: 1 });
  t("sudo -E aws-vault exec prod -- npx cdk destroy", { program: "cdk", wrappers: ["sudo", "aws-vault exec", "npx"] });
});
