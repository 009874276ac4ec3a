/** Remote-state facts: the backends of the Terraform roots in a workspace (src/state/backends.ts) and the
 *  object operations they mark (src/state/remote.ts). */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { objectOperation, type ObjectAccess } from "../../src/clis/remote-objects.js";
import type { Operation } from "../../src/clis/types.js";
import { openBackendCache } from "../../src/state/backend-cache.js";
import { backendBlocks, findBackends } from "../../src/state/backends.js";
import { enrichRemoteState } from "../../src/state/remote.js";
import type { SimpleCommand } from "../../src/shell/types.js";
import { tempDir } from "../support/temp.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function workspace(files: Record<string, string>): string {
  const root = tempDir("infragate-remote-");
  dirs.push(root);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const S3 = `terraform {\n  backend "s3" {\n    bucket = "acme-tf"\n    key    = "prod/network.json"\n    region = "eu-west-1"\n  }\n}\n`;
const GCS = `terraform {\n  required_version = ">= 1.5"\n  backend "gcs" {\n    bucket = "acme-gcs"\n    prefix = "env/prod"\n  }\n}\n`;
const AZ = `terraform {\n  backend "azurerm" {\n    storage_account_name = "acmetf"\n    container_name       = "tfstate"\n    key                  = "prod.terraform.tfstate"\n  }\n}\n`;

const CMD: SimpleCommand = { program: "aws", argv: ["aws"], env: {}, lineEnv: [], cwd: "/", wrappers: [], depth: 0, stdin: "terminal", unresolved: false, inlineCode: undefined, text: "x" };

function facts(root: string, a: ObjectAccess): Record<string, unknown> {
  const [op] = enrichRemoteState([objectOperation(CMD, "test", a)], root) as Operation[];
  return op?.context as Record<string, unknown>;
}

describe("backend blocks", () => {
  it("reads s3, gcs and azurerm blocks with their string attributes", () => {
    expect(backendBlocks(S3)).toEqual([{ type: "s3", config: { bucket: "acme-tf", key: "prod/network.json", region: "eu-west-1" } }]);
    expect(backendBlocks(GCS)[0]?.config).toEqual({ bucket: "acme-gcs", prefix: "env/prod" });
    expect(backendBlocks(`terraform {\n  backend "local" {\n    path = "x"\n  }\n}\n`)).toEqual([]);
    expect(backendBlocks("terraform { backend \"s3\" { bucket = ")).toEqual([]);
  });
  it("finds the roots under a workspace: .tf blocks, .tfbackend partials, the config init saved", () => {
    const root = workspace({
      "infra/prod/backend.tf": S3,
      "infra/gcp/main.tf": GCS,
      "infra/partial/main.tf": `terraform {\n  backend "s3" {}\n}\n`,
      "infra/partial/prod.s3.tfbackend": `bucket = "acme-partial"\nkey = "p/terraform.tfstate"\n`,
      "infra/saved/.terraform/terraform.tfstate": JSON.stringify({ version: 3, backend: { type: "azurerm", config: { storage_account_name: "acmetf", container_name: "tfstate", key: "saved.tfstate" } } }),
      "node_modules/x/main.tf": S3,
    });
    const found = findBackends(root).map((b) => [path.relative(root, b.root), b.type, b.config.bucket ?? b.config.key]);
    expect(found).toEqual(expect.arrayContaining([
      ["infra/prod", "s3", "acme-tf"],
      ["infra/gcp", "gcs", "acme-gcs"],
      ["infra/partial", "s3", "acme-partial"],
      ["infra/saved", "azurerm", "saved.tfstate"],
    ]));
    expect(found.some(([r]) => String(r).startsWith("node_modules"))).toBe(false);
  });
});

describe("terragrunt remote_state", () => {
  const TG = `remote_state {\n  backend = "s3"\n  config = {\n    bucket = "acme-\${local.env}-tf"\n    key    = "\${path_relative_to_include()}/terraform.tfstate"\n  }\n}\n`;
  const root = workspace({ "live/terragrunt.hcl": TG, "live/prod/vpc/terragrunt.hcl": `include "root" {\n  path = find_in_parent_folders()\n}\n` });
  it("reads the block, interpolations kept", () => {
    expect(findBackends(root).map((b) => [path.relative(root, b.root), b.type, b.config.key])).toEqual([["live", "s3", "${path_relative_to_include()}/terraform.tfstate"]]);
  });
  it("an interpolation matches any text", () => {
    expect(facts(root, { op: "write", ref: { store: "s3", bucket: "acme-prod-tf", key: "prod/vpc/terraform.tfstate" }, recursive: false }).backendState).toBe(true);
    expect(facts(root, { op: "write", ref: { store: "s3", bucket: "acme-prod-tf", key: "prod/vpc/notes.txt" }, recursive: false }).backendState).toBe(false);
    expect(facts(root, { op: "delete", ref: { store: "s3", bucket: "acme-prod-tf", key: "prod" }, recursive: true }).backendPrefix).toBe(true);
    expect(facts(root, { op: "write", ref: { store: "s3", bucket: "other", key: "prod/vpc/terraform.tfstate" }, recursive: false }).backendState).toBe(false);
  });
  it("a key longer than any object name matches nothing (and runs no pattern on it)", () => {
    expect(facts(root, { op: "write", ref: { store: "s3", bucket: "acme-prod-tf", key: `${"a/".repeat(600)}x.json` }, recursive: false }).backendState).toBe(false);
  });
});

