import { policyTable } from "../support/policy-table.js";

const ADMIN_DOC = `'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'`;
const IAM_DOC = `'{"Statement":[{"Effect":"Allow","Action":["iam:*"],"Resource":"*"}]}'`;
const S3_DOC = `'{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}'`;
const TRUST_ANY = `'{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}'`;
const TRUST_SVC = `'{"Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}'`;

policyTable("policies/aws.cedar", {
  deny: [
    { cmd: "aws s3 rm s3://b --recursive", by: "aws.s3-bulk-delete" },
    { cmd: "aws s3 rm s3://b --recursive --prof prod", by: "aws.s3-bulk-delete" },
    { cmd: "aws s3 rm s3://b --rec", by: "aws.s3-bulk-delete" },
    { cmd: "aws --profile prod s3 rm --recursive s3://b/data/", by: "aws.s3-bulk-delete" },
    { cmd: "aws s3 rm s3://b --recursive --exclude '*.keep'", by: "aws.s3-bulk-delete" },
    { cmd: "python -m awscli s3 rm s3://b --recursive", by: "aws.s3-bulk-delete" },
    { cmd: "sudo aws s3 rm s3://b --recursive", by: "aws.s3-bulk-delete" },
    { cmd: "env AWS_PROFILE=prod aws s3 rm s3://b --recursive", by: "aws.s3-bulk-delete" },
    { cmd: "timeout 5 aws s3 rm s3://b --recursive", by: "aws.s3-bulk-delete" },
    { cmd: "aws-vault exec prod -- aws s3 rm s3://b --recursive", by: "aws.s3-bulk-delete" },
    { cmd: "bash -c 'aws s3 rm s3://b --recursive'", by: "aws.s3-bulk-delete" },
    { cmd: "aws s3api delete-objects --bucket b --delete file://keys.json", by: "aws.s3-bulk-delete" },
    { cmd: "aws s3 rb s3://b --force", by: "aws.s3-bucket-force-delete" },
    { cmd: "aws rds delete-db-instance --db-instance-identifier x --skip-final-snapshot", by: "aws.db-delete-without-snapshot" },
    { cmd: "aws --region us-east-1 rds delete-db-instance --db-instance-identifier x --skip-final-snapshot", by: "aws.db-delete-without-snapshot" },
    { cmd: "aws rds delete-db-instance --db-instance-identifier x --skip", by: "aws.db-delete-without-snapshot" },
    { cmd: "aws rds delete-db-cluster --db-cluster-identifier c --skip-final-snapshot", by: "aws.db-delete-without-snapshot" },
    { cmd: `aws rds delete-db-instance --cli-input-json '{"DBInstanceIdentifier":"x","SkipFinalSnapshot":true}'`, by: "aws.db-delete-without-snapshot" },
    { cmd: "aws redshift delete-cluster --cluster-identifier c --skip-final-cluster-snapshot", by: "aws.db-delete-without-snapshot" },
    { cmd: "aws rds delete-db-snapshot --db-snapshot-identifier s", by: "aws.backup-delete" },
    { cmd: "aws rds delete-db-cluster-snapshot --db-cluster-snapshot-identifier s", by: "aws.backup-delete" },
    { cmd: "aws rds delete-db-instance-automated-backup --dbi-resource-id r", by: "aws.backup-delete" },
    { cmd: "aws backup delete-recovery-point --backup-vault-name v --recovery-point-arn a", by: "aws.backup-delete" },
    { cmd: "aws backup delete-backup-vault --backup-vault-name v", by: "aws.backup-delete" },
    { cmd: "aws dynamodb delete-table --table-name t", by: "aws.data-store-delete" },
    { cmd: "aws efs delete-file-system --file-system-id fs-1", by: "aws.data-store-delete" },
    { cmd: "aws elasticache delete-replication-group --replication-group-id g", by: "aws.data-store-delete" },
    { cmd: "aws opensearch delete-domain --domain-name d", by: "aws.data-store-delete" },
    { cmd: "aws eks delete-cluster --name c", by: "aws.data-store-delete" },
    { cmd: "aws route53 delete-hosted-zone --id Z1", by: "aws.data-store-delete" },
    { cmd: "aws cloudformation delete-stack --stack-name prod", by: "aws.stack-delete" },
    { cmd: "aws cloudformation delete-stack-set --stack-set-name s", by: "aws.stack-delete" },
    { cmd: "aws kms schedule-key-deletion --key-id k --pending-window-in-days 7", by: "aws.kms-key-delete" },
    { cmd: "aws kms delete-imported-key-material --key-id k", by: "aws.kms-key-delete" },
    { cmd: "aws secretsmanager delete-secret --secret-id s --force-delete-without-recovery", by: "aws.secret-delete-no-recovery" },
    { cmd: "aws organizations leave-organization", by: "aws.audit-evasion" },
    { cmd: "aws organizations close-account --account-id 1", by: "aws.audit-evasion" },
    { cmd: "aws cloudtrail stop-logging --name t", by: "aws.audit-evasion" },
    { cmd: "aws cloudtrail delete-trail --name t", by: "aws.audit-evasion" },
    { cmd: "aws guardduty delete-detector --detector-id d", by: "aws.audit-evasion" },
    { cmd: "aws iam attach-role-policy --role-name r --policy-arn arn:aws:iam::aws:policy/AdministratorAccess", by: "aws.iam-admin-attach" },
    { cmd: "aws iam attach-user-policy --user-name u --policy-arn arn:aws:iam::aws:policy/IAMFullAccess", by: "aws.iam-admin-attach" },
    { cmd: "aws iam attach-group-policy --group-name g --policy-arn=arn:aws:iam::aws:policy/PowerUserAccess", by: "aws.iam-admin-attach" },
    { cmd: `aws iam put-user-policy --user-name u --policy-name p --policy-document ${ADMIN_DOC}`, by: "aws.iam-admin-policy" },
    { cmd: `aws iam put-role-policy --role-name r --policy-name p --policy-document ${IAM_DOC}`, by: "aws.iam-admin-policy" },
    { cmd: `aws iam create-policy --policy-name p --policy-document ${ADMIN_DOC}`, by: "aws.iam-admin-policy" },
    { cmd: `aws iam create-policy-version --policy-arn arn:aws:iam::1:policy/p --policy-document ${ADMIN_DOC} --set-as-default`, by: "aws.iam-admin-policy" },
    { cmd: `aws iam update-assume-role-policy --role-name r --policy-document ${TRUST_ANY}`, by: "aws.iam-trust-anyone" },
    { cmd: `aws iam create-role --role-name r --assume-role-policy-document ${TRUST_ANY}`, by: "aws.iam-trust-anyone" },
    { cmd: "aws ec2 authorize-security-group-ingress --group-id sg-1 --protocol tcp --port 22 --cidr 0.0.0.0/0", by: "aws.sg-world-admin-port" },
    { cmd: "aws ec2 authorize-security-group-ingress --group-id sg-1 --protocol tcp --port 3389 --cidr 0.0.0.0/0", by: "aws.sg-world-admin-port" },
    { cmd: "aws ec2 authorize-security-group-ingress --group-id sg-1 --protocol -1 --cidr 0.0.0.0/0", by: "aws.sg-world-admin-port" },
    { cmd: "aws ec2 authorize-security-group-ingress --group-id sg-1 --ip-permissions IpProtocol=tcp,FromPort=22,ToPort=22,Ipv6Ranges=[{CidrIpv6=::/0}]", by: "aws.sg-world-admin-port" },
    { cmd: `aws ec2 authorize-security-group-ingress --group-id sg-1 --ip-permissions '[{"IpProtocol":"tcp","FromPort":0,"ToPort":65535,"IpRanges":[{"CidrIp":"0.0.0.0/0"}]}]'`, by: "aws.sg-world-admin-port" },
    { cmd: "aws configure export-credentials", by: "aws.export-credentials" },
    { cmd: "aws configure export-credentials --profile prod --format env", by: "aws.export-credentials" },
    { cmd: "aws configure get aws_secret_access_key", by: "aws.export-credentials" },
    { cmd: "aws configure get profile.prod.aws_session_token", by: "aws.export-credentials" },
  ],
  ask: [
    { cmd: "aws s3 rm s3://b/key", by: "aws.delete" },
    { cmd: "aws s3 rb s3://b", by: "aws.delete" },
    { cmd: "aws s3 cp ./file s3://b/file", by: "aws.mutation" },
    { cmd: "aws s3 sync ./site s3://b --delete", by: "aws.mutation" },
    { cmd: "aws s3 mv s3://b/a s3://b/c", by: "aws.mutation" },
    { cmd: "aws s3 mb s3://new-bucket", by: "aws.mutation" },
    { cmd: "aws rds delete-db-instance --db-instance-identifier x", by: "aws.delete" },
    { cmd: "aws rds delete-db-instance --db-instance-identifier x --skip-final-snapshot --no-skip-final-snapshot --final-db-snapshot-identifier s", by: "aws.delete" },
    { cmd: "aws ec2 terminate-instances --instance-ids i-1", by: "aws.delete" },
    { cmd: "aws lambda delete-function --function-name f", by: "aws.delete" },
    { cmd: "aws secretsmanager delete-secret --secret-id s", by: "aws.delete" },
    { cmd: "aws ec2 run-instances --image-id ami-1 --instance-type t3.micro", by: "aws.mutation" },
    { cmd: "aws lambda invoke --function-name f out.json", by: "aws.mutation" },
    { cmd: "aws ecs update-service --cluster c --service s --desired-count 2", by: "aws.mutation" },
    { cmd: "aws configure set region eu-west-1", by: "aws.mutation" },
    { cmd: "aws secretsmanager get-secret-value --secret-id prod/db", by: "aws.secret-read" },
    { cmd: "aws ssm get-parameter --name /db/password --with-decryption", by: "aws.secret-read" },
    { cmd: "aws kms decrypt --ciphertext-blob fileb://c.bin", by: "aws.secret-read" },
    { cmd: "aws sts assume-role --role-arn arn:aws:iam::1:role/r --role-session-name s", by: "aws.secret-read" },
    { cmd: "aws sts get-session-token", by: "aws.secret-read" },
    { cmd: "aws iam create-access-key --user-name u", by: "aws.secret-read" },
    { cmd: "aws ec2 get-password-data --instance-id i-1", by: "aws.secret-read" },
    { cmd: "aws ecr get-authorization-token", by: "aws.secret-read" },
    { cmd: "aws lambda get-function-configuration --function-name f", by: "aws.secret-read" },
    { cmd: "aws eks update-kubeconfig --name prod", by: "aws.kube-context-swap" },
    { cmd: "aws rds delete-db-instance --cli-input-json file://del.json", by: "aws.input-file" },
    { cmd: "aws iam put-role-policy --role-name r --policy-name p --policy-document file://policy.json", by: "aws.iam-document-unknown" },
    { cmd: `aws iam put-role-policy --role-name r --policy-name p --policy-document ${S3_DOC}`, by: "aws.mutation" },
    { cmd: `aws iam create-role --role-name r --assume-role-policy-document ${TRUST_SVC}`, by: "aws.mutation" },
    { cmd: "aws iam attach-role-policy --role-name r --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess", by: "aws.mutation" },
    { cmd: `aws s3api put-bucket-policy --bucket b --policy '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}'`, by: "aws.resource-policy-public" },
    { cmd: "aws ec2 authorize-security-group-ingress --group-id sg-1 --protocol tcp --port 443 --cidr 0.0.0.0/0", by: "aws.sg-world-open" },
    { cmd: "aws ec2 authorize-security-group-ingress --group-id sg-1 --ip-permissions file://perm.json", by: "aws.sg-world-open" },
    { cmd: "aws ec2 authorize-security-group-ingress --group-id sg-1 --protocol tcp --port 22 --cidr 10.0.0.0/8", by: "aws.mutation" },
    { cmd: "AWS_PROFILE=prod aws ec2 stop-instances --instance-ids i-1", by: "aws.mutation" },
  ],
  allow: [
    "aws s3 ls",
    "aws s3 ls s3://bucket/prefix/ --recursive --human-readable --summarize",
    "aws s3 presign s3://b/k --expires-in 600",
    "aws s3 cp s3://b/report.csv ./report.csv",
    "aws s3 rm s3://b --recursive --dryrun",
    "aws s3 rm s3://b --recursive --dry",
    "aws s3 sync ./site s3://b --delete --dryrun",
    "aws sts get-caller-identity",
    "aws sts get-caller-identity --profile prod",
    "aws ec2 describe-instances --filters Name=instance-state-name,Values=running",
    "aws ec2 describe-security-groups --group-ids sg-1",
    "aws ec2 run-instances --image-id ami-1 --count 50 --instance-type p4d.24xlarge --dry-run",
    "aws ec2 terminate-instances --instance-ids i-1 --dry-run",
    "aws rds describe-db-instances",
    "aws iam list-roles --query 'Roles[].RoleName'",
    "aws iam get-role --role-name r",
    "aws cloudformation describe-stacks --stack-name prod",
    "aws cloudformation list-stack-resources --stack-name prod",
    "aws logs tail /aws/lambda/f --follow",
    "aws logs filter-log-events --log-group-name g",
    "aws ssm get-parameter --name /app/feature-flag",
    "aws ecr get-login-password --region us-east-1",
    "aws ecr get-login-password | docker login --username AWS --password-stdin 1.dkr.ecr.us-east-1.amazonaws.com",
    "aws ec2 wait instance-running --instance-ids i-1",
    "aws dynamodb scan --table-name t --max-items 10",
    "aws s3api head-object --bucket b --key k",
    "aws configure list",
    "aws configure list-profiles",
    "aws configure get region",
    "aws help",
    "aws s3 rm help",
    "aws --version",
    "aws eks update-kubeconfig --name prod --dry-run",
    "aws iam create-role --generate-cli-skeleton",
  ],
});

