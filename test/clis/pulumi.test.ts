import { describe, expect, it } from "vitest";
import { interpretPulumi } from "../../src/clis/pulumi/index.js";
import { scanCobra } from "../../src/clis/pulumi/cobra.js";
import type { Operation } from "../../src/clis/types.js";
import { cmd as command } from "../support/interpreter-table.js";

const cmd = (text: string, env: Record<string, string> = {}, lineEnv: string[] = Object.keys(env)) => command(text, { env, lineEnv, cwd: "/ws/infra", program: "pulumi" });

function op(text: string, env: Record<string, string> = {}, lineEnv?: string[]): Operation & { context: Record<string, never> } {
  const ops = interpretPulumi(cmd(text, env, lineEnv)).operations;
  expect(ops).toHaveLength(1);
  return ops[0] as Operation & { context: Record<string, never> };
}

describe("cobra scanner", () => {
  it("clusters, attached values, =, interspersed, --", () => {
    const r = scanCobra(["-yf", "-sprod", "up", "-t=urn:a", "--target", "urn:b", "--", "-x"], { valued: new Set(["stack", "target"]), short: { y: "yes", s: "stack", t: "target" } });
    expect(r.positionals).toEqual(["up"]);
    expect(r.flags.get("yes")).toEqual(["true"]);
    expect(r.flags.get("f")).toEqual(["true"]);
    expect(r.flags.get("stack")).toEqual(["prod"]);
    expect(r.flags.get("target")).toEqual(["urn:a", "urn:b"]);
    expect(r.afterDash).toEqual(["-x"]);
  });
});

const CASES: readonly [string, string, Record<string, unknown>?, Record<string, string>?][] = [
  ["pulumi preview", "pulumi.preview"],
  ["pulumi pre --diff", "pulumi.preview", { operation: "preview" }],
  ["pulumi stack ls", "pulumi.read"],
  ["pulumi stack output", "pulumi.read", { showSecrets: false }],
  ["pulumi stack output --show-secrets", "pulumi.read", { showSecrets: true }],
  ["pulumi config", "pulumi.read"],
  ["pulumi config set aws:region us-east-1", "pulumi.read"],
  ["pulumi whoami", "pulumi.read"],
  ["pulumi about", "pulumi.read"],
  ["pulumi destroy --help", "pulumi.read"],
  ["pulumi", "pulumi.read"],
  ["pulumi env open myorg/prod", "pulumi.read", { showSecrets: true }],
  ["pulumi destroy", "pulumi.destroy", { autoApprove: false }],
  ["pulumi down -y", "pulumi.destroy", { autoApprove: true, operation: "destroy" }],
  ["pulumi dn", "pulumi.destroy"],
  ["pulumi destroy -yf", "pulumi.destroy", { autoApprove: true }],
  ["pulumi destroy -f", "pulumi.destroy", { autoApprove: true }],
  ["pulumi destroy --skip-preview", "pulumi.destroy", { autoApprove: true }],
  ["pulumi destroy --target urn:pulumi:dev::p::aws:s3/bucket:Bucket::b", "pulumi.destroy", { autoApprove: false, targets: ["urn:pulumi:dev::p::aws:s3/bucket:Bucket::b"] }],
  ["pulumi destroy --remove", "pulumi.destroy"],
  ["pulumi destroy --preview-only", "pulumi.preview"],
  ["pulumi destroy", "pulumi.destroy", { autoApprove: true }, { PULUMI_SKIP_CONFIRMATIONS: "true" }],
  ["pulumi destroy", "pulumi.destroy", { autoApprove: false }, { PULUMI_SKIP_CONFIRMATIONS: "false" }],
  ["pulumi up", "pulumi.up", { autoApprove: false }],
  ["pulumi update --yes", "pulumi.up", { autoApprove: true, operation: "up" }],
  ["pulumi up", "pulumi.up", { autoApprove: true }, { PULUMI_SKIP_CONFIRMATIONS: "1" }],
  ["pulumi watch", "pulumi.up", { autoApprove: true }],
  ["pulumi refresh -y", "pulumi.refresh"],
  ["pulumi refresh --preview-only", "pulumi.preview"],
  ["pulumi import aws:s3/bucket:Bucket b my-bucket", "pulumi.import"],
  ["pulumi stack rm dev", "pulumi.stack-rm", { stack: "dev" }],
  ["pulumi stack remove dev --force", "pulumi.stack-rm", { operation: "stack rm" }],
  ["pulumi stack delete -f -y", "pulumi.stack-rm"],
  ["pulumi stack import --file old.json", "pulumi.stack-import"],
  ["pulumi stack select prod", "pulumi.switch", { stack: "prod" }],
  ["pulumi login s3://my-bucket", "pulumi.switch", { backendUrl: "s3://my-bucket" }],
  ["pulumi login --local", "pulumi.switch", { backendUrl: "file://~" }],
  ["pulumi state delete urn:a --force", "pulumi.state", { operation: "state delete" }],
  ["pulumi state edit", "pulumi.state"],
  ["pulumi state unprotect urn:a", "pulumi.state"],
  ["pulumi cancel", "pulumi.other"],
  ["pulumi stack rename new", "pulumi.other"],
  ["pulumi -C infra/prod destroy", "pulumi.destroy", { cwd: "/ws/infra/infra/prod" }],
];

describe("interpretPulumi", () => {
  for (const [text, action, facts, env] of CASES) {
    it(`${env ? `${Object.entries(env).map(([k, v]) => `${k}=${v}`).join(" ")} ` : ""}${text} -> ${action}`, () => {
      const o = op(text, env);
      expect(o.action).toBe(action);
      for (const [k, v] of Object.entries(facts ?? {})) {
        if (Array.isArray(v)) expect(o.context[k], k).toEqual(v);
        else expect(o.context[k], k).toBe(v);
      }
    });
  }

  it("normalises -f by command: skip-preview on updates, force on stack rm / state delete", () => {
    expect(op("pulumi destroy -f").context.flags).toContain("skip-preview");
    expect(op("pulumi stack rm dev -f").context.flags).toContain("force");
    expect(op("pulumi state delete urn:a -f").context.flags).toContain("force");
  });

  it("PULUMI_BACKEND_URL: only a line assignment is an override", () => {
    expect(op("pulumi up", { PULUMI_BACKEND_URL: "s3://other" }).context.backendOverride).toBe(true);
    expect(op("pulumi up", { PULUMI_BACKEND_URL: "s3://usual" }, []).context.backendOverride).toBe(false);
  });
});
