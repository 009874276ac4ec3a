/** `doctl` (cobra; groups, aliases and the one-letter verb aliases from digitalocean/doctl commands/*.go). */
import type { Group } from "./grammar.js";
import type { PaasSpec } from "./operation.js";

const KUBECONFIG: Group = { verbs: true, sub: { "show|p|g": "token", "save|s": "context", "remove|d|rm": "context", "exec-credential": "token" } };

const TREE: Group = {
  sub: {
    "account,balance,billing-history,invoice|invoices,version,1-click,monitoring,gradient,genai,inference": { verbs: true, any: "read" },
    auth: { sub: { "init,switch,remove|rm": "context", "list|ls": "read", token: "token" } },
    "apps|app|a": {
      kind: "app",
      verbs: true,
      sub: {
        "create|c,update|u,create-deployment|cd": "deploy", "get-deployment|gd,list-deployments|lsd,logs|l,list-alerts|la,list-regions,propose,spec,tier,instance-size,list-instance-sizes,get-instance-size": "read",
        "console|cs,restart|r,update-alert-destinations|uad,dev": "write",
      },
    },
    "databases|database|db|dbs|d": {
      kind: "database",
      verbs: true,
      sub: {
        "get-ca,backups|bu,options|o,events,list-events": "read", "resize|rs,migrate|m,fork,install,maintenance-window|maintenance|mw|main": "write",
        "connection|conn": "secret",
        "user|u": { kind: "user", verbs: true, sub: { get: "secret", "reset|rs": "secret" } },
        db: { kind: "database", verbs: true },
        "pool|p": { kind: "pool", verbs: true },
        "replica|rep|r": { kind: "replica", verbs: true, sub: { "connection|conn": "secret", "promote|p": "write" } },
        "firewalls|fw,configuration|cfg|config,sql-mode|sm,topics,indexes,logsink,autoscale|storage": { verbs: true },
      },
    },
    "kubernetes|kube|k8s|k": {
      sub: {
        "cluster|clusters|c": {
          kind: "cluster",
          verbs: true,
          sub: {
            "delete-selective|ds": "delete", "get-upgrades|gu,list-associated-resources|ar": "read", "upgrade,registry|reg": "write",
            "kubeconfig|kubecfg|k8scfg|config|cfg": KUBECONFIG,
            "node-pool|node-pools|nodepool|nodepools|pool|pools|np|p": { kind: "nodepool", verbs: true, sub: { "recycle|r,replace-node": "write" } },
          },
        },
        "options|opts|o,1-click": { verbs: true, any: "read" },
      },
    },
    compute: {
      sub: {
        "droplet|d": { kind: "server", verbs: true, sub: { "backups,kernels,neighbors,snapshots,actions": "read" } },
        "volume|v": { kind: "volume", verbs: true, sub: { snapshot: "write" } },
        "snapshot|s": { kind: "backup", verbs: true },
        "droplet-action|da,volume-action|va,image-action|ia": { verbs: true, any: "write" },
        ssh: "write",
      },
      anyGroup: { verbs: true },
    },
    "registry|reg|r": {
      kind: "registry",
      verbs: true,
      sub: {
        login: "context", logout: "context", "docker-config|dc|config": "token",
        "repository|repo|r": { kind: "image", verbs: true, sub: { "list-tags|lt,list-manifests|lm,list-v2|ls2": "read", "delete-tag|dt,delete-manifest|dm": "delete" } },
        "garbage-collection|gc|g": { verbs: true, sub: { "start|s": "write" } },
        "options|opts|o": { verbs: true, any: "read" },
      },
    },
    "registries|regs|rs": { kind: "registry", verbs: true },
    "serverless|sandbox|sbx|sls": {
      sub: { "deploy,deploy-project": "deploy", undeploy: "delete:function", "connect,install,uninstall,upgrade,watch": "write", "status,get-metadata": "read", "functions|fn,activations|actv,namespaces|ns,triggers|trig": { verbs: true, sub: { invoke: "write", result: "read" } } },
    },
    "spaces|sp": { kind: "bucket", verbs: true, sub: { "keys|k": { kind: "key", verbs: true } } },
    "projects": { kind: "project", verbs: true, sub: { resources: { kind: "resource", verbs: true } } },
    "vpcs,network,nfs,security,secrets,vector-databases": { verbs: true, anyGroup: { verbs: true } },
  },
};

export const DOCTL: PaasSpec = {
  program: "doctl",
  tree: TREE,
  verbs: { g: "read", c: "write", u: "write", d: "delete", cfg: "write", p: "read" },
  flags: {
    valued: new Set([
      "access-token", "api-url", "config", "context", "output", "format", "http-retry-max", "http-retry-wait-max",
      "http-retry-wait-min", "region", "size", "image", "name", "tag", "tag-name", "num-nodes", "version", "engine",
      "node-pool", "count", "app", "deployment", "type", "spec", "source", "ssh-key-path", "ssh-port", "ssh-user",
      "project-id", "description", "resource", "expiry-seconds", "namespace", "label", "vpc-uuid", "cluster-id",
    ]),
    short: { t: "access-token", u: "api-url", c: "config", o: "output", v: "verbose", f: "force", h: "help" },
  },
  noPrompt: ["force", "dangerous"],
};