// Budget guardrails: config.budget limits, compared by aws.provision policies.
policyTable(
  "policies/aws.cedar budget",
  {
    ask: [
      { cmd: "aws ec2 run-instances --image-id ami-1 --count 10 --instance-type t3.micro", by: "aws.budget-instances" },
      { cmd: "aws ec2 run-instances --image-id ami-1 --count 1:8 --instance-type t3.micro", by: "aws.budget-instances" },
      { cmd: "aws ec2 run-instances --image-id ami-1 --instance-type p4d.24xlarge", by: "aws.budget-instance-type" },
      { cmd: "aws rds create-db-instance --db-instance-identifier x --db-instance-class db.r6g.8xlarge --engine postgres", by: "aws.budget-instance-type" },
      { cmd: "aws autoscaling update-auto-scaling-group --auto-scaling-group-name g --max-size 40", by: "aws.budget-instances" },
      { cmd: "aws eks create-nodegroup --cluster-name c --nodegroup-name n --subnets s-1 --node-role r --scaling-config minSize=1,maxSize=3,desiredSize=1 --instance-types t3.large m5.8xlarge", by: "aws.budget-instance-type" },
      { cmd: "aws ec2 run-instances --cli-input-json file://launch.json", by: "aws.budget-unknown" },
    ],
    allow: [
      "aws ec2 run-instances --image-id ami-1 --count 10 --instance-type p4d.24xlarge --dry-run",
      "aws ec2 describe-instance-types --instance-types p4d.24xlarge",
    ],
  },
  { config: { budget: { maxInstances: 4, allowedInstanceTypes: ["t3.*", "T4G.*", "db.t4g.*", "m5.large"] } } },
);

