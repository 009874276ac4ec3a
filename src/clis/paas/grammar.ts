/** A command tree walker for the PaaS and serverless CLIs. Each CLI describes its command tree as plain
 *  data (commands and their aliases as `"destroy|delete|rm"`, the canonical name first); walking the
 *  positional words through it yields what the command does (a `Verdict`), what it acts on (`kind`) and the
 *  canonical command path. Unknown words are `other`: infragate does not guess. */

/** What a command does. Each maps onto one `paas.*` action (src/clis/paas/operation.ts). */
export type Verdict =
  | "read" // lists, shows, logs, local builds and dry runs
  | "collaborate" // code-review writes that change no infrastructure (gh pr create, issue comment)
  | "deploy" // deploys, releases, syncs, rollbacks
  | "write" // other changes to the platform
  | "delete" // deletes; what goes is `kind`
  | "secret" // prints project secrets (config vars, env values, connection strings)
  | "token" // prints a credential of the CLI itself (login or API token, kubeconfig, registry login)
  | "secret-write" // sets or removes secrets and config vars
  | "context" // login, logout, switching or linking account, project or cluster
  | "other"; // not known to infragate

/** A leaf: a verdict, optionally with the kind of object it acts on (`"delete:database"`). */
export type Leaf = Verdict | `${Verdict}:${string}`;

export interface Group {
  /** What the objects of this group are: app, database, volume, cluster, ... (inherited by children). */
  readonly kind?: string;
  /** Named children. A key lists commands that share a node, separated by `,`, each with its aliases after
   *  `|`, the canonical name first: `"destroy|delete|remove|rm"` (one command, three aliases),
   *  `"status,logs,info"` (three commands). */
  readonly sub?: Readonly<Record<string, Node>>;
  /** The group alone, without a further word (usually help or a listing). Default `read`. */
  readonly bare?: Leaf;
  /** An unknown next word: classify it with the CLI's verb table (`list`, `create`, `delete`, ...). */
  readonly verbs?: boolean;
  /** An unknown next word that is an argument, not a command (`fly deploy DIR`): this leaf. */
  readonly any?: Leaf;
  /** An unknown next word is a group of this shape (doctl compute <anything> <verb>). */
  readonly anyGroup?: Group;
}

export type Node = Leaf | Group;

export interface Walked {
  readonly verdict: Verdict;
  readonly kind: string;
  /** Command path with aliases resolved: `["apps", "destroy"]` for `fly app rm`. */
  readonly path: readonly string[];
  /** Positional words after the command path. */
  readonly rest: readonly string[];
}

/** The child a word leads to, with the canonical name of its command (the first of its aliases). */
function child(group: Group, word: string): [string, Node] | undefined {
  for (const [key, node] of Object.entries(group.sub ?? {})) {
    for (const entry of key.split(",")) {
      const names = entry.split("|");
      if (names.includes(word)) return [names[0] as string, node];
    }
  }
  return undefined;
}

function leafOf(leaf: Leaf, kind: string): { verdict: Verdict; kind: string } {
  const colon = leaf.indexOf(":");
  if (colon < 0) return { verdict: leaf as Verdict, kind };
  return { verdict: leaf.slice(0, colon) as Verdict, kind: leaf.slice(colon + 1) };
}

/** Walk `words` (the positionals, command words first) down `root`. */
export function walk(root: Group, words: readonly string[], verbs: Readonly<Record<string, Leaf>>): Walked {
  let group = root;
  let kind = root.kind ?? "";
  const path: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const found = child(group, word);
    const done = (leaf: Leaf, name: string, restAt: number): Walked => ({ ...leafOf(leaf, kind), path: [...path, name], rest: words.slice(restAt) });
    if (found) {
      const [name, node] = found;
      if (typeof node === "string") return done(node, name, i + 1);
      path.push(name);
      group = node;
      kind = node.kind ?? kind;
      continue;
    }
    if (group.verbs && verbs[word] !== undefined) return done(verbs[word] as Leaf, word, i + 1);
    if (group.any !== undefined) return { ...leafOf(group.any, kind), path, rest: words.slice(i) };
    if (group.anyGroup) {
      path.push(word);
      group = group.anyGroup;
      kind = group.kind ?? kind;
      continue;
    }
    return done("other", word, i + 1);
  }
  return { ...leafOf(group.bare ?? "read", kind), path, rest: [] };
}

/** The verb table most CLIs share; a CLI adds its own short aliases. */
export const COMMON_VERBS: Readonly<Record<string, Leaf>> = {
  list: "read", ls: "read", get: "read", show: "read", describe: "read", info: "read", status: "read", logs: "read",
  log: "read", view: "read", inspect: "read", history: "read", help: "read", wait: "read", open: "read", diff: "read",
  validate: "read", lint: "read", template: "read", search: "read", whoami: "read", version: "read", options: "read",
  create: "write", add: "write", new: "write", update: "write", set: "write", edit: "write", patch: "write",
  attach: "write", detach: "write", enable: "write", disable: "write", start: "write", stop: "write", restart: "write",
  resize: "write", scale: "write", rename: "write", move: "write", import: "write", fork: "write", upgrade: "write",
  assign: "write", unassign: "write", tag: "write", untag: "write", connect: "write", run: "write", exec: "write",
  trigger: "write", cancel: "write", config: "write", configure: "write", reset: "write", restore: "write",
  deploy: "deploy", release: "deploy", promote: "deploy", rollback: "deploy", redeploy: "deploy", sync: "deploy",
  delete: "delete", destroy: "delete", remove: "delete", rm: "delete", del: "delete", purge: "delete",
  unset: "write", clear: "delete", revoke: "write",
};
