/** `railway` (clap). `railway down` removes the most recent deployment of a service (the service and its
 *  volumes stay); `railway delete` deletes the project; `railway run CMD` is a launcher (src/shell). */
import type { Group } from "./grammar.js";
import type { PaasSpec } from "./operation.js";

const TREE: Group = {
  sub: {
    "up,deploy,redeploy,restart": "deploy:service",
    down: "delete:deployment",
    delete: "delete:project",
    "status,logs,list,whoami,open,docs,help,version,completion,check-updates": { verbs: true, any: "read" },
    "link,unlink,login,logout": "context",
    "init,add,domain,scale,connect,ssh,shell,run,local,functions|function,starship": "write",
    "environment|env": { kind: "environment", bare: "context", verbs: true, sub: { "link": "context", "new": "write", "delete|remove|rm": "delete", config: "read" } },
    "service|services": { kind: "service", bare: "context", verbs: true, sub: { link: "context", "status,logs": "read", "redeploy,restart": "deploy" } },
    "variables|variable|vars|var": { kind: "env", bare: "secret", verbs: true, sub: { "list,get": "secret", "set,delete|remove|rm": "secret-write" } },
    "volume|volumes": { kind: "volume", verbs: true },
    project: { kind: "project", verbs: true, sub: { "link": "context" } },
    "bucket|buckets": { kind: "bucket", verbs: true },
  },
};

export const RAILWAY: PaasSpec = {
  program: "railway",
  tree: TREE,
  flags: {
    valued: new Set([
      "service", "environment", "project", "team", "name", "set", "volume", "mount-path", "template", "variables", "deployment",
      "port", "json", "lines", "filter", "2fa-code", "database", "repo", "image", "path",
    ]),
    short: { s: "service", e: "environment", p: "project", t: "team", n: "name", y: "yes", d: "detach", c: "ci", v: "volume", h: "help" },
  },
  noPrompt: ["yes", "force"],
  refine: (w, r) => {
    // `railway variables --set K=V` writes; the bare command prints every value.
    if (w.kind === "env" && r.flags.has("set")) return { ...w, verdict: "secret-write" };
    return w;
  },
};
