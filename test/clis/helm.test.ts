import { describe, expect, it } from "vitest";
import { interpretHelm } from "../../src/clis/helm/index.js";
import type { Operation } from "../../src/clis/types.js";
import { cmd as command } from "../support/interpreter-table.js";

const cmd = (text: string) => command(text, { program: "helm" });

function op(text: string): Operation & { context: Record<string, never> } {
  const ops = interpretHelm(cmd(text)).operations;
  expect(ops).toHaveLength(1);
  return ops[0] as Operation & { context: Record<string, never> };
}

const CASES: readonly [string, string, Record<string, unknown>?][] = [
  ["helm list -A", "helm.read"],
  ["helm ls", "helm.read"],
  ["helm diff upgrade api ./chart -f prod.yaml", "helm.read"],
  ["helm diff rollback api 3", "helm.read"],
  ["helm status api", "helm.read"],
  ["helm template api ./chart -f values.yaml", "helm.read"],
  ["helm lint ./chart", "helm.read"],
  ["helm show values bitnami/postgresql", "helm.read"],
  ["helm history api", "helm.read"],
  ["helm repo list", "helm.read"],
  ["helm repo add bitnami https://charts.bitnami.com/bitnami", "helm.read"],
  ["helm search repo postgres", "helm.read"],
  ["helm version", "helm.read"],
  ["helm get notes api", "helm.read"],
  ["helm get values api", "helm.secret-read", { operation: "get values" }],
  ["helm get all api", "helm.secret-read"],
  ["helm get manifest api", "helm.secret-read"],
  ["helm install api ./chart", "helm.release", { release: "api", chart: "./chart" }],
  ["helm install ./chart -g", "helm.release", { release: "", chart: "./chart" }],
  ["helm upgrade --install api ./chart -n prod", "helm.release", { release: "api", chart: "./chart", namespace: "prod" }],
  ["helm upgrade -i api ./chart --force", "helm.release"],
  ["helm upgrade api ./chart --dry-run", "helm.dry-run", { dryRun: true }],
  ["helm upgrade api ./chart --dry-run=server", "helm.dry-run"],
  ["helm install api ./chart --dry-run=false", "helm.release", { dryRun: false }],
  ["helm rollback api 3", "helm.release", { release: "api" }],
  ["helm uninstall api", "helm.uninstall", { operation: "uninstall" }],
  ["helm del api", "helm.uninstall"],
  ["helm delete api", "helm.uninstall"],
  ["helm un api --dry-run", "helm.dry-run"],
  ["helm plugin install https://github.com/x/y", "helm.other"],
  ["helm registry login r.example.com", "helm.other"],
  ["helm --kube-context prod uninstall api", "helm.uninstall", { kubeContext: "prod", contextOverride: true }],
];

describe("interpretHelm", () => {
  for (const [text, action, facts] of CASES) {
    it(`${text} -> ${action}`, () => {
      const o = op(text);
      expect(o.action).toBe(action);
      for (const [k, v] of Object.entries(facts ?? {})) expect(o.context[k], k).toBe(v);
    });
  }

  it("flags and options", () => {
    const o = op("helm upgrade -i api ./chart --force --set image.tag=2 -f prod.yaml");
    expect(o.context.flags).toEqual(expect.arrayContaining(["install", "force"]));
    expect(o.context.options).toEqual(expect.arrayContaining(["set=image.tag=2", "values=prod.yaml"]));
  });
});
