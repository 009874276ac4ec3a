/** `vercel` (its own argv parser: a first word that is no command is the directory to deploy, so `vercel`
 *  and `vercel ./site --prod` deploy). `vercel remove` of a deployment URL or id removes that deployment; of a
 *  project name it removes the project with every deployment. */
import type { Group } from "./grammar.js";
import type { PaasSpec, Refined } from "./operation.js";

const TREE: Group = {
  bare: "deploy:app",
  any: "deploy:app",
  sub: {
    deploy: "deploy:app",
    "redeploy,promote,rollback": "deploy:app",
    "build,dev,init,inspect,logs,list|ls,open,bisect,help,whoami,telemetry,httpstat,curl,guidance,target|targets,microfrontends,mcp":
      { verbs: true, any: "read" },
    "remove|rm": "delete:app",
    "project|projects": { kind: "project", verbs: true },
    env: { kind: "env", sub: { "ls|list": "read", "add,rm|remove,update": "secret-write", pull: "secret", run: "secret" } },
    pull: "secret",
    "link,unlink,login,logout,switch,teams|team": "context",
    "domains|domain": { kind: "domain", verbs: true, sub: { "buy,transfer-in,move,verify": "write" } },
    dns: { kind: "dns", verbs: true },
    "certs|cert": { kind: "certificate", verbs: true, sub: { issue: "write" } },
    "alias|aliases|ln": { kind: "alias", verbs: true },
    git: { verbs: true, sub: { "connect,disconnect": "write" } },
    "integration|integrations,integration-resource|ir": { kind: "integration", verbs: true, sub: { "discover,balance": "read" } },
    blob: { kind: "blob", verbs: true, sub: { put: "write", copy: "write", store: { kind: "bucket", verbs: true } } },
    cache: { verbs: true, sub: { "purge,dangerously-delete,invalidate": "delete" } },
    secrets: { kind: "secret", verbs: true },
  },
};

/** A deployment URL or id (`my-app-abc123.vercel.app`, `https://...`, `dpl_...`) names one deployment. */
function deploymentRef(word: string): boolean {
  return /^(https?:\/\/|dpl_)/.test(word) || word.includes(".");
}

function refine(w: Refined): Refined {
  if (w.verdict === "delete" && w.path[0] === "remove" && w.rest.length > 0 && w.rest.every(deploymentRef)) return { ...w, kind: "deployment" };
  return w;
}

export const VERCEL: PaasSpec = {
  program: "vercel",
  tree: TREE,
  flags: {
    valued: new Set([
      "token", "scope", "cwd", "local-config", "global-config", "env", "build-env", "meta", "target", "regions", "archive",
      "environment", "git-branch", "output", "team", "limit", "next", "timeout", "project", "since", "until", "format",
    ]),
    short: { t: "token", S: "scope", A: "local-config", Q: "global-config", e: "env", b: "build-env", m: "meta", y: "yes", f: "force", d: "debug", h: "help", T: "team", v: "version" },
  },
  noPrompt: ["yes", "confirm"],
  refine,
};
