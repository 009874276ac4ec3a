import { parse } from "shell-quote";
import { describe, expect, it } from "vitest";
import { interpretAws } from "../../src/clis/aws/index.js";
import { splitAwsArgv } from "../../src/clis/aws/grammar.js";
import { typeCandidates } from "../../src/clis/aws/budget.js";
import type { Operation } from "../../src/clis/types.js";
import { factsOf } from "../support/facts.js";
import { cmd as command } from "../support/interpreter-table.js";

const cmd = (text: string, env: Record<string, string> = {}) => command(text, { env, program: "aws" });

type Ctx = Record<string, unknown> & { params: string[]; document: Record<string, boolean>; ingress: Record<string, boolean> };
function main(text: string, env: Record<string, string> = {}): Operation & { context: Ctx } {
  return interpretAws(cmd(text, env)).operations[0] as Operation & { context: Ctx };
}

describe("aws grammar", () => {
  it("takes global options anywhere, with unique prefixes", () => {
    const a = splitAwsArgv(parse("s3 rm s3://b --recursive --prof prod --reg=eu-west-1").map(String));
    expect(a.globals.get("profile")).toBe("prod");
    expect(a.globals.get("region")).toBe("eu-west-1");
    expect(a.service).toBe("s3");
    expect(a.operation).toBe("rm");
    expect(a.rest).toEqual(["s3://b", "--recursive"]);
  });
  it("finds service and operation after global options", () => {
    const a = splitAwsArgv(parse("--region us-east-1 --output json rds delete-db-instance --db-instance-identifier x").map(String));
    expect([a.service, a.operation]).toEqual(["rds", "delete-db-instance"]);
  });
});

const CLASSES: readonly [string, string, string][] = [
  ["aws s3 ls", "aws.read", "read"],
  ["aws s3 ls s3://bucket --recursive", "aws.read", "read"],
  ["aws s3 presign s3://b/k", "aws.read", "read"],
  ["aws sts get-caller-identity", "aws.read", "read"],
  ["aws ec2 describe-instances --filters Name=tag:env,Values=prod", "aws.read", "read"],
  ["aws iam list-roles", "aws.read", "read"],
  ["aws logs tail /aws/lambda/f --follow", "aws.read", "read"],
  ["aws configure list", "aws.read", "read"],
  ["aws configure get region", "aws.read", "read"],
  ["aws help", "aws.read", "read"],
  ["aws s3 rm help", "aws.read", "read"],
  ["aws ec2 wait instance-running --instance-ids i-1", "aws.read", "read"],
  ["aws --version", "aws.read", "read"],
  ["aws ssm get-parameter --name /x", "aws.read", "read"],
  ["aws ecr get-login-password", "aws.secret", "credentials"],
  ["aws apigateway get-api-key --api-key k --include-value", "aws.secret", "credentials"],
  ["aws apigateway get-api-key --api-key k", "aws.read", "read"],
  ["aws lambda list-functions", "aws.secret", "secret"],
  ["aws ecs describe-task-definition --task-definition t", "aws.secret", "secret"],
  ["aws lightsail get-instance-access-details --instance-name x", "aws.secret", "credentials"],
  ["aws s3 cp s3://b/k ./k", "aws.read", "read"],
  ["aws s3 cp ./k s3://b/k", "aws.mutate", "mutate"],
  ["aws s3 sync s3://b ./dir --delete", "aws.mutate", "mutate"],
  ["aws s3 mb s3://b", "aws.mutate", "mutate"],
  ["aws ec2 run-instances --image-id ami-1", "aws.mutate", "mutate"],
  ["aws eks update-kubeconfig --name c", "aws.mutate", "mutate"],
  ["aws configure set region us-east-1", "aws.mutate", "mutate"],
  ["aws s3 rm s3://b/k", "aws.delete", "delete"],
  ["aws s3 rb s3://b", "aws.delete", "delete"],
  ["aws ec2 terminate-instances --instance-ids i-1", "aws.delete", "delete"],
  ["aws kms schedule-key-deletion --key-id k", "aws.delete", "delete"],
  ["aws secretsmanager get-secret-value --secret-id x", "aws.secret", "secret"],
  ["aws ssm get-parameter --name /x --with-decryption", "aws.secret", "secret"],
  ["aws ssm get-parameters-by-path --path / --with-decr", "aws.secret", "secret"],
  ["aws ssm get-parameter --name /x --with-decryption --no-with-decryption", "aws.read", "read"],
  ["aws kms decrypt --ciphertext-blob fileb://x", "aws.secret", "secret"],
  ["aws sts assume-role --role-arn r --role-session-name s", "aws.secret", "credentials"],
  ["aws iam create-access-key", "aws.secret", "secret"],
  ["aws ecr get-authorization-token", "aws.secret", "secret"],
  ["aws configure export-credentials", "aws.secret", "credentials"],
  ["aws configure get aws_secret_access_key", "aws.secret", "credentials"],
  ["aws configure get profile.prod.aws_session_token", "aws.secret", "credentials"],
  ["aws ec2 run-instances --image-id ami-1 --dry-run", "aws.dry-run", "mutate"],
  ["aws s3 rm s3://b --recursive --dryrun", "aws.dry-run", "delete"],
  ["aws s3 rm s3://b --recursive --dry", "aws.dry-run", "delete"],
  ["aws ec2 terminate-instances --instance-ids i-1 --dry-run --no-dry-run", "aws.delete", "delete"],
  ["aws iam create-role --generate-cli-skeleton", "aws.dry-run", "mutate"],
];

