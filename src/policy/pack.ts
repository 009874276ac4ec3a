/** Load the policy pack: prebuilt (dist/policy-pack.json, made by `npm run build`) or compiled from source. */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { compilePolicyText, mergePolicies, type PolicyProblem } from "./compile.js";
import { joinSchemaFragments, readActionGraph } from "./schema.js";
import type { ActionGraph, CompiledPolicies, PolicyPack } from "./types.js";

/** The package root: the folder holding policies/ and schemas/. */
export function getPackageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (fs.existsSync(path.join(dir, "policies")) && fs.existsSync(path.join(dir, "schemas"))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error("cannot find the infragate package root (policies/ and schemas/)");
}

interface PrebuiltPack {
  readonly version: 1;
  readonly policies: CompiledPolicies;
  readonly actions: ActionGraph;
}

/** The build's own output, checked for shape (not with zod: this is on the hook's hot path). */
function isPrebuiltPack(v: unknown): v is PrebuiltPack {
  if (typeof v !== "object" || v === null) return false;
  const d = v as Record<string, unknown>;
  const p = d.policies as Record<string, unknown> | undefined;
  return (
    d.version === 1 &&
    typeof d.actions === "object" && d.actions !== null &&
    typeof p === "object" && p !== null &&
    typeof p.texts === "object" && p.texts !== null &&
    typeof p.meta === "object" && p.meta !== null &&
    typeof p.scopes === "object" && p.scopes !== null
  );
}

export function prebuiltPackPath(root: string): string {
  return path.join(root, "dist", "policy-pack.json");
}

/** Compile policies/*.cedar and the schema fragments from source. */
export function compilePackFromSource(root: string): { pack: PolicyPack; problems: PolicyProblem[] } {
  const schema = joinSchemaFragments(path.join(root, "schemas", "cedar"));
  const actions = readActionGraph(schema);
  const dir = path.join(root, "policies");
  const problems: PolicyProblem[] = [];
  const sets: CompiledPolicies[] = [];
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith(".cedar")).sort()) {
    const rel = `policies/${f}`;
    const compiled = compilePolicyText(fs.readFileSync(path.join(dir, f), "utf8"), rel, { strictAnnotations: true });
    problems.push(...compiled.problems);
    sets.push(compiled.policies);
  }
  const merged = mergePolicies(sets);
  for (const d of merged.duplicates) problems.push({ file: "policies", line: 1, message: `duplicate policy id ${d}` });
  return { pack: { policies: merged.policies, actions, schema }, problems };
}

/** The pack for the hook's hot path: the prebuilt JSON when present, else compiled from source. */
export function loadPack(root: string = getPackageRoot()): PolicyPack {
  const prebuilt = prebuiltPackPath(root);
  try {
    const data: unknown = JSON.parse(fs.readFileSync(prebuilt, "utf8"));
    if (isPrebuiltPack(data)) return { policies: data.policies, actions: data.actions };
  } catch {
    // not built: compile below
  }
  const { pack, problems } = compilePackFromSource(root);
  if (problems.length > 0) {
    throw new Error(`the policy pack does not compile:\n${problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join("\n")}`);
  }
  return pack;
}
