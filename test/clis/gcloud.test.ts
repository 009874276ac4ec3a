import { parse } from "shell-quote";
import { describe, expect, it } from "vitest";
import { queryClass } from "../../src/clis/gcloud/bq.js";
import { splitGcloudArgv } from "../../src/clis/gcloud/grammar.js";
import { interpretGcloud } from "../../src/clis/gcloud/index.js";
import { commandPath } from "../../src/clis/gcloud/verbs.js";
import type { Operation } from "../../src/clis/types.js";
import { cmd as command } from "../support/interpreter-table.js";

const cmd = (text: string, env: Record<string, string> = {}, wrappers: string[] = []) => command(text, { env, lineEnv: [], wrappers });

type Ctx = Record<string, unknown> & { flags: string[]; iam: Record<string, unknown>; firewall: Record<string, boolean> };
function ops(text: string, env: Record<string, string> = {}): (Operation & { context: Ctx })[] {
  return interpretGcloud(cmd(text, env)).operations as (Operation & { context: Ctx })[];
}
function main(text: string, env: Record<string, string> = {}): Operation & { context: Ctx } {
  return ops(text, env)[0] as Operation & { context: Ctx };
}

describe("gcloud grammar", () => {
  it("takes global flags anywhere and strips the release track", () => {
    const a = splitGcloudArgv(parse("beta --project p sql instances delete prod-db -q --format=json").map(String));
    expect(a.track).toBe("beta");
    expect(a.words).toEqual(["sql", "instances", "delete", "prod-db"]);
    expect(a.flags.get("project")).toEqual(["p"]);
    expect(a.flags.has("quiet")).toBe(true);
  });
  it("finds the command word after nested groups; the first word is always a group", () => {
    expect(commandPath(["auth", "application-default", "print-access-token"])).toMatchObject({ group: "auth application-default", verb: "print-access-token" });
    expect(commandPath(["deploy", "releases", "create", "r1"])).toMatchObject({ group: "deploy releases", verb: "create", positionals: ["r1"] });
    expect(commandPath(["access-context-manager", "perimeters", "list"])).toMatchObject({ group: "access-context-manager perimeters", verb: "list" });
    expect(commandPath(["logging", "logs", "delete", "x"])).toMatchObject({ group: "logging logs", verb: "delete" });
    expect(commandPath(["compute", "frobnicate", "x"]).known).toBe(false);
  });
});

const CLASSES: readonly [string, string, string][] = [
  ["gcloud compute instances list", "gcloud.read", "read"],
  ["gcloud --project p sql instances describe prod-db", "gcloud.read", "read"],
  ["gcloud projects get-iam-policy p --format=json", "gcloud.read", "read"],
  ["gcloud container clusters get-credentials c --zone z", "gcloud.read", "read"],
  ["gcloud config list", "gcloud.read", "read"],
  ["gcloud auth list", "gcloud.read", "read"],
  ["gcloud logging read 'severity>=ERROR' --limit 10", "gcloud.read", "read"],
  ["gcloud storage ls gs://b", "gcloud.read", "read"],
  ["gcloud version", "gcloud.read", "read"],
  ["gcloud sql instances delete prod-db --help", "gcloud.read", "read"],
  ["gcloud help sql", "gcloud.read", "read"],
  ["gcloud sql instances delete prod-db --quiet", "gcloud.delete", "delete"],
  ["gcloud alpha spanner databases delete db --instance i", "gcloud.delete", "delete"],
  ["gcloud storage rm -r gs://b", "gcloud.delete", "delete"],
  ["gcloud kms keys versions destroy 1 --key k --keyring r --location l", "gcloud.delete", "delete"],
  ["gcloud run deploy svc --image gcr.io/p/i", "gcloud.mutate", "mutate"],
  ["gcloud compute firewall-rules create r --allow tcp:443", "gcloud.mutate", "mutate"],
  ["gcloud projects add-iam-policy-binding p --member user:a@b.c --role roles/viewer", "gcloud.mutate", "mutate"],
  ["gcloud compute frobnicate x", "gcloud.mutate", "mutate"],
  ["gcloud config set project prod", "gcloud.mutate", "mutate"],
  ["gcloud storage rsync ./site gs://b --dry-run", "gcloud.dry-run", "mutate"],
  ["gcloud auth print-access-token", "gcloud.secret", "credentials"],
  ["gcloud auth application-default print-access-token", "gcloud.secret", "credentials"],
  ["gcloud auth print-identity-token --audiences x", "gcloud.secret", "credentials"],
  ["gcloud secrets versions access latest --secret db-pass", "gcloud.secret", "secret"],
  ["gcloud iam service-accounts keys create key.json --iam-account sa@p.iam.gserviceaccount.com", "gcloud.secret", "secret"],
  ["gsutil ls gs://b", "gcloud.read", "read"],
  ["gsutil cat gs://b/k", "gcloud.read", "read"],
  ["gsutil iam get gs://b", "gcloud.read", "read"],
  ["gsutil cp gs://b/k ./k", "gcloud.read", "read"],
  ["gsutil cp ./k gs://b/k", "gcloud.mutate", "mutate"],
  ["gsutil -m rm -r gs://b/data", "gcloud.delete", "delete"],
  ["gsutil rb gs://b", "gcloud.delete", "delete"],
  ["gsutil rsync -n -d -r ./site gs://b", "gcloud.dry-run", "mutate"],
  ["bq ls", "gcloud.read", "read"],
  ["bq show --format=prettyjson ds.t", "gcloud.read", "read"],
  ["bq query --use_legacy_sql=false 'SELECT 1'", "gcloud.read", "read"],
  ["bq query --nouse_legacy_sql 'DROP TABLE ds.t'", "gcloud.delete", "delete"],
  ["bq query --use_legacy_sql=false 'INSERT INTO ds.t VALUES (1)'", "gcloud.mutate", "mutate"],
  ["bq query --dry_run 'DELETE FROM ds.t WHERE true'", "gcloud.dry-run", "delete"],
  ["bq rm -f -t ds.t", "gcloud.delete", "delete"],
  ["bq mk ds", "gcloud.mutate", "mutate"],
];