describe("backend cache ($INFRAGATE_HOME/backends)", () => {
  it("reuses the blocks of an unchanged file and reads a changed one again", () => {
    const root = workspace({ "prod/backend.tf": S3 });
    const home = workspace({});
    const file = path.join(root, "prod/backend.tf");
    fs.utimesSync(file, 1_700_000_000, 1_700_000_000);
    expect(findBackends(root, openBackendCache(home, root)).map((b) => b.config.bucket)).toEqual(["acme-tf"]);
    expect(fs.readdirSync(path.join(home, "backends"))).toHaveLength(1);
    // Same size, same mtime and inode: the cached blocks stand (the cache never re-reads an unchanged file).
    fs.writeFileSync(file, S3.replace("acme-tf", "acme-xx"));
    fs.utimesSync(file, 1_700_000_000, 1_700_000_000);
    expect(findBackends(root, openBackendCache(home, root)).map((b) => b.config.bucket)).toEqual(["acme-tf"]);
    // A real change (new mtime) is read again.
    fs.utimesSync(file, 1_700_000_005, 1_700_000_005);
    expect(findBackends(root, openBackendCache(home, root)).map((b) => b.config.bucket)).toEqual(["acme-xx"]);
  });
  it("an unreadable cache is ignored", () => {
    const root = workspace({ "prod/backend.tf": S3 });
    const home = workspace({});
    fs.mkdirSync(path.join(home, "backends"));
    for (const f of fs.readdirSync(path.join(home, "backends"))) fs.rmSync(path.join(home, "backends", f));
    findBackends(root, openBackendCache(home, root));
    const [cacheFile] = fs.readdirSync(path.join(home, "backends"));
    fs.writeFileSync(path.join(home, "backends", cacheFile as string), "{not json");
    expect(findBackends(root, openBackendCache(home, root)).map((b) => b.config.bucket)).toEqual(["acme-tf"]);
  });
});

describe("object operations against the workspace's backends", () => {
  const root = workspace({ "prod/backend.tf": S3, "gcp/main.tf": GCS, "az/main.tf": AZ });

  it("s3: the key and its workspace copies; a covering prefix", () => {
    expect(facts(root, { op: "write", ref: { store: "s3", bucket: "acme-tf", key: "prod/network.json" }, recursive: false })).toMatchObject({ backendState: true, backendRoots: ["prod"] });
    expect(facts(root, { op: "delete", ref: { store: "s3", bucket: "acme-tf", key: "env:/staging/prod/network.json" }, recursive: false }).backendState).toBe(true);
    expect(facts(root, { op: "delete", ref: { store: "s3", bucket: "acme-tf", key: "prod" }, recursive: true })).toMatchObject({ backendState: false, backendPrefix: true });
    expect(facts(root, { op: "delete", ref: { store: "s3", bucket: "acme-tf", key: "" }, recursive: true }).backendPrefix).toBe(true);
    expect(facts(root, { op: "write", ref: { store: "s3", bucket: "acme-tf", key: "prod/other.json" }, recursive: false })).toMatchObject({ backendState: false, backendPrefix: false });
    expect(facts(root, { op: "write", ref: { store: "s3", bucket: "other", key: "prod/network.json" }, recursive: false }).backendState).toBe(false);
    expect(facts(root, { op: "write", ref: { store: "s3", bucket: "acme-tf", key: "production" }, recursive: true }).backendPrefix).toBe(false);
  });
  it("gcs: <prefix>/<workspace>.tfstate; a wildcard under the prefix", () => {
    expect(facts(root, { op: "write", ref: { store: "gcs", bucket: "acme-gcs", key: "env/prod/default.tfstate" }, recursive: false }).backendState).toBe(true);
    expect(facts(root, { op: "delete", ref: { store: "gcs", bucket: "acme-gcs", key: "env/prod/*" }, recursive: true }).backendPrefix).toBe(true);
    expect(facts(root, { op: "write", ref: { store: "gcs", bucket: "acme-gcs", key: "env/prod/sub/x.tfstate" }, recursive: false }).backendState).toBe(false);
  });
  it("azurerm: account/container/key, the account optional; key + env:<ws>", () => {
    expect(facts(root, { op: "write", ref: { store: "azure", bucket: "acmetf/tfstate", key: "prod.terraform.tfstate" }, recursive: false }).backendState).toBe(true);
    expect(facts(root, { op: "delete", ref: { store: "azure", bucket: "/tfstate", key: "prod.terraform.tfstateenv:dev" }, recursive: false }).backendState).toBe(true);
    expect(facts(root, { op: "write", ref: { store: "azure", bucket: "other/tfstate", key: "prod.terraform.tfstate" }, recursive: false }).backendState).toBe(false);
  });
  it("leaves other operations and workspaces without backends alone", () => {
    const empty = workspace({ "README.md": "x" });
    const op = objectOperation(CMD, "test", { op: "write", ref: { store: "s3", bucket: "acme-tf", key: "prod/network.json" }, recursive: false });
    expect(enrichRemoteState([op], empty)[0]).toBe(op);
  });
});
