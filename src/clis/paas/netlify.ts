/** `netlify` (commander; `topic:command` and `topic command` both reach the same command). `netlify api`
 *  calls an open-api operation by name: its verb (`deleteSite`, `listSites`) says what it does. */
import type { Group } from "./grammar.js";
import type { PaasSpec, Refined } from "./operation.js";

const TREE: Group = {
  sub: {
    deploy: "deploy:app",
    "build,dev,serve,status,open,watch,logs,completion,help,recipes,docs": { verbs: true, any: "read" },
    init: "write:app",
    "sites|site": { kind: "app", verbs: true, sub: { "create-template": "write" } },
    env: { kind: "env", sub: { "list,get": "secret", "set,unset,import,clone": "secret-write" } },
    "link,unlink,switch,login,logout": "context",
    functions: { kind: "function", verbs: true, sub: { "build,serve": "read", "create|new": "read", invoke: "write" } },
    blobs: { kind: "blob", verbs: true, sub: { put: "write" } },
    "addons|addon": { kind: "addon", verbs: true, sub: { auth: "token", config: "write" } },
    db: { kind: "database", verbs: true, sub: { "init,migrate,reset": "write" } },
    api: { any: "other" },
  },
};

const API_VERB: readonly [RegExp, Refined["verdict"]][] = [
  [/^(list|get|show)/, "read"],
  [/^(delete|remove|purge)/, "delete"],
  [/^(create|update|put|set|add|restore|rollback|cancel|lock|unlock|provision|enable|disable|notify|upload|transfer)/, "write"],
];

/** `netlify api deleteSite --data '{...}'`: the operation name's verb; what goes, from its noun. */
function refine(w: Refined): Refined {
  if (w.path[0] !== "api") return w;
  const name = w.rest[0] ?? "";
  const verdict = API_VERB.find(([re]) => re.test(name))?.[1] ?? (name === "" ? "read" : "other");
  const noun = name.replace(/^[a-z]+/, "").toLowerCase();
  const kind = /^site$/.test(noun) ? "app" : /^(deploy|sitedeploy)$/.test(noun) ? "deployment" : /envvar|env/.test(noun) ? "env" : noun;
  return { ...w, verdict, kind, path: name ? ["api", name] : ["api"], rest: w.rest.slice(1) };
}

export const NETLIFY: PaasSpec = {
  program: "netlify",
  tree: TREE,
  colonTopics: true,
  flags: {
    valued: new Set([
      "auth", "site", "dir", "functions", "message", "alias", "context", "filter", "data", "name", "account-slug", "scope",
      "key", "value", "port", "target-port", "command", "framework", "branch", "json", "cwd", "to", "from", "url", "id",
    ]),
    short: { s: "site", d: "dir", f: "force", m: "message", a: "alias", o: "open", p: "prod", h: "help", c: "command" },
  },
  noPrompt: ["force", "yes"],
  refine,
};