describe("aws verb classes", () => {
  for (const [text, action, cls] of CLASSES) {
    it(`${text} -> ${action} (${cls})`, () => {
      const o = main(text);
      expect(o.action).toBe(action);
      expect(o.context.verbClass).toBe(cls);
    });
  }
});

describe("aws facts", () => {
  it("expands parameter abbreviations (--rec)", () => {
    expect(main("aws s3 rm s3://b --rec").context.params).toContain("recursive");
    expect(main("aws rds delete-db-instance --db-instance-identifier x --skip").context.params).toContain("skip-final-snapshot");
  });
  it("s3 positionals after booleans are targets", () => {
    expect(main("aws s3 rm --recursive s3://b").context.targets).toEqual(["s3://b"]);
  });
  it("--no-x after --x turns it off", () => {
    const p = main("aws rds delete-db-instance --db-instance-identifier x --skip-final-snapshot --no-skip-final-snapshot").context.params;
    expect(p).toContain("no-skip-final-snapshot");
    expect(p).not.toContain("skip-final-snapshot");
  });
  it("profile and region: flags over env", () => {
    expect(main("aws s3 ls", { AWS_PROFILE: "dev", AWS_REGION: "eu-west-1" }).context).toMatchObject({ profile: "dev", region: "eu-west-1" });
    expect(main("aws s3 ls --profile prod", { AWS_PROFILE: "dev" }).context.profile).toBe("prod");
    expect(main("aws s3 ls", { AWS_DEFAULT_PROFILE: "legacy" }).context.profile).toBe("legacy");
    expect(main("aws s3 ls --prof prod").summary).toContain("profile prod");
  });
  it("endpoint facts", () => {
    expect(main("aws --endpoint-url http://localhost:4566 s3 ls").context).toMatchObject({ endpointUrl: "http://localhost:4566", localEndpoint: true });
  });
  it("--cli-input-json file:// is an unread input file; inline JSON counts as parameters", () => {
    expect(main("aws rds delete-db-instance --cli-input-json file://x.json").context.inputFile).toBe("file://x.json");
    const inline = main(`aws rds delete-db-instance --cli-input-json '{"DBInstanceIdentifier":"x","SkipFinalSnapshot":true}'`).context;
    expect(inline.inputFile).toBe("");
    expect(inline.params).toContain("skip-final-snapshot");
    expect(main(`aws ec2 run-instances --cli-input-json '{"DryRun":true}'`).action).toBe("aws.dry-run");
  });
  it("managed policy names", () => {
    expect(main("aws iam attach-role-policy --role-name r --policy-arn arn:aws:iam::aws:policy/AdministratorAccess").context.managedPolicies).toEqual(["AdministratorAccess"]);
  });
  it("policy documents: admin wildcard, principal anyone, unknown", () => {
    const admin = main(`aws iam put-user-policy --user-name u --policy-name p --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'`);
    expect(admin.context.document).toEqual({ given: true, known: true, adminWildcard: true, principalAnyone: false });
    const iamStar = main(`aws iam create-policy --policy-name p --policy-document '{"Statement":{"Effect":"Allow","Action":["s3:GetObject","IAM:*"],"Resource":["*"]}}'`);
    expect(iamStar.context.document.adminWildcard).toBe(true);
    const scoped = main(`aws iam create-policy --policy-name p --policy-document '{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}'`);
    expect(scoped.context.document.adminWildcard).toBe(false);
    const deny = main(`aws iam create-policy --policy-name p --policy-document '{"Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}'`);
    expect(deny.context.document.adminWildcard).toBe(false);
    const trust = main(`aws iam update-assume-role-policy --role-name r --policy-document '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}'`);
    expect(trust.context.document.principalAnyone).toBe(true);
    const file = main("aws iam put-role-policy --role-name r --policy-name p --policy-document file://p.json");
    expect(file.context.document).toMatchObject({ given: true, known: false });
  });
  it("security group ingress: --cidr/--port, shorthand, JSON", () => {
    const f = (t: string): Record<string, boolean> => main(t).context.ingress;
    expect(f("aws ec2 authorize-security-group-ingress --group-id sg-1 --protocol tcp --port 22 --cidr 0.0.0.0/0")).toMatchObject({ worldOpen: true, worldAdminPort: true });
    expect(f("aws ec2 authorize-security-group-ingress --group-id sg-1 --protocol tcp --port 443 --cidr 0.0.0.0/0")).toMatchObject({ worldOpen: true, worldAdminPort: false });
    expect(f("aws ec2 authorize-security-group-ingress --group-id sg-1 --protocol tcp --port 22 --cidr 10.0.0.0/8")).toMatchObject({ worldOpen: false, worldAdminPort: false });
    expect(f("aws ec2 authorize-security-group-ingress --group-id sg-1 --protocol -1 --cidr 0.0.0.0/0")).toMatchObject({ worldAdminPort: true });
    expect(f("aws ec2 authorize-security-group-ingress --group-id sg-1 --protocol tcp --port 3000-4000 --cidr 0.0.0.0/0")).toMatchObject({ worldAdminPort: true });
    expect(f("aws ec2 authorize-security-group-ingress --group-id sg-1 --ip-permissions IpProtocol=tcp,FromPort=3389,ToPort=3389,IpRanges=[{CidrIp=0.0.0.0/0}]")).toMatchObject({ known: true, worldAdminPort: true });
    expect(f("aws ec2 authorize-security-group-ingress --group-id sg-1 --ip-permissions IpProtocol=tcp,FromPort=443,ToPort=443,IpRanges=[{CidrIp=0.0.0.0/0}] IpProtocol=tcp,FromPort=22,ToPort=22,Ipv6Ranges=[{CidrIpv6=::/0}]")).toMatchObject({ worldAdminPort: true });
    expect(f(`aws ec2 authorize-security-group-ingress --group-id sg-1 --ip-permissions '[{"IpProtocol":"tcp","FromPort":22,"ToPort":22,"Ipv6Ranges":[{"CidrIpv6":"::/0"}]}]'`)).toMatchObject({ known: true, worldAdminPort: true });
    expect(f("aws ec2 authorize-security-group-ingress --group-id sg-1 --ip-permissions file://perm.json")).toMatchObject({ given: true, known: false });
  });
  it("s3 downloads write local files; OUTFILE operations too", () => {
    const r = interpretAws(cmd("aws s3 cp s3://b/terraform.tfstate terraform.tfstate"));
    expect(r.files.map((f) => f.path)).toContain("/ws/terraform.tfstate");
    // A directory destination: the file it writes is dir/<object name>.
    expect(interpretAws(cmd("aws s3 cp s3://b/prod/terraform.tfstate .")).files.map((f) => f.path)).toContain("/ws/terraform.tfstate");
    expect(interpretAws(cmd("aws s3 cp s3://b/prod/terraform.tfstate ./infra/")).files.map((f) => f.path)).toContain("/ws/infra/terraform.tfstate");
    expect(interpretAws(cmd("aws s3api get-object --bucket b --key k out.bin")).files[0]?.path).toBe("/ws/out.bin");
    expect(interpretAws(cmd("aws s3 cp s3://b/k -")).files).toEqual([]);
  });
});

