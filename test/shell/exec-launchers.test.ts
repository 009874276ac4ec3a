import { describe, expect, it } from "vitest";
import { analyze, programs, t } from "./helpers.js";

describe("launchers that only run another command", () => {
  t("mise exec -- terraform destroy", { program: "terraform", argv: ["terraform", "destroy"], wrappers: ["mise exec"] });
  t("mise x terraform@1.9 node@22 -- terraform plan", { program: "terraform", argv: ["terraform", "plan"] });
  t("mise exec -C infra -- terraform destroy", { program: "terraform", cwd: "/work/repo/infra" });
  t("mise exec -c 'terraform destroy'", { program: "terraform", wrappers: ["mise exec -c"], depth: 1 });
  t("asdf exec terraform destroy", { program: "terraform", argv: ["terraform", "destroy"], wrappers: ["asdf exec"] });
  t("saml2aws exec --exec-profile prod -- terraform destroy", { program: "terraform", wrappers: ["saml2aws exec"] });
  t("saml2aws exec -a corp terraform apply", { program: "terraform", argv: ["terraform", "apply"] });
  t("assume prod --exec 'terraform destroy -auto-approve'", { program: "terraform", wrappers: ["assume --exec"] });
  t("assume prod -x 'aws s3 ls'", { program: "aws", argv: ["aws", "s3", "ls"] });
  t("nix-shell -p terraform --run 'terraform destroy'", { program: "terraform", wrappers: ["nix-shell --run"] });
  t("nix develop .#infra -c terraform destroy", { program: "terraform", argv: ["terraform", "destroy"], wrappers: ["nix develop -c"] });
  t("watchexec -e tf -- terraform plan", { program: "terraform", argv: ["terraform", "plan"], wrappers: ["watchexec"] });
  t("watchexec -r 'terraform apply -auto-approve'", { program: "terraform", argv: ["terraform", "apply", "-auto-approve"] });
  t("railway run -s api terraform destroy", { program: "terraform", wrappers: ["railway run"] });
  t("railway up", { program: "railway", argv: ["railway", "up"] });
  t("sst shell --stage prod node scripts/seed.js", { program: "node", argv: ["node", "scripts/seed.js"], wrappers: ["sst shell"] });
  t("sst deploy --stage prod", { program: "sst", argv: ["sst", "deploy", "--stage", "prod"] });
  t("mise install", { program: "mise", argv: ["mise", "install"] });
  t("nix-shell -p jq", { program: "nix-shell" });
  it("mise exec without a command runs nothing but mise", () => {
    expect(programs("mise exec node@22")).toEqual(["mise"]);
  });
});

describe("docker compose run / exec run the given command in the service", () => {
  t("docker compose run --rm terraform terraform destroy", { program: "terraform", argv: ["terraform", "destroy"], wrappers: ["docker compose run"] });
  t("docker compose -f ci.yml exec -T tools terraform destroy", { program: "terraform", wrappers: ["docker compose exec"] });
  t("docker compose run -e TF_CLI_ARGS=-auto-approve tf terraform destroy", { program: "terraform", env: { TF_CLI_ARGS: "-auto-approve" } });
  t("docker compose run --entrypoint terraform tools destroy", { program: "terraform", argv: ["terraform", "destroy"] });
  t("docker-compose run app npm test", { program: "npm", wrappers: ["docker-compose run"] });
  it("docker compose run SERVICE alone runs the service's own command (not known): only docker", () => {
    expect(programs("docker compose run --rm app")).toEqual(["docker"]);
  });
  it("the service does not inherit the host environment", () => {
    const c = analyze("docker compose run tf terraform apply", { env: { HOME: "/h", TF_CLI_ARGS: "-destroy" } }).commands.find((x) => x.program === "terraform");
    expect(c?.env["TF_CLI_ARGS"]).toBeUndefined();
  });
});

describe("IaC wrappers run terraform (or helmfile)", () => {
  t("atmos terraform plan vpc -s prod", { program: "terraform", argv: ["terraform", "plan"], wrappers: ["atmos terraform"], cwd: "/work/repo/components/terraform/vpc" });
  t("atmos terraform deploy vpc -s prod", { program: "terraform", argv: ["terraform", "apply", "-auto-approve"] });
  t("atmos terraform destroy vpc --stack=prod", { program: "terraform", argv: ["terraform", "destroy"] });
  t("atmos terraform apply vpc -s prod -auto-approve", { program: "terraform", argv: ["terraform", "apply", "-auto-approve"] });
  t("atmos terraform apply vpc -sprod --skip-init -- -target=aws_vpc.x", { program: "terraform", argv: ["terraform", "apply", "-target=aws_vpc.x"] });
  t("atmos --base-path stacks-repo terraform plan vpc -s prod", { program: "terraform", cwd: "/work/repo/stacks-repo/components/terraform/vpc" });
  t("atmos helmfile destroy nginx -s prod", { program: "helmfile", argv: ["helmfile", "destroy"], wrappers: ["atmos helmfile"] });
  t("terramate run -- terraform destroy -auto-approve", { program: "terraform", argv: ["terraform", "destroy", "-auto-approve"], wrappers: ["terramate run"] });
  t("terramate -C stacks run --changed terraform plan", { program: "terraform", argv: ["terraform", "plan"], cwd: "/work/repo/stacks" });
  t("terraspace up demo -y", { program: "terraform", argv: ["terraform", "apply", "-auto-approve"], wrappers: ["terraspace"] });
  t("terraspace down demo", { program: "terraform", argv: ["terraform", "destroy"] });
  t("terraspace all down --yes", { program: "terraform", argv: ["terraform", "destroy", "-auto-approve"], wrappers: ["terraspace all"] });
  t("terraspace plan demo", { program: "terraform", argv: ["terraform", "plan"] });
  it("dry runs and other subcommands run no terraform", () => {
    expect(programs("atmos terraform destroy vpc -s prod --dry-run")).toEqual(["atmos"]);
    expect(programs("terramate run --dry-run -- terraform destroy")).toEqual(["terramate"]);
    expect(programs("atmos describe stacks")).toEqual(["atmos"]);
    expect(programs("terraspace new stack demo")).toEqual(["terraspace"]);
  });
});

describe("atmos keeps terraform's own -state flags", () => {
  t("atmos terraform apply vpc -s prod -state=old.tfstate", { program: "terraform", argv: ["terraform", "apply", "-state=old.tfstate"] });
});
