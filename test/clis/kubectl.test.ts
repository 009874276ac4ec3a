import { describe, expect, it } from "vitest";
import { interpretKubectl, normaliseKind } from "../../src/clis/kubectl/index.js";
import type { Operation } from "../../src/clis/types.js";
import { cmd as command, interpreterTable, type Row } from "../support/interpreter-table.js";

const cmd = (text: string, env: Record<string, string> = {}) => command(text, { env, program: "kubectl" });

function op(text: string, env: Record<string, string> = {}): Operation & { context: Record<string, never> } {
  const ops = interpretKubectl(cmd(text, env)).operations;
  expect(ops).toHaveLength(1);
  return ops[0] as Operation & { context: Record<string, never> };
}

const CASES: readonly Row[] = [
  ["kubectl get pods", "kubectl.read", { kinds: ["pod"] }],
  ["kubectl get secrets", "kubectl.read", { kinds: ["secret"] }],
  ["kubectl get secret db -o yaml", "kubectl.secret-read", { output: "yaml" }],
  ["kubectl get secret/db -ojsonpath={.data.password}", "kubectl.secret-read"],
  ["kubectl get secrets -o=json -n prod", "kubectl.secret-read", { namespace: "prod" }],
  ["kubectl get secret db -o name", "kubectl.read"],
  ["kubectl get cm,secret -o yaml", "kubectl.secret-read", { kinds: ["configmap", "secret"] }],
  ["kubectl describe secret db", "kubectl.read"],
  ["kubectl get secret x -o jsonpath='{.metadata.name}'", "kubectl.read"],
  ["kubectl get secrets -o jsonpath='{.items[*].metadata.name}{\"\\n\"}'", "kubectl.read"],
  ["kubectl get secret x -o jsonpath='{.type}'", "kubectl.read"],
  ["kubectl get secret x -o jsonpath='{.data}'", "kubectl.secret-read"],
  ["kubectl get secret x -o jsonpath='{@}'", "kubectl.secret-read"],
  ["kubectl get secret x -o go-template --template='{{.data.password}}'", "kubectl.secret-read"],
  ["kubectl get secret x -o go-template --template='{{.metadata.name}}'", "kubectl.read"],
  ["kubectl get secret x -o custom-columns=NAME:.metadata.name,DATA:.data", "kubectl.secret-read"],
  ["kubectl get secret x -o jsonpath-file=t.txt", "kubectl.secret-read"],
  ["kubectl get --raw /api/v1/namespaces/default/secrets/db", "kubectl.secret-read"],
  ["kubectl get --raw=/api/v1/secrets", "kubectl.secret-read"],
  ["kubectl get --raw /readyz", "kubectl.read"],
  ["kubectl logs deploy/api -f", "kubectl.read"],
  ["kubectl config view", "kubectl.read"],
  ["kubectl config view --raw", "kubectl.secret-read", { operation: "config view" }],
  ["kubectl config view --minify --flatten --raw", "kubectl.secret-read"],
  ["kubectl config view --minify --flatten", "kubectl.secret-read", { operation: "config view" }],
  ["kubectl config view --flatten=false", "kubectl.read"],
  ["kubectl config view --minify", "kubectl.read"],
  ["kubectl config get-contexts", "kubectl.read"],
  ["kubectl config use-context prod", "kubectl.context", { operation: "config use-context" }],
  ["kubectl config set-context --current --namespace=prod", "kubectl.context"],
  ["kubectl diff -f app.yaml", "kubectl.read"],
  ["kubectl rollout status deploy/api", "kubectl.read"],
  ["kubectl rollout undo deploy/api", "kubectl.write"],
  ["kubectl apply -f app.yaml", "kubectl.write", { fromFile: true }],
  ["kubectl apply -f app.yaml --dry-run=server", "kubectl.dry-run", { dryRun: true }],
  ["kubectl apply -f app.yaml --dry-run", "kubectl.dry-run"],
  ["kubectl apply -f app.yaml --dry-run=none", "kubectl.write", { dryRun: false }],
  ["kubectl exec -it api-0 -- rm -rf /data", "kubectl.write", { names: ["api-0"] }],
  ["kubectl create token deployer", "kubectl.secret-read"],
  ["kubectl ctx prod", "kubectl.write"],
  ["kubectl delete pod api-0", "kubectl.delete", { kinds: ["pod"], names: ["api-0"] }],
  ["kubectl delete ns staging", "kubectl.delete", { kinds: ["namespace"], names: ["staging"] }],
  ["kubectl delete namespace/staging", "kubectl.delete", { kinds: ["namespace"] }],
  ["kubectl delete Namespaces staging", "kubectl.delete", { kinds: ["namespace"] }],
  ["kubectl delete customresourcedefinitions.apiextensions.k8s.io certs.cert-manager.io", "kubectl.delete", { kinds: ["customresourcedefinition"] }],
  ["kubectl delete pods --all -n dev", "kubectl.delete", { flags: ["all"] }],
  ["kubectl delete pods -A -l app=x", "kubectl.delete", { flags: ["all-namespaces"] }],
  ["kubectl delete ns staging --dry-run=server", "kubectl.dry-run"],
  ["kubectl --context prod delete pod x", "kubectl.delete", { kubeContext: "prod", contextOverride: true }],
  ["kubectl -h", "kubectl.read"],
  ["kubectl", "kubectl.read"],
];

interpreterTable("interpretKubectl", interpretKubectl, CASES, { program: "kubectl" });

describe("interpretKubectl", () => {
  it("force with grace period 0", () => {
    const o = op("kubectl delete pod x --force --grace-period 0");
    expect(o.context.flags).toContain("force");
    expect(o.context.options).toContain("grace-period=0");
  });

  it("the resource is the --context cluster", () => {
    expect(op("kubectl get pods").resource).toEqual({ type: "Cluster", name: "(current)" });
    expect(op("kubectl --context=prod-eu get pods").resource).toEqual({ type: "Cluster", name: "prod-eu" });
  });

  it("KUBECONFIG on the line is a context override", () => {
    expect(op("kubectl apply -f x.yaml", { KUBECONFIG: "/tmp/other" }).context.contextOverride).toBe(true);
  });

  it("normalises kinds", () => {
    expect(["ns", "pv", "crds", "ingresses", "storageclasses", "policies", "nodes"].map(normaliseKind)).toEqual([
      "namespace", "persistentvolume", "customresourcedefinition", "ingress", "storageclass", "policy", "node",
    ]);
  });
});