describe("gcloud verb classes", () => {
  for (const [text, action, cls] of CLASSES) {
    it(`${text} -> ${action} (${cls})`, () => {
      const o = main(text);
      expect(o.action).toBe(action);
      expect(o.context.verbClass).toBe(cls);
    });
  }
});

describe("gcloud facts", () => {
  it("names gsutil and bq commands in gcloud's vocabulary", () => {
    expect(main("gsutil rb gs://b").context).toMatchObject({ group: "storage buckets", verb: "delete" });
    expect(main("bq rm -r -f -d proj:ds").context).toMatchObject({ group: "bq datasets", verb: "delete", recursive: true });
    expect(main("bq rm ds").context.group).toBe("bq datasets");
    expect(main("bq rm ds.t").context.group).toBe("bq tables");
    expect(main("bq query 'DROP SCHEMA ds CASCADE'").context.group).toBe("bq datasets");
    expect(main("gcloud alpha bq datasets delete ds").context).toMatchObject({ track: "alpha", group: "bq datasets" });
  });
  it("project, quiet and impersonation from flags and the environment", () => {
    expect(main("gcloud sql instances list", { CLOUDSDK_CORE_PROJECT: "dev" }).context.project).toBe("dev");
    expect(main("gcloud sql instances list --project prod", { CLOUDSDK_CORE_PROJECT: "dev" }).context.project).toBe("prod");
    expect(main("gcloud sql instances delete x", { CLOUDSDK_CORE_DISABLE_PROMPTS: "1" }).context.quiet).toBe(true);
    expect(main("gcloud run deploy s --impersonate-service-account=sa@x").summary).toContain("as sa@x");
  });
  it("bulk deletes: -r, wildcards, a bucket URL, names from stdin", () => {
    expect(main("gcloud storage rm gs://b/k").context.recursive).toBe(false);
    expect(main("gcloud storage rm 'gs://b/logs/*'").context.recursive).toBe(true);
    expect(main("gcloud storage rm --recursive gs://b/x").context.recursive).toBe(true);
    expect(main("gcloud storage rm -I").context.recursive).toBe(true);
    expect(main("gsutil rm 'gs://b/**'").context.recursive).toBe(true);
  });
  it("IAM bindings: roles normalised, public members", () => {
    expect(main("gcloud projects add-iam-policy-binding p --member=allUsers --role=roles/editor").context.iam).toMatchObject({ grant: true, roles: ["roles/editor"], members: ["allUsers"] });
    expect(main("gcloud projects remove-iam-policy-binding p --member=user:x --role=roles/owner").context.iam).toMatchObject({ grant: false });
    expect(main("gcloud projects set-iam-policy p policy.json").context.iam).toMatchObject({ given: true, known: false });
    expect(main("gsutil iam ch allUsers:objectViewer gs://b").context.iam).toMatchObject({ roles: ["roles/storage.objectViewer"], members: ["allUsers"] });
    expect(main("gsutil acl ch -u AllUsers:R gs://b/o").context.iam).toMatchObject({ members: ["allUsers"] });
  });
  it("firewall rules: default source range, admin ports, egress and deny rules", () => {
    expect(main("gcloud compute firewall-rules create r --allow tcp:22").context.firewall).toMatchObject({ worldOpen: true, worldAdminPort: true });
    expect(main("gcloud compute firewall-rules create r --allow tcp:22 --source-ranges 10.0.0.0/8").context.firewall.worldOpen).toBe(false);
    expect(main("gcloud compute firewall-rules create r --allow tcp:443 --source-ranges=0.0.0.0/0").context.firewall).toMatchObject({ worldOpen: true, worldAdminPort: false });
    expect(main("gcloud compute firewall-rules create r --allow tcp:20-25 --source-ranges=0.0.0.0/0").context.firewall.worldAdminPort).toBe(true);
    expect(main("gcloud compute firewall-rules create r --action deny --rules all").context.firewall.worldOpen).toBe(false);
    expect(main("gcloud compute firewall-rules create r --direction EGRESS --allow all").context.firewall.worldOpen).toBe(false);
    expect(main("gcloud compute firewall-rules create r --allow all").context.firewall.worldAdminPort).toBe(true);
  });
  it("output captured by $(...) is a fact", () => {
    const o = interpretGcloud(cmd("gcloud auth print-access-token", {}, ["$(...)"])).operations[0] as Operation & { context: Ctx };
    expect(o.context.captured).toBe(true);
    expect(main("gcloud auth print-access-token").context.captured).toBe(false);
  });
  it("bq query SQL classes", () => {
    expect(queryClass("select 1; select 2")).toEqual({ cls: "read", dataset: false });
    expect(queryClass("-- c\nDROP SCHEMA x")).toEqual({ cls: "delete", dataset: true });
    expect(queryClass(undefined).cls).toBe("mutate");
  });
});

