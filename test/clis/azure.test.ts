import { parse } from "shell-quote";
import { describe, expect, it } from "vitest";
import { expandOption, splitAzArgv } from "../../src/clis/azure/grammar.js";
import { interpretAz } from "../../src/clis/azure/index.js";
import type { Operation } from "../../src/clis/types.js";
import { cmd as command } from "../support/interpreter-table.js";

const cmd = (text: string, env: Record<string, string> = {}) => command(text, { env, lineEnv: [], program: "az" });
type Ctx = Record<string, unknown> & { nsg: Record<string, boolean>; roles: string[] };
function ops(text: string, env: Record<string, string> = {}): (Operation & { context: Ctx })[] {
  return interpretAz(cmd(text, env)).operations as (Operation & { context: Ctx })[];
}
function main(text: string, env: Record<string, string> = {}): Operation & { context: Ctx } {
  return ops(text, env)[0] as Operation & { context: Ctx };
}

describe("az grammar", () => {
  it("the command path is the leading words; options take values, lists up to the next option", () => {
    const a = splitAzArgv(parse("network nsg rule create -g rg --nsg-name n --source-address-prefixes 10.0.0.0/8 1.2.3.4/32 -y").map(String));
    expect(a.words).toEqual(["network", "nsg", "rule", "create"]);
    expect(a.options.get("source-address-prefixes")).toEqual(["10.0.0.0/8", "1.2.3.4/32"]);
    expect(a.options.has("yes")).toBe(true);
  });
  it("expands unique prefixes of the options the policies read (argparse abbreviations)", () => {
    expect(expandOption("mo")).toBe("mode");
    expect(expandOption("adm")).toBe("admin");
    expect(expandOption("subscr")).toBe("subscription");
    expect(expandOption("resource-group")).toBe("resource-group");
  });
  it("a lone - is a value (--file -)", () => {
    expect(splitAzArgv(["aks", "get-credentials", "--file", "-"]).options.get("file")).toEqual(["-"]);
  });
});

const CLASSES: readonly [string, string, string][] = [
  ["az group list -o table", "azure.read", "read"],
  ["az account show", "azure.read", "read"],
  ["az vm show -g rg -n vm", "azure.read", "read"],
  ["az storage account show-connection-string -n acct", "azure.secret", "credentials"],
  ["az sql db show-connection-string -s srv -n db -c ado.net", "azure.read", "read"],
  ["az aks get-credentials -g rg -n c", "azure.read", "read"],
  ["az aks get-credentials -g rg -n c --admin", "azure.secret", "secret"],
  ["az aks get-credentials -g rg -n c --file -", "azure.secret", "credentials"],
  ["az deployment group what-if -g rg -f main.bicep", "azure.dry-run", "read"],
  ["az group delete -n rg --yes", "azure.delete", "delete"],
  ["az keyvault purge -n kv", "azure.delete", "delete"],
  ["az storage blob delete-batch -s c --account-name a", "azure.delete", "delete"],
  ["az deployment group create -g rg -f main.bicep", "azure.mutate", "mutate"],
  ["az account set -s prod", "azure.mutate", "mutate"],
  ["az login", "azure.mutate", "mutate"],
  ["az webapp frobnicate -n x", "azure.mutate", "mutate"],
  ["az rest --url https://management.azure.com/x", "azure.read", "read"],
  ["az rest -m put --url https://management.azure.com/x", "azure.mutate", "mutate"],
  ["az rest --method DELETE --url https://management.azure.com/x", "azure.delete", "delete"],
  ["az account get-access-token", "azure.secret", "credentials"],
  ["az storage account keys list -n acct", "azure.secret", "credentials"],
  ["az cosmosdb keys list -n db -g rg", "azure.secret", "credentials"],
  ["az redis list-keys -n r -g rg", "azure.secret", "credentials"],
  ["az acr login -n reg --expose-token", "azure.secret", "credentials"],
  ["az keyvault secret show --vault-name kv -n s", "azure.secret", "secret"],
  ["az ad sp create-for-rbac -n sp", "azure.secret", "secret"],
  ["az storage container generate-sas -n c --account-name a", "azure.secret", "secret"],
  ["az group delete --help", "azure.read", "read"],
];