describe("aws object effects (remote state)", () => {
  const objs = (text: string): [string, unknown, unknown, unknown][] =>
    interpretAws(cmd(text)).operations.filter((o) => o.action.startsWith("object.")).map((o) => [o.action, factsOf(o).bucket, factsOf(o).key, factsOf(o).recursive]);
  it("uploads write the object; a prefix destination takes the file's name", () => {
    expect(objs("aws s3 cp old.tfstate s3://tf/prod/terraform.tfstate")).toEqual([["object.write", "tf", "prod/terraform.tfstate", false]]);
    expect(objs("aws s3 cp ./old.tfstate s3://tf/prod/")).toEqual([["object.write", "tf", "prod/old.tfstate", false]]);
    expect(objs("aws s3 sync ./states s3://tf/prod --delete")).toEqual([["object.write", "tf", "prod", true], ["object.delete", "tf", "prod", true]]);
  });
  it("rm, mv, rb --force and s3api name what they delete", () => {
    expect(objs("aws s3 rm s3://tf/prod/terraform.tfstate")).toEqual([["object.delete", "tf", "prod/terraform.tfstate", false]]);
    expect(objs("aws s3 mv s3://tf/a.tfstate s3://tf/b.tfstate")).toEqual([["object.write", "tf", "b.tfstate", false], ["object.delete", "tf", "a.tfstate", false]]);
    expect(objs("aws s3 rb s3://tf --force")).toEqual([["object.delete", "tf", "", true]]);
    expect(objs("aws s3api put-object --bucket tf --key prod/terraform.tfstate --body old.tfstate")).toEqual([["object.write", "tf", "prod/terraform.tfstate", false]]);
    expect(objs("aws s3api delete-object --bucket tf --key prod/terraform.tfstate")).toEqual([["object.delete", "tf", "prod/terraform.tfstate", false]]);
  });
  it("downloads and dry runs touch no object", () => {
    expect(objs("aws s3 cp s3://tf/prod/terraform.tfstate .")).toEqual([]);
    expect(objs("aws s3 rm s3://tf/prod/terraform.tfstate --dryrun")).toEqual([]);
  });
});

