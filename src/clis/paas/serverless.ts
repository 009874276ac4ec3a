/** Serverless frameworks: AWS SAM (`sam`, click), the Serverless Framework (`serverless` / `sls`), SST
 *  (`sst`, v2 and v3 spellings) and Amplify (`amplify` gen 1, `ampx` gen 2). Removing a stack or an
 *  environment deletes every resource in it, data stores included. */
import type { Group } from "./grammar.js";
import type { PaasSpec } from "./operation.js";

const SAM_TREE: Group = {
  sub: {
    "init,build,validate,logs,traces,docs,list": { verbs: true, any: "read" },
    local: { verbs: true, any: "read" },
    "deploy,sync": "deploy:stack",
    "package,publish": "write",
    delete: "delete:stack",
    pipeline: { verbs: true, sub: { init: "read", bootstrap: "write" } },
    remote: { verbs: true, sub: { invoke: "write", "test-event": { verbs: true, sub: { put: "write" } }, callback: "write", execution: { verbs: true } } },
  },
};

export const SAM: PaasSpec = {
  program: "sam",
  tree: SAM_TREE,
  flags: {
    valued: new Set([
      "stack-name", "region", "profile", "config-env", "config-file", "s3-bucket", "s3-prefix", "parameter-overrides",
      "template-file", "template", "capabilities", "image-repository", "role-arn", "kms-key-id", "tags", "signing-profiles",
      "resource-id", "event", "output", "build-dir", "base-dir", "cached-dir", "container-env-var", "env-vars", "port", "host",
      "name", "tail", "filter", "start-time", "end-time", "cw-log-group", "notification-arns", "output-template-file",
    ]),
    short: { t: "template", s: "base-dir", b: "build-dir", e: "event", n: "env-vars", p: "port", u: "use-container", h: "help" },
  },
  noPrompt: ["no-prompts", "no-confirm-changeset", "force"],
};

const SERVERLESS_TREE: Group = {
  sub: {
    deploy: { kind: "stack", bare: "deploy", any: "deploy", sub: { "function": "deploy", list: "read" } },
    "remove": "delete:stack",
    "info,logs,metrics,print,package,create,install,doctor,support,usage,help,plugin|plugins,offline,test,outputs,state": { any: "read" },
    invoke: { bare: "write", any: "write", sub: { local: "read" } },
    "rollback,dev,reconcile": "deploy:stack",
    "config": { verbs: true, sub: { credentials: "context" } },
    "login,logout,onboard,orgs|org,dashboard": "context",
    param: { kind: "param", verbs: true, sub: { "get,list": "secret" } },
  },
};

export const SERVERLESS: PaasSpec = {
  program: "serverless",
  tree: SERVERLESS_TREE,
  flags: {
    valued: new Set(["stage", "region", "aws-profile", "config", "function", "param", "app", "org", "data", "path", "type", "log", "context", "contextPath", "package", "template", "template-url", "name", "startTime", "filter", "interval", "key", "provider", "secret", "service"]),
    short: { s: "stage", r: "region", c: "config", f: "function", d: "data", p: "path", t: "type", n: "name", h: "help" },
  },
  noPrompt: ["force", "yes"],
};

const SST_TREE: Group = {
  sub: {
    "deploy,up": "deploy:stack",
    "remove,delete": "delete:stack",
    dev: "deploy:stack",
    "diff,build,version,help,telemetry,types,print,console,install,add,init,upgrade|update,cert,tunnel,bind,shell,start,open,config,tutorial":
      { verbs: true, any: "read" },
    "refresh,bootstrap,unlock,cancel": "write",
    "secret|secrets": { kind: "secret", sub: { "list|ls,get": "secret", "set,remove|rm,load": "secret-write" } },
    state: { verbs: true, sub: { export: "secret", "edit,remove,repair": "write" } },
  },
};

export const SST: PaasSpec = {
  program: "sst",
  tree: SST_TREE,
  flags: {
    valued: new Set(["stage", "region", "profile", "config", "target", "to", "from", "role", "mode", "fallback"]),
    short: { h: "help" },
  },
  noPrompt: ["yes", "force"],
  refine: (w, r) => (r.flags.has("target") ? { ...w, scoped: true } : w),
};

const AMPLIFY_TREE: Group = {
  sub: {
    "push,publish": "deploy:stack",
    delete: "delete:stack",
    "status,console,help,version,mock,codegen,diagnose,notifications": { verbs: true, any: "read" },
    "pull,configure,init,logout,uninstall": "context",
    "add,update,remove,import,override,upgrade,build,export,plugin": "write",
    env: { kind: "environment", verbs: true, sub: { "checkout,pull": "context", remove: "delete" } },
  },
};

export const AMPLIFY: PaasSpec = {
  program: "amplify",
  tree: AMPLIFY_TREE,
  flags: { valued: new Set(["envName", "appId", "profile", "amplify", "frontend", "providers", "categories", "name"]), short: { y: "yes", h: "help" } },
  noPrompt: ["force", "yes"],
};

const AMPX_TREE: Group = {
  sub: {
    sandbox: { kind: "stack", bare: "deploy", sub: { delete: "delete", secret: { kind: "secret", sub: { "list|get": "secret", "set,remove": "secret-write" } }, seed: "write" } },
    "pipeline-deploy": "deploy:stack",
    "generate,info,configure,help": { verbs: true, any: "read" },
  },
};

export const AMPX: PaasSpec = {
  program: "ampx",
  tree: AMPX_TREE,
  flags: { valued: new Set(["profile", "identifier", "branch", "app-id", "outputs-out-dir", "config-out-dir", "out-dir", "stack"]), short: { h: "help" } },
  noPrompt: ["yes"],
};
