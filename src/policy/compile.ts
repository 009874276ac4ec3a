/** Split Cedar policy text into policies keyed by their @id, with their annotations (research/cedar.md 1.4). */
import { getCedar } from "./cedar.js";
import { readConstraint } from "./scope.js";
import type { CompiledPolicies, PolicyMeta, PolicyScope } from "./types.js";

export interface PolicyProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
  readonly help?: string | undefined;
}

interface CompileOptions {
  /** Pack policies must carry @id and @reason; user policies get generated ids when they lack one. */
  readonly strictAnnotations: boolean;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function findLine(text: string, id: string | undefined, fallbackIndex: number): number {
  if (id) {
    const at = text.indexOf(`@id("${id}")`);
    if (at >= 0) return lineAt(text, at);
  }
  let seen = -1;
  // [ \t]*, not \s*: a leading \s* runs across blank lines from every line start (quadratic on many newlines).
  const re = /^[ \t]*(permit|forbid)\s*\(/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    seen++;
    if (seen === fallbackIndex) return lineAt(text, m.index);
  }
  return 1;
}

/** Parse one file's text into policies by id. Never throws: problems are returned. */
export function compilePolicyText(
  text: string,
  file: string,
  opts: CompileOptions,
): { policies: CompiledPolicies; problems: PolicyProblem[] } {
  const cedar = getCedar();
  const texts: Record<string, string> = {};
  const meta: Record<string, PolicyMeta> = {};
  const scopes: Record<string, PolicyScope> = {};
  const problems: PolicyProblem[] = [];
  const parts = cedar.policySetTextToParts(text);
  if (parts.type !== "success") {
    for (const e of parts.errors) {
      const loc = e.sourceLocations?.[0];
      problems.push({ file, line: loc ? lineAt(text, loc.start) : 1, message: e.message, help: e.help ?? undefined });
    }
    return { policies: { texts, meta, scopes }, problems };
  }
  if (parts.policy_templates.length > 0) {
    problems.push({ file, line: 1, message: "policy templates are not supported here" });
  }
  parts.policies.forEach((part, index) => {
    const json = cedar.policyToJson(part);
    if (json.type !== "success") {
      problems.push({ file, line: 1, message: json.errors.map((e) => e.message).join("; ") });
      return;
    }
    const annotations = (json.json.annotations ?? {}) as Record<string, string | null>;
    const effect = json.json.effect;
    let id = annotations.id ?? undefined;
    const line = findLine(text, id, index);
    if (!id) {
      if (opts.strictAnnotations) problems.push({ file, line, message: "policy has no @id annotation" });
      id = `${file.replace(/^.*[\\/]/, "").replace(/\.cedar$/, "")}.policy${line}`;
    }
    const reason = annotations.reason ?? "";
    if (!reason && effect === "forbid") {
      if (opts.strictAnnotations) problems.push({ file, line, message: `forbid ${id} has no @reason annotation` });
    }
    const decisionRaw = annotations.decision ?? "deny";
    if (decisionRaw !== "deny" && decisionRaw !== "ask") {
      problems.push({ file, line, message: `@decision must be "ask" or "deny", not "${decisionRaw}"` });
    }
    if (texts[id] !== undefined) {
      problems.push({ file, line, message: `duplicate policy id ${id}` });
      return;
    }
    texts[id] = part;
    meta[id] = {
      id,
      effect,
      reason: reason || `blocked by policy ${id} (${file})`,
      decision: decisionRaw === "ask" ? "ask" : "deny",
      source: `${file}:${line}`,
    };
    scopes[id] = {
      effect,
      principal: readConstraint(json.json.principal),
      action: readConstraint(json.json.action),
      resource: readConstraint(json.json.resource),
      conditional: (json.json.conditions ?? []).length > 0,
    };
  });
  return { policies: { texts, meta, scopes }, problems };
}

/** Merge policy sets; a duplicate id is a problem and the later one is dropped. */
export function mergePolicies(sets: readonly CompiledPolicies[]): { policies: CompiledPolicies; duplicates: string[] } {
  const texts: Record<string, string> = {};
  const meta: Record<string, PolicyMeta> = {};
  const scopes: Record<string, PolicyScope> = {};
  const duplicates: string[] = [];
  for (const set of sets) {
    for (const [id, text] of Object.entries(set.texts)) {
      if (texts[id] !== undefined) {
        duplicates.push(id);
        continue;
      }
      texts[id] = text;
      const m = set.meta[id];
      if (m) meta[id] = m;
      const sc = set.scopes[id];
      if (sc) scopes[id] = sc;
    }
  }
  return { policies: { texts, meta, scopes }, duplicates };
}