describe("aws budget facts", () => {
  const prov = (text: string): Record<string, unknown>[] =>
    interpretAws(cmd(text)).operations.filter((o) => o.action === "aws.provision").map((o) => o.context as Record<string, unknown>);
  it("run-instances --count N:M and --instance-type", () => {
    expect(prov("aws ec2 run-instances --image-id a --count 2:8 --instance-type M5.Large")).toEqual([
      expect.objectContaining({ instances: 8, instanceType: "m5.large", instancesKnown: true }),
    ]);
    expect(prov("aws ec2 run-instances --image-id a --max-count 3")[0]).toMatchObject({ instances: 3, instanceType: "" });
    expect(prov("aws ec2 run-instances --image-id a")[0]).toMatchObject({ instances: 1 });
  });
  it("rds classes, autoscaling sizes, eks node groups", () => {
    expect(prov("aws rds create-db-instance --db-instance-identifier x --db-instance-class db.r6g.xlarge --engine postgres")[0]).toMatchObject({ instances: 1, instanceType: "db.r6g.xlarge" });
    expect(prov("aws autoscaling update-auto-scaling-group --auto-scaling-group-name g --max-size 50 --desired-capacity 10")[0]).toMatchObject({ instances: 50 });
    const eks = prov("aws eks create-nodegroup --cluster-name c --nodegroup-name n --scaling-config minSize=1,maxSize=20,desiredSize=3 --instance-types t3.large m5.large");
    expect(eks.map((e) => e.instanceType)).toEqual(["t3.large", "m5.large"]);
    expect(eks[0]).toMatchObject({ instances: 20 });
  });
  it("sizes in an input file are unknown; dry runs provision nothing", () => {
    expect(prov("aws ec2 run-instances --cli-input-json file://x.json")[0]).toMatchObject({ instancesKnown: false });
    expect(prov("aws ec2 run-instances --image-id a --count 50 --dry-run")).toEqual([]);
  });
  it("type candidates are every matching prefix glob", () => {
    expect(typeCandidates("t3.micro")).toEqual(expect.arrayContaining(["t3.micro", "*", "t3*", "t3.*", "t3.micro*"]));
  });
});
