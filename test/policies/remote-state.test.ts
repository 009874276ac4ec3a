import { policyTable } from "../support/policy-table.js";

const S3_ROOT = { "infra/prod/backend.tf": `terraform {\n  backend "s3" {\n    bucket = "acme-tf"\n    key    = "prod/network.json"\n  }\n}\n` };
const GCS_ROOT = { "infra/gcp/main.tf": `terraform {\n  backend "gcs" {\n    bucket = "acme-gcs"\n    prefix = "env/prod"\n  }\n}\n` };
const AZ_ROOT = { "infra/az/main.tf": `terraform {\n  backend "azurerm" {\n    storage_account_name = "acmetf"\n    container_name = "tfstate"\n    key = "prod.state"\n  }\n}\n` };

policyTable("policies/remote-state.cedar", {
  deny: [
    { cmd: "aws s3 cp old.tfstate s3://acme-tf/prod/terraform.tfstate", by: "remote-state.write" },
    { cmd: "aws s3 cp ./old.tfstate s3://any-bucket/", by: "remote-state.write" },
    { cmd: "aws s3 mv s3://acme-tf/prod/terraform.tfstate s3://acme-tf/old/", by: ["remote-state.delete", "remote-state.write"] },
    { cmd: "aws s3api put-object --bucket acme-tf --key prod/terraform.tfstate --body old.tfstate", by: "remote-state.write" },
    { cmd: "aws s3api delete-object --bucket acme-tf --key prod/terraform.tfstate", by: "remote-state.delete" },
    { name: "aws s3 cp onto the key of a backend block (no .tfstate name)", cmd: "aws s3 cp ./net.json s3://acme-tf/prod/network.json", files: S3_ROOT, by: "remote-state.write" },
    { name: "aws s3 rm of a workspace's copy of the backend key", cmd: "aws s3 rm s3://acme-tf/env:/staging/prod/network.json", files: S3_ROOT, by: "remote-state.delete" },
    { name: "aws s3 sync --delete onto the backend's prefix", cmd: "aws s3 sync ./out s3://acme-tf/prod --delete", files: S3_ROOT, by: "remote-state.delete" },
    { name: "the backend init saved (.terraform/terraform.tfstate)", cmd: "aws s3 rm s3://saved-bucket/app/state", files: { "app/.terraform/terraform.tfstate": JSON.stringify({ version: 3, backend: { type: "s3", config: { bucket: "saved-bucket", key: "app/state" } } }) }, by: "remote-state.delete" },
    { name: "gsutil rm -r of the gcs backend prefix", cmd: "gsutil -m rm -r gs://acme-gcs/env", files: GCS_ROOT, by: ["gcloud.bulk-object-delete", "remote-state.delete"] },
    { name: "az storage blob upload onto the azurerm key", cmd: "az storage blob upload --account-name acmetf -c tfstate -n prod.state -f x --overwrite", files: AZ_ROOT, by: "remote-state.write" },
    { cmd: "gcloud storage cp old.tfstate gs://tf-state/prod/default.tfstate", by: "remote-state.write" },
    { cmd: "gsutil cp ./backup/terraform.tfstate gs://tf-state/env/prod/", by: "remote-state.write" },
    { cmd: "gsutil rm gs://tf-state/prod/default.tfstate", by: "remote-state.delete" },
    { cmd: "gcloud storage mv gs://tf-state/prod/default.tfstate gs://tf-state/old/x.json", by: "remote-state.delete" },
    { cmd: "az storage blob upload --account-name acct -c tfstate -n prod.terraform.tfstate -f old.tfstate --overwrite", by: "remote-state.write" },
    { cmd: "az storage blob delete --account-name acct -c tfstate -n prod.terraform.tfstate", by: "remote-state.delete" },
    { cmd: "az storage blob delete-batch --account-name acct -s tfstate --pattern '*.tfstate'", by: ["azure.bulk-blob-delete", "remote-state.delete"] },
    { name: "downloading a state into the workspace (a directory destination)", cmd: "aws s3 cp s3://acme-tf/prod/terraform.tfstate .", by: "state.write-state-file" },
    { name: "downloading a state into an existing directory", cmd: "aws s3 cp s3://acme-tf/prod/terraform.tfstate infra", files: { "infra/main.tf": "" }, by: "state.write-state-file" },
    { name: "az download onto terraform.tfstate", cmd: "az storage blob download -c tfstate -n prod.state -f terraform.tfstate --account-name acmetf", by: "state.write-state-file" },
  ],
  ask: [
    { name: "gsutil download of a gcs state (default.tfstate, which terraform does not read locally) into a directory", cmd: "gsutil cp gs://acme-gcs/env/prod/default.tfstate infra", files: { "infra/main.tf": "" }, by: "state.new-state-copy" },
    { name: "aws s3 sync onto the backend's prefix (may overwrite it)", cmd: "aws s3 sync ./out s3://acme-tf/prod", files: S3_ROOT, by: ["aws.mutation", "remote-state.write-over-prefix"] },
    { name: "gsutil cp -r onto the gcs backend prefix", cmd: "gsutil cp -r ./prod gs://acme-gcs/env", files: GCS_ROOT, by: ["gcloud.mutation", "remote-state.write-over-prefix"] },
  ],
  allow: [
    { name: "a download to a file name that is not a directory", cmd: "aws s3 cp s3://acme-tf/prod/terraform.tfstate ./backup-copy" },
    { name: "reads of the backend bucket", cmd: "aws s3 ls s3://acme-tf/prod/", files: S3_ROOT },
    { name: "downloading a state under another name", cmd: "aws s3 cp s3://acme-tf/prod/network.json ./backup/network-copy.json", files: S3_ROOT },
    "gsutil ls gs://tf-state/prod/",
    "gcloud storage cat gs://tf-state/prod/default.tflock",
    "az storage blob list --account-name acct -c tfstate",
  ],
});