describe("az verb classes", () => {
  for (const [text, action, cls] of CLASSES) {
    it(`${text} -> ${action} (${cls})`, () => {
      const o = main(text);
      expect(o.action).toBe(action);
      expect(o.context.verbClass).toBe(cls);
    });
  }
});

describe("az facts", () => {
  it("deployment mode and stack actions, lower-cased, from abbreviations too", () => {
    expect(main("az deployment group create -g rg -f m.bicep --mode Complete").context.mode).toBe("complete");
    expect(main("az deployment group create -g rg -f m.bicep --mo Complete").context.mode).toBe("complete");
    expect(main("az stack group delete -n s -g rg --action-on-unmanage deleteAll --yes").context.actionOnUnmanage).toBe("deleteall");
  });
  it("subscription from the flag (az reads no environment variable for it), in the summary", () => {
    expect(main("az group list", { AZURE_SUBSCRIPTION_ID: "s1" }).context.subscription).toBe("");
    expect(main("az group delete -n rg --subscription prod").summary).toContain("subscription prod");
  });
  it("network rules: defaults of a created rule, admin ports, deny and outbound rules", () => {
    expect(main("az network nsg rule create -g rg --nsg-name n -n r --priority 100 --destination-port-ranges 22").context.nsg).toMatchObject({ worldOpen: true, worldAdminPort: true });
    expect(main("az network nsg rule create -g rg --nsg-name n -n r --priority 100").context.nsg).toMatchObject({ worldOpen: true, worldAdminPort: false });
    expect(main("az network nsg rule create -g rg --nsg-name n -n r --priority 100 --source-address-prefixes 10.0.0.0/8 --destination-port-ranges '*'").context.nsg.worldOpen).toBe(false);
    expect(main("az network nsg rule create -g rg --nsg-name n -n r --priority 100 --access Deny --destination-port-ranges 22").context.nsg.worldOpen).toBe(false);
    expect(main("az network nsg rule create -g rg --nsg-name n -n r --priority 100 --direction Outbound --destination-port-ranges 22").context.nsg.worldOpen).toBe(false);
    expect(main("az vm open-port -g rg -n vm --port 3389").context.nsg.worldAdminPort).toBe(true);
  });
  it("role names", () => {
    expect(main("az role assignment create --assignee x --role 'User Access Administrator'").context.roles).toEqual(["user access administrator"]);
  });
});

describe("az object effects (remote state)", () => {
  it("blob upload and delete name the object; the account from the connection string or the environment", () => {
    expect(ops("az storage blob upload --account-name acct -c tfstate -n prod.tfstate -f x")[1]).toMatchObject({ action: "object.write", context: { bucket: "acct/tfstate", key: "prod.tfstate", stateName: true } });
    expect(ops("az storage blob delete -c tfstate -n prod.tfstate --connection-string 'DefaultEndpointsProtocol=https;AccountName=acct2;AccountKey=k'")[1]?.context.bucket).toBe("acct2/tfstate");
    expect(ops("az storage blob upload -c tfstate -f terraform.tfstate", { AZURE_STORAGE_ACCOUNT: "a3" })[1]?.context).toMatchObject({ bucket: "a3/tfstate", key: "terraform.tfstate" });
    expect(ops("az storage blob upload --blob-url https://acct.blob.core.windows.net/tf/env/prod.tfstate -f x")[1]?.context).toMatchObject({ bucket: "acct/tf", key: "env/prod.tfstate" });
  });
  it("batch deletes and container deletes are recursive", () => {
    expect(ops("az storage blob delete-batch -s tfstate --pattern '*.tfstate' --account-name a")[1]?.context).toMatchObject({ recursive: true, stateName: true });
    expect(ops("az storage container delete -n tfstate --account-name a")[1]?.context).toMatchObject({ recursive: true, key: "" });
  });
  it("a download writes the local file", () => {
    expect(interpretAz(cmd("az storage blob download -c tf -n terraform.tfstate -f ./terraform.tfstate")).files.map((f) => f.path)).toEqual(["/ws/terraform.tfstate"]);
  });
});
