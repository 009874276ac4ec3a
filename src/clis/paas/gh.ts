/** `gh`, the GitHub CLI (cobra; aliases from cli/cli pkg/cmd/**). Reviews, issues and pull requests are
 *  collaboration; repository deletes, secrets, tokens and non-GET API calls are decided by policy.
 *  `gh api` defaults to GET, and to POST once a field (-f/-F/--input) is given (pkg/cmd/api/api.go). */
import type { SimpleCommand } from "../../shell/types.js";
import type { CobraResult } from "../pulumi/cobra.js";
import { flagValue } from "../pulumi/cobra.js";
import type { Group, Verdict, Walked } from "./grammar.js";
import type { PaasSpec, Refined } from "./operation.js";

const COLLAB = "collaborate";

const TREE: Group = {
  sub: {
    "pr,issue": {
      verbs: true,
      sub: {
        "create|new,comment,edit,review,close,reopen,ready,checkout|co,develop,pin,unpin,lock,unlock,transfer,update-branch": COLLAB,
        "diff,checks,status,view,list|ls": "read", merge: "write", delete: "delete:issue",
      },
    },
    repo: {
      kind: "repository",
      verbs: true,
      sub: {
        "clone,fork,sync,set-default": COLLAB, "view,list|ls,gitignore,license": "read", "create|new": "write",
        "archive,unarchive,edit,rename": "write", delete: "delete", "deploy-key": { kind: "key", verbs: true }, autolink: { verbs: true },
      },
    },
    "secret,variable": { kind: "secret", sub: { "list|ls,get": "read", set: "secret-write", "delete|remove": "secret-write" } },
    auth: { sub: { token: "token", status: "read", "login,logout,refresh,switch,setup-git": "context" } },
    api: { any: "read" },
    release: { kind: "release", verbs: true, sub: { "download,verify,verify-asset": "read", "delete-asset": "delete", upload: "write" } },
    "run,workflow,cache": { verbs: true, sub: { "watch,download": "read", "rerun,run": "deploy", "enable,disable,cancel": "write" } },
    label: { verbs: true, sub: { "create,edit,clone": COLLAB } },
    "gist,project,ruleset|rs,codespace|cs,ssh-key,gpg-key,org,attestation|at,preview": { verbs: true },
    "browse,search,status,help,version,completion,copilot,agent-task,accessibility,licenses": { verbs: true, any: "read" },
    "alias,config,extension|extensions|ext": { verbs: true, sub: { "install,upgrade,remove,exec,import": "write", "set,delete": "write" } },
  },
};

/** `gh api` method: -X/--method, else POST when fields or --input are given, else GET. */
function apiMethod(r: CobraResult): string {
  const m = flagValue(r, "method");
  if (m) return m.toUpperCase();
  const fields = ["field", "raw-field", "input"].some((f) => r.flags.has(f));
  return fields ? "POST" : "GET";
}

/** `repos/OWNER/REPO` (with or without a leading slash or host) is the repository itself. */
function apiKind(endpoint: string): string {
  const path = endpoint.replace(/^https?:\/\/[^/]+/, "").replace(/^\//, "").split("?")[0] ?? "";
  const parts = path.split("/").filter(Boolean);
  if (parts[0] === "repos" && parts.length === 3) return "repository";
  if (parts[0] === "orgs" && parts.length === 2) return "organization";
  return parts[parts.length - 2] ?? parts[0] ?? "";
}

function api(w: Walked, r: CobraResult): Refined {
  const method = apiMethod(r);
  const endpoint = w.rest[0] ?? "";
  const fields = [...(r.flags.get("raw-field") ?? []), ...(r.flags.get("field") ?? [])];
  // -F query=@file.graphql reads the query from a file infragate does not open: it may be a mutation.
  const fromFile = (r.flags.get("field") ?? []).some((f) => f.slice(f.indexOf("=") + 1).startsWith("@"));
  const graphql = endpoint === "graphql";
  const graphqlRead = graphql && !/\bmutation\b/.test(fields.join(" ")) && !r.flags.has("input") && !fromFile;
  const verdict: Verdict = graphql && fromFile ? "other" : method === "GET" || method === "HEAD" || graphqlRead ? "read" : method === "DELETE" ? "delete" : "write";
  return { ...w, verdict, kind: endpoint === "graphql" ? "graphql" : apiKind(endpoint), path: ["api", method], method };
}

function refine(w: Walked, r: CobraResult, cmd: SimpleCommand): Refined {
  // gh is not a guarded program (its PR bodies are routinely "$(cat body.md)"), so a computed word is decided
  // here: in `gh api` it may hold the method or the endpoint, so the call is not known.
  if (w.path[0] === "api") return cmd.unresolved ? { ...api(w, r), verdict: "other" } : api(w, r);
  // `gh auth status -t|--show-token` prints the token (`-t` is not --template there).
  if (w.path[0] === "auth" && w.path[1] === "status" && (r.flags.has("show-token") || cmd.argv.includes("-t"))) return { ...w, verdict: "token" };
  return w;
}

export const GH: PaasSpec = {
  program: "gh",
  tree: TREE,
  flags: {
    valued: new Set([
      "repo", "hostname", "method", "field", "raw-field", "header", "input", "jq", "template", "preview", "cache", "body",
      "body-file", "title", "base", "head", "label", "assignee", "reviewer", "milestone", "project", "state", "limit",
      "search", "json", "author", "env", "org", "app", "visibility", "description", "homepage", "branch", "ref", "workflow",
      "user", "notes", "notes-file", "target", "name", "remote", "clone", "team", "source", "key", "job", "attempt", "commit",
    ]),
    short: {
      R: "repo", X: "method", f: "raw-field", F: "field", H: "header", q: "jq", t: "template", p: "preview", b: "body",
      B: "base", T: "title", l: "label", a: "assignee", r: "reviewer", m: "milestone", s: "state", L: "limit", S: "search",
      e: "env", o: "org", y: "yes", h: "help", i: "include", w: "web", d: "draft", n: "name", u: "user", j: "json",
    },
  },
  noPrompt: ["yes", "confirm", "force"],
  refine,
};
