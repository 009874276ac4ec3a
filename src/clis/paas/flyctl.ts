/** `flyctl` / `fly` (cobra; command tree and aliases from superfly/flyctl internal/command/**). */
import type { Group } from "./grammar.js";
import type { PaasSpec } from "./operation.js";

const DESTROY = "destroy|delete|remove|rm";

const TREE: Group = {
  sub: {
    "apps|app": {
      kind: "app",
      sub: {
        "list|ls": "read", create: "write", [DESTROY]: "delete", move: "write", open: "read", releases: "read",
        restart: "deploy", resume: "write", suspend: "write", "set-platform-version": "write",
      },
    },
    // Deprecated top-level spellings of `apps ...`.
    destroy: "delete:app", create: "write:app", move: "write:app", suspend: "write:app", resume: "write:app",
    open: "read", deploy: "deploy:app", launch: "deploy:app",
    "status,info,logs,releases,history,dig,ping,doctor,docs,version,platform,dashboard|dash,checks,services,jobs,incidents,metrics,synthetics,curl,agent,regions":
      { verbs: true, any: "read", sub: { "upgrade|update": "write", "add,remove,set,backup": "write" } },
    "machine|machines|m": {
      kind: "machine",
      verbs: true,
      sub: { "destroy|remove|rm": "delete", "run,clone,update": "deploy", "exec,console": "write", "leases|lease": { verbs: true } },
    },
    "volumes|volume|vol|v": {
      kind: "volume",
      verbs: true,
      sub: { "destroy|delete|rm": "delete", "extend,fork": "write", "snapshots|snapshot|snaps": { kind: "backup", verbs: true } },
    },
    "postgres|pg": {
      kind: "database",
      verbs: true,
      sub: {
        "connect,attach,detach,failover,import,barman,renew-certs": "write",
        "db,users": { verbs: true },
        config: { verbs: true, sub: { "show|view": "read" } },
        "backup|backups": { kind: "backup", verbs: true },
      },
    },
    mpg: {
      kind: "database",
      verbs: true,
      sub: {
        [DESTROY]: "delete", "connect,proxy,attach,detach": "write",
        "databases|database|db|dbs": { verbs: true },
        "users|user": { kind: "user", verbs: true, sub: { "delete|remove|rm|del": "delete" } },
        "backup|backups": { kind: "backup", verbs: true },
        "extensions|extension|ext": { kind: "extension", verbs: true },
      },
    },
    redis: { kind: "database", verbs: true, sub: { "destroy|delete": "delete", "connect,dashboard": "write" } },
    "storage|tigris": { kind: "bucket", verbs: true },
    lfsc: { kind: "database", verbs: true, sub: { clusters: { verbs: true } } },
    consul: { verbs: true },
    "extensions|ext": {
      verbs: true,
      sub: {
        "kubernetes|k8s": { kind: "cluster", verbs: true },
        "storage|tigris": { kind: "bucket", verbs: true },
        "mysql,planetscale,supabase,upstash,redis": { kind: "database", verbs: true },
      },
      anyGroup: { kind: "extension", verbs: true },
    },
    mcp: { kind: "app", verbs: true },
    secrets: {
      kind: "secret",
      sub: { "list|ls": "read", "set,unset,import": "secret-write", deploy: "deploy", keys: { verbs: true, sub: { "set|gen": "secret-write", "delete|rm": "secret-write" } } },
    },
    auth: { sub: { token: "token", whoami: "read", "login,logout,signup,docker": "context" } },
    tokens: { kind: "token", verbs: true, sub: { "create,attenuate": "token", "3p|third-party": { verbs: true } } },
    ssh: { sub: { "console,sftp": "write", issue: "token", log: "read" } },
    "sftp,console,proxy": "write",
    scale: { sub: { show: "read", "count,vm,memory": "write" } },
    "ips|ip": { kind: "ip", verbs: true, sub: { private: "read", "release,release-egress": "delete", "allocate,allocate-v4,allocate-v6,allocate-egress": "write" } },
    "certs|certificates": { kind: "certificate", verbs: true, sub: { "check,setup": "read" } },
    config: { sub: { "show|display,env,validate,save": "read" } },
    "image|img": { sub: { show: "read", update: "deploy" } },
    orgs: { kind: "organization", verbs: true },
    "wireguard|wg": { kind: "wireguard", verbs: true },
    registry: { verbs: true },
    settings: { verbs: true },
  },
};

export const FLYCTL: PaasSpec = {
  program: "flyctl",
  tree: TREE,
  flags: {
    valued: new Set([
      "access-token", "app", "config", "org", "region", "image", "env", "build-arg", "build-secret", "strategy", "size",
      "count", "vm-size", "vm-memory", "dockerfile", "name", "machine", "process-group", "volume", "snapshot-id", "host",
      "command", "output", "file-literal", "file-local", "file-secret", "label", "wait-timeout", "ha", "signal", "timeout",
    ]),
    short: { t: "access-token", a: "app", c: "config", o: "org", r: "region", i: "image", e: "env", y: "yes", s: "size", j: "json", h: "help", n: "count", C: "command" },
  },
  noPrompt: ["yes", "auto-confirm"],
};