// The production-profile example from docs/clis/aws.md, as a user policy.
const PROD_PROFILE = `
@id("local.aws-prod-profile-delete")
@reason("no deletes through a production AWS profile from an agent session; hand the command to the human")
forbid (principal, action == Action::"aws.delete", resource)
when { context.profile like "*prod*" };

@id("local.aws-prod-profile-secrets")
@reason("no secret reads through a production AWS profile from an agent session")
forbid (principal, action == Action::"aws.secret", resource)
when { context.profile like "*prod*" };
`;

policyTable(
  "docs/clis/aws.md prod-profile example",
  {
    deny: [
      { cmd: "aws s3 rm s3://b/k --profile prod", by: "local.aws-prod-profile-delete" },
      { cmd: "aws ec2 terminate-instances --instance-ids i-1 --prof prod-eu", by: "local.aws-prod-profile-delete" },
      { cmd: "AWS_PROFILE=acme-prod aws secretsmanager get-secret-value --secret-id db", by: "local.aws-prod-profile-secrets" },
      { cmd: "aws s3 rm s3://b/k", env: { AWS_PROFILE: "acme-prod" }, by: "local.aws-prod-profile-delete" },
    ],
    ask: [{ cmd: "aws s3 rm s3://b/k --profile dev", by: "aws.delete" }],
    allow: ["aws s3 ls --profile prod", "aws s3 rm s3://b/k --profile prod --dryrun"],
  },
  { userPolicies: PROD_PROFILE },
);
