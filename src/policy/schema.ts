/** The Cedar schema: fragments joined in file-name order, and the action hierarchy read from it. */
import fs from "node:fs";
import path from "node:path";
import { getCedar } from "./cedar.js";
import type { ActionGraph } from "./types.js";

export function joinSchemaFragments(dir: string): string {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".cedarschema"))
    .sort();
  return files.map((f) => `// ---- ${f} ----\n${fs.readFileSync(path.join(dir, f), "utf8")}`).join("\n");
}

interface SchemaJsonAction {
  memberOf?: { id: string; type?: string }[];
}

/** Action id -> direct parent group ids, from the schema. Throws on an unparseable schema. */
export function readActionGraph(schemaText: string): ActionGraph {
  const answer = getCedar().schemaToJson(schemaText);
  if (answer.type !== "success") {
    throw new Error(`invalid Cedar schema: ${answer.errors.map((e) => e.message).join("; ")}`);
  }
  const json = answer.json as Record<string, { actions?: Record<string, SchemaJsonAction> }>;
  const graph: Record<string, string[]> = {};
  for (const ns of Object.values(json)) {
    for (const [id, action] of Object.entries(ns.actions ?? {})) {
      graph[id] = (action.memberOf ?? []).map((m) => m.id);
    }
  }
  return graph;
}

/** The action and all its ancestors. */
export function actionAncestry(graph: ActionGraph, action: string): string[] {
  const out: string[] = [];
  const stack = [action];
  while (stack.length > 0) {
    const a = stack.pop() as string;
    if (out.includes(a)) continue;
    out.push(a);
    for (const p of graph[a] ?? []) stack.push(p);
  }
  return out;
}
