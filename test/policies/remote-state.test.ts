import { policyTable } from "../support/policy-table.js";

policyTable("policies/remote-state.cedar", {
  deny: [
    { cmd: "gcloud storage cp old.tfstate gs://tf-state/prod/default.tfstate", by: "remote-state.write" },
    { cmd: "gsutil cp ./backup/terraform.tfstate gs://tf-state/env/prod/", by: "remote-state.write" },
    { cmd: "gsutil rm gs://tf-state/prod/default.tfstate", by: "remote-state.delete" },
    { cmd: "gcloud storage mv gs://tf-state/prod/default.tfstate gs://tf-state/old/x.json", by: "remote-state.delete" },
    { cmd: "az storage blob upload --account-name acct -c tfstate -n prod.terraform.tfstate -f old.tfstate --overwrite", by: "remote-state.write" },
    { cmd: "az storage blob delete --account-name acct -c tfstate -n prod.terraform.tfstate", by: "remote-state.delete" },
    { cmd: "az storage blob delete-batch --account-name acct -s tfstate --pattern '*.tfstate'", by: "remote-state.delete" },
  ],
  ask: [],
  allow: [
    "gsutil ls gs://tf-state/prod/",
    "gcloud storage cat gs://tf-state/prod/default.tflock",
    "az storage blob list --account-name acct -c tfstate",
  ],
});
