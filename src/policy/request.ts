/** Operation (from the interpreters) -> Cedar request with its entities. */
import path from "node:path";
import { classifyPath, PATH_CLASS_GROUPS, TREE_CLASS, UNRESOLVED_PATH_CLASS, type PathContext } from "../clis/path-classes.js";
import { programGroups } from "../clis/registry.js";
import type { Operation, ResourceRef } from "../clis/types.js";
import type { Config } from "../config/schema.js";
import { globToRegExp, matchesGlob } from "../config/glob.js";
import { isLocalHost } from "../clis/databases/target.js";
import type { CedarRequest, EntityData, Uid } from "./types.js";

export interface AgentInfo {
  readonly name: string;
  readonly mode: string;
  readonly session: string;
  /** The action comes from an agent's environment (default true; the git pre-commit check says, from the
   *  committing shell's markers: src/git-hook/agent-env.ts). */
  readonly agentEnv?: boolean;
}

interface RequestEnv {
  readonly agent: AgentInfo;
  readonly config: Config;
  readonly paths: PathContext;
}

/** The env label of a path from config.stacks (first match wins), "" when none matches. */
function envLabelFor(abs: string, env: RequestEnv): string {
  const rel = path.relative(env.paths.root, abs).split(path.sep).join("/");
  if (rel.startsWith("..") || path.isAbsolute(rel)) return "";
  for (const s of env.config.stacks) if (matchesGlob(rel === "" ? "." : rel, s.path)) return s.env;
  return "";
}

/** The env label of a database from config.databases (first match on host, name or host/name wins). */
function databaseLabelFor(host: string, name: string, env: RequestEnv): string {
  const subjects = [host, name, `${host}/${name}`].filter((x) => x !== "" && x !== "/");
  for (const d of env.config.databases) {
    const re = globToRegExp(d.match);
    if (subjects.some((x) => re.test(x))) return d.env;
  }
  return "";
}

function resourceEntity(ref: ResourceRef, env: RequestEnv, workspace: Uid): EntityData {
  switch (ref.type) {
    case "Stack":
      return { uid: { type: "Stack", id: ref.dir }, attrs: { dir: ref.dir, env: envLabelFor(ref.dir, env) }, parents: [workspace] };
    case "File": {
      const classes: string[] = classifyPath(ref.path, env.paths).filter((c) => !(ref.unlike ?? []).includes(c));
      if (ref.tree) classes.push(TREE_CLASS);
      // A computed path is its own class, so its policy scopes on it and everyday edits stay outside it.
      if (ref.unresolved) classes.push(UNRESOLVED_PATH_CLASS);
      return {
        uid: { type: "File", id: ref.path },
        attrs: { path: ref.path, classes, insideWorkspace: !classes.includes("outside-workspace"), env: envLabelFor(ref.path, env) },
        parents: [workspace, ...classes.map((c) => ({ type: "PathClass", id: c }))],
      };
    }
    case "Program":
      return { uid: { type: "Program", id: ref.name }, attrs: { name: ref.name }, parents: programGroups(ref.name).map((g) => ({ type: "ProgramGroup", id: g })) };
    case "McpTool":
      return { uid: { type: "McpTool", id: `${ref.server}/${ref.tool}` }, attrs: { server: ref.server, tool: ref.tool }, parents: [] };
    case "AwsService": {
      // Budget limits from config.budget for aws.provision (schemas/cedar/30-aws.cedarschema).
      const { maxInstances, allowedInstanceTypes } = env.config.budget;
      return {
        uid: { type: "AwsService", id: ref.name },
        attrs: {
          name: ref.name,
          budgetSet: maxInstances !== undefined,
          maxInstances: maxInstances ?? 0,
          typesSet: allowedInstanceTypes !== undefined,
          allowedInstanceTypes: [...new Set((allowedInstanceTypes ?? []).map((t) => t.toLowerCase()))],
        },
        parents: [],
      };
    }
    case "StoredObject":
      return { uid: { type: "StoredObject", id: ref.url }, attrs: { url: ref.url }, parents: [] };
    case "Cluster":
      return { uid: { type: "Cluster", id: ref.name }, attrs: { name: ref.name }, parents: [] };
    case "Database": {
      const id = `${ref.engine}://${ref.host}${ref.port ? `:${ref.port}` : ""}/${ref.name}`;
      const local = ref.engine === "sqlite" || isLocalHost(ref.host);
      const attrs = { engine: ref.engine, host: ref.host, port: ref.port, name: ref.name, env: databaseLabelFor(ref.host, ref.name, env), local, known: ref.known };
      return { uid: { type: "Database", id }, attrs, parents: [] };
    }
    default: {
      const never: never = ref;
      throw new Error(`unknown resource ${JSON.stringify(never)}`);
    }
  }
}

/** The group entities a resource is in: PathClass entities for a file's classes (each under the groups that
 *  contain it), ProgramGroup entities for a program. */
function groupEntities(resource: EntityData): EntityData[] {
  const out: EntityData[] = resource.parents.filter((p) => p.type === "ProgramGroup").map((uid) => ({ uid, attrs: {}, parents: [] }));
  const groups = new Set<string>();
  for (const parent of resource.parents) {
    if (parent.type !== "PathClass") continue;
    const memberOf = Object.entries(PATH_CLASS_GROUPS).filter(([, members]) => (members as readonly string[]).includes(parent.id)).map(([g]) => g);
    for (const g of memberOf) groups.add(g);
    out.push({ uid: parent, attrs: {}, parents: memberOf.map((g) => ({ type: "PathClass", id: g })) });
  }
  for (const g of groups) out.push({ uid: { type: "PathClass", id: g }, attrs: {}, parents: [] });
  return out;
}

export function toCedarRequest(op: Operation, env: RequestEnv): CedarRequest {
  const workspace: Uid = { type: "Workspace", id: env.paths.root };
  const principal: Uid = { type: "Agent", id: env.agent.name };
  const resource = resourceEntity(op.resource, env, workspace);
  return {
    principal,
    action: { type: "Action", id: op.action },
    resource: resource.uid,
    context: op.context,
    entities: [
      { uid: principal, attrs: { name: env.agent.name, mode: env.agent.mode, session: env.agent.session, agentEnv: env.agent.agentEnv ?? true }, parents: [] },
      { uid: workspace, attrs: { root: env.paths.root }, parents: [] },
      resource,
      ...groupEntities(resource),
    ],
  };
}
