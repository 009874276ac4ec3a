/** Cluster and delivery tools: `eksctl` (verb, then the kind of object), `argocd` (apps synced from git;
 *  `app delete` cascades to every object of the app unless --cascade=false; `sync --prune` deletes live
 *  objects missing from git) and `helmfile` (`destroy` uninstalls every release of the helmfile). */
import { flagOn, flagValue } from "../pulumi/cobra.js";
import type { Group, Leaf } from "./grammar.js";
import type { PaasSpec } from "./operation.js";

const EKS_KINDS: readonly [string, string][] = [
  ["cluster|clusters", "cluster"], ["nodegroup|nodegroups|ng", "nodegroup"], ["iamserviceaccount|iamserviceaccounts", "serviceaccount"],
  ["addon|addons", "addon"], ["fargateprofile|fargateprofiles", "fargateprofile"], ["podidentityassociation|podidentityassociations", "podidentity"],
  ["accessentry|accessentries", "accessentry"], ["iamidentitymapping|iamidentitymappings", "iammapping"], ["labels", "label"],
];

function eksVerb(verdict: string): Group {
  return { any: verdict as Leaf, sub: Object.fromEntries(EKS_KINDS.map(([names, kind]) => [names, `${verdict}:${kind}` as Leaf])) };
}

const EKSCTL_TREE: Group = {
  sub: {
    get: eksVerb("read"), "create,upgrade,scale,drain,update,set,unset,enable,register,deregister,disable,associate,disassociate": eksVerb("write"),
    delete: eksVerb("delete"),
    utils: { verbs: true, sub: { "write-kubeconfig": "context", describe: "read", "describe-stacks,describe-addon-versions,describe-addon-configuration,nodegroup-health,schema": "read" }, any: "write" },
    "info,version,completion,help": "read",
    anywhere: "other",
  },
};

export const EKSCTL: PaasSpec = {
  program: "eksctl",
  tree: EKSCTL_TREE,
  flags: {
    valued: new Set(["name", "cluster", "region", "profile", "config-file", "nodes", "node-type", "version", "nodegroup", "namespace", "timeout", "output", "kubeconfig", "zones", "tags", "role-arn"]),
    short: { n: "name", r: "region", p: "profile", f: "config-file", N: "nodes", t: "node-type", o: "output", h: "help" },
  },
  noPrompt: ["approve", "force", "disable-nodegroup-eviction"],
  dryRun: ["dry-run"],
};

const ARGO_APP: Group = {
  kind: "app",
  verbs: true,
  sub: {
    "get,list,diff,history,manifests|man,resources,logs,wait": "read",
    "sync,rollback": "deploy", "create,set,unset,patch,edit,terminate-op,add-source,remove-source,confirm-deletion": "write",
    "delete-resource": "delete:resource", "patch-resource": "write", actions: { verbs: true, sub: { run: "write" } },
  },
};

const ARGOCD_TREE: Group = {
  sub: {
    "app|apps|application|applications": ARGO_APP,
    "appset|appsets|applicationset|applicationsets": { kind: "app", verbs: true, sub: { generate: "read" } },
    "proj|project|projects": { kind: "appproject", verbs: true, sub: { role: { verbs: true, sub: { "create-token": "token" } } } },
    "cluster|clusters": { kind: "cluster-registration", verbs: true, sub: { "rotate-auth": "write" } },
    "repo|repos,repocreds,cert|certs,gpg": { kind: "repository-registration", verbs: true },
    account: { sub: { "generate-token": "token", "get-user-info,list,get,can-i": "read", "update-password,delete-token,bcrypt": "write" } },
    "login,logout,relogin,context|ctx,configure": "context",
    "version,completion,help": "read",
    admin: { sub: { "initial-password": "token", dashboard: "read" }, any: "other" },
  },
};

export const ARGOCD: PaasSpec = {
  program: "argocd",
  tree: ARGOCD_TREE,
  flags: {
    valued: new Set([
      "server", "auth-token", "config", "argocd-context", "kube-context", "grpc-web-root-path", "header", "loglevel", "logformat",
      "port-forward-namespace", "redis-haproxy-name", "repo-server-name", "server-name", "server-crt", "client-crt", "client-crt-key",
      "output", "selector", "revision", "resource", "parameter", "project", "label", "propagation-policy", "cascade", "timeout",
      "retry-limit", "strategy", "dest-server", "dest-namespace", "repo", "path", "file", "app-namespace", "local", "sync-option",
    ]),
    optional: new Set(["cascade"]),
    short: { o: "output", l: "selector", p: "parameter", y: "yes", f: "file", N: "app-namespace", h: "help" },
  },
  noPrompt: ["yes"],
  dryRun: ["dry-run", "preview-changes"],
  refine: (w, r) => {
    if (w.path[0] !== "app") return w;
    if (w.path[1] === "sync" && flagOn(r, "prune")) return { ...w, prune: true };
    // --cascade=false deletes the Application object only; its live objects stay.
    if (w.verdict === "delete" && w.kind === "app" && (flagValue(r, "cascade") ?? "true").toLowerCase() === "false") return { ...w, kind: "app-record" };
    return w;
  },
};

const HELMFILE_TREE: Group = {
  sub: {
    "diff,lint,template,list,status,build,deps,repos,fetch,write-values,show-dag,version,completion,help,cache,init": { verbs: true, any: "read" },
    "sync,apply,charts": "deploy:release",
    "destroy|delete": "delete:stack",
    test: "write",
  },
};

export const HELMFILE: PaasSpec = {
  program: "helmfile",
  tree: HELMFILE_TREE,
  flags: {
    valued: new Set([
      "file", "environment", "selector", "namespace", "kube-context", "helm-binary", "state-values-set", "state-values-file",
      "log-level", "args", "concurrency", "context", "output-dir", "output-file-template", "set", "values", "chart", "skip-charts",
      "timeout", "cascade", "kustomize-binary", "state-values-set-string", "enable-live-output", "wait-retries",
    ]),
    short: { f: "file", e: "environment", l: "selector", n: "namespace", b: "helm-binary", i: "interactive", q: "quiet", h: "help", c: "chart", k: "kustomize-binary" },
  },
  noPrompt: [],
  refine: (w, r) => (r.flags.has("selector") ? { ...w, scoped: true } : w),
};