describe("gcloud object effects (remote state)", () => {
  it("uploads write objects: into a prefix the source's name is appended", () => {
    const o = ops("gcloud storage cp old.tfstate gs://tf/prod/").slice(1);
    expect(o.map((x) => [x.action, x.context.key, x.context.stateName])).toEqual([["object.write", "prod/old.tfstate", true]]);
    expect(ops("gsutil cp a.txt gs://tf/prod/default.tfstate")[1]?.context).toMatchObject({ key: "prod/default.tfstate", stateName: true });
  });
  it("an unknown boolean flag does not swallow a source URL", () => {
    expect(ops("gcloud storage cp --gzip-local-all --content-type text/plain old.tfstate gs://tf/prod/default.tfstate").slice(1).map((x) => x.context.key)).toEqual(["prod/default.tfstate"]);
    expect(ops("gcloud storage mv --no-clobber gs://tf/a.tfstate gs://tf/b.tfstate").slice(1).map((x) => x.action)).toEqual(["object.write", "object.delete"]);
  });
  it("rm deletes, mv deletes the source, rsync -d deletes under the destination", () => {
    expect(ops("gsutil rm gs://tf/prod/default.tfstate")[1]).toMatchObject({ action: "object.delete" });
    expect(ops("gcloud storage mv gs://tf/a.tfstate gs://tf/b.tfstate").slice(1).map((x) => x.action)).toEqual(["object.write", "object.delete"]);
    expect(ops("gsutil rsync -d -r ./s gs://tf/site").slice(1).map((x) => [x.action, x.context.recursive])).toEqual([["object.write", true], ["object.delete", true]]);
  });
  it("a download writes the local file, a directory destination resolved to the file it writes", () => {
    const files = interpretGcloud(cmd("gsutil cp gs://tf/prod/default.tfstate .")).files.map((f) => f.path);
    expect(files).toContain("/ws/default.tfstate");
    expect(interpretGcloud(cmd("gcloud storage cp gs://tf/terraform.tfstate ./state/x.json")).files.map((f) => f.path)).toContain("/ws/state/x.json");
  });
  it("dry runs touch nothing", () => {
    expect(ops("gsutil rsync -n -d ./s gs://tf/x")).toHaveLength(1);
  });
});
