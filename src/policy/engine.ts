/** Cedar evaluation with infragate's verdict rules: a forbid annotated @decision("ask") asks, any other
 *  matching forbid denies, any Cedar error denies (fail closed).
 *
 *  Speed (the hook runs before every tool call): only the policies whose scope can match a request are
 *  handed to Cedar, and when those are decided by their scope alone (no forbid, and an unconditional
 *  permit; or nothing at all) the answer is given without loading the wasm. Both are exact: see
 *  src/policy/scope.ts and the equivalence test. */
import { cedarKeptWarm, getCedar, type CedarWasm } from "./cedar.js";
import { actionAncestry } from "./schema.js";
import { constraintMatches } from "./scope.js";
import type { ActionGraph, CedarRequest, CompiledPolicies, DecisionKind, EntityData, PolicyPack, RequestVerdict, Uid } from "./types.js";

export interface Engine {
  readonly policies: CompiledPolicies;
  /** The action hierarchy, to ask whether an action is in a group. */
  readonly actions: ActionGraph;
  authorize(request: CedarRequest): RequestVerdict;
  /** Full Cedar evaluation with every policy: no scope filter, no shortcut (for the equivalence test). */
  authorizeFull(request: CedarRequest): RequestVerdict;
  /** Every policy whose scope and conditions hold for the request, forbids and permits evaluated apart so that
   *  neither hides the other (for `explain`). */
  matching(request: CedarRequest): readonly string[];
  /** How many requests were answered without Cedar, and how many with it (bench and tests). */
  readonly stats: { shortcut: number; cedar: number };
}

export interface EngineOptions {
  /** Validate every request against the schema (tests and `policy test`): a context that does not
   *  match its action's type is a failure, hence deny. */
  readonly validateRequests?: boolean;
}

let engineSeq = 0;

function ancestryOf(uid: Uid, entities: readonly EntityData[]): Uid[] {
  const out: Uid[] = [uid];
  for (let i = 0; i < out.length; i++) {
    const cur = out[i] as Uid;
    const e = entities.find((x) => x.uid.type === cur.type && x.uid.id === cur.id);
    for (const p of e?.parents ?? []) if (!out.some((o) => o.type === p.type && o.id === p.id)) out.push(p);
  }
  return out;
}

function toCedarEntity(e: EntityData): unknown {
  return { uid: { type: e.uid.type, id: e.uid.id }, attrs: e.attrs, parents: e.parents.map((p) => ({ type: p.type, id: p.id })) };
}

/** Cedar answers an engine remembers (oldest forgotten first). */
const MAX_REMEMBERED_ANSWERS = 4096;

export function createEngine(pack: PolicyPack, policies: CompiledPolicies = pack.policies, opts: EngineOptions = {}): Engine {
  const prefix = `set${engineSeq++}`;
  const preparsed = new Map<string, string | { error: string }>();
  let schemaName: string | undefined;
  const stats = { shortcut: 0, cedar: 0 };

  const cedarFor = (): CedarWasm => {
    const cedar = getCedar();
    if (opts.validateRequests && pack.schema && schemaName === undefined) {
      schemaName = `${prefix}-schema`;
      const s = cedar.preparseSchema(schemaName, pack.schema);
      if (s.type !== "success") throw new Error(`schema failed to parse: ${s.errors.map((e) => e.message).join("; ")}`);
    }
    return cedar;
  };

  // One preparsed policy set per distinct subset of policy ids (a request of an action sees the same subset).
  const policySetFor = (cedar: CedarWasm, ids: readonly string[]): string | { error: string } => {
    const key = ids.join("\n");
    const known = preparsed.get(key);
    if (known !== undefined) return known;
    const id = `${prefix}-${preparsed.size}`;
    const staticPolicies: Record<string, string> = {};
    for (const pid of ids) staticPolicies[pid] = policies.texts[pid] as string;
    const parsed = cedar.preparsePolicySet(id, { staticPolicies });
    const result = parsed.type === "success" ? id : { error: `policies failed to load: ${parsed.errors.map((e) => e.message).join("; ")}` };
    preparsed.set(key, result);
    return result;
  };

  const actionEntities = (action: string): EntityData[] =>
    actionAncestry(pack.actions, action).map((a) => ({
      uid: { type: "Action", id: a },
      attrs: {},
      parents: (pack.actions[a] ?? []).map((p) => ({ type: "Action", id: p })),
    }));

  type Answer = ReturnType<CedarWasm["statefulIsAuthorized"]>;
  const answers = new Map<string, Answer>();
  const remember = (key: string, answer: Answer): void => {
    if (answers.size >= MAX_REMEMBERED_ANSWERS) {
      const oldest = answers.keys().next().value;
      if (oldest !== undefined) answers.delete(oldest);
    }
    answers.set(key, answer);
  };

  type CedarAnswer = { readonly decision: "allow" | "deny"; readonly reason: readonly string[]; readonly errors: readonly string[] };

  /** One Cedar call with the given policies; a failure to load or evaluate is an error (fail closed). */
  function cedarCall(request: CedarRequest, ids: readonly string[]): CedarAnswer | { readonly failed: string[] } {
    stats.cedar++;
    let cedar: CedarWasm;
    try {
      cedar = cedarFor();
    } catch (err) {
      return { failed: [`Cedar failed to load: ${(err as Error).message}`] };
    }
    const setId = policySetFor(cedar, ids);
    if (typeof setId !== "string") return { failed: [setId.error] };
    const entities = schemaName ? request.entities : [...request.entities, ...actionEntities(request.action.id)];
    // Cedar is a pure function of the policy set and the request with its entities: in a warm process (which
    // sees the same requests again and again) an identical request to the same preparsed set gets the
    // remembered answer. A hook process would only pay for the key.
    const key = cedarKeptWarm() ? `${setId}\0${JSON.stringify([request.principal, request.action, request.resource, request.context, entities])}` : undefined;
    let answer = key === undefined ? undefined : answers.get(key);
    if (answer === undefined) {
      try {
        answer = cedar.statefulIsAuthorized({
          principal: request.principal,
          action: request.action,
          resource: request.resource,
          context: request.context as Record<string, never>,
          entities: entities.map(toCedarEntity) as never,
          preparsedPolicySetId: setId,
          ...(schemaName ? { preparsedSchemaName: schemaName, validateRequest: true } : {}),
        });
      } catch (err) {
        return { failed: [`Cedar threw: ${(err as Error).message}`] };
      }
      if (key !== undefined && answer.type === "success") remember(key, answer);
    }
    if (answer.type !== "success") return { failed: answer.errors.map((e) => e.message) };
    const { decision, diagnostics } = answer.response;
    return { decision, reason: diagnostics.reason, errors: diagnostics.errors.map((e) => `${e.policyId}: ${e.error.message}`) };
  }

  function evaluate(request: CedarRequest, ids: readonly string[]): RequestVerdict {
    const answer = cedarCall(request, ids);
    if ("failed" in answer) return { decision: "deny", policies: [], reasons: [], errors: answer.failed };
    const { decision } = answer;
    const errors = [...answer.errors];
    const matched = [...answer.reason].sort();
    if (errors.length > 0) {
      return { decision: "deny", policies: matched, reasons: matched.map((id) => policies.meta[id]?.reason ?? id), errors };
    }
    if (decision === "allow") return { decision: "allow", policies: [], reasons: [], errors: [] };
    const forbids = matched.filter((id) => policies.meta[id]?.effect === "forbid");
    const verdict = forbidVerdict(forbids);
    if (verdict.decision !== "ask") return verdict;
    // Only ask-forbids matched: that is an ask only if some permit would have allowed the request;
    // without one (allow-list mode) it stays a deny.
    const permits = ids.filter((id) => policies.scopes[id]?.effect === "permit");
    const inScope = new Set(scopeCandidates(request, permits));
    if (permits.some((id) => policies.scopes[id]?.conditional === false && inScope.has(id))) return verdict;
    const withoutForbids = permits.length === 0 ? undefined : evaluate(request, permits);
    return withoutForbids?.decision === "allow" ? verdict : forbidVerdict([]);
  };

  const forbidVerdict = (forbids: readonly string[]): RequestVerdict => {
    if (forbids.length === 0) {
      return { decision: "deny", policies: [], reasons: ["no policy permits this action (allow-list mode)"], errors: [] };
    }
    const hard = forbids.filter((id) => policies.meta[id]?.decision !== "ask");
    const deciding = hard.length > 0 ? hard : forbids;
    const kind: DecisionKind = hard.length > 0 ? "deny" : "ask";
    return { decision: kind, policies: deciding, reasons: deciding.map((id) => policies.meta[id]?.reason ?? id), errors: [] };
  };

  const allIds = Object.keys(policies.texts).sort();

  /** Per action: the policies (in allIds order) whose action constraint can match it, or that have no known
   *  scope. The action hierarchy is fixed for the pack, so this is computed once per action and engine. */
  const byAction = new Map<string, { readonly list: readonly string[]; readonly set: ReadonlySet<string> }>();
  const forAction = (action: string): { readonly list: readonly string[]; readonly set: ReadonlySet<string> } => {
    const known = byAction.get(action);
    if (known) return known;
    const ancestry = actionAncestry(pack.actions, action).map((id) => ({ type: "Action", id }));
    const list = allIds.filter((id) => {
      const s = policies.scopes[id];
      return !s || constraintMatches(s.action, ancestry);
    });
    const entry = { list, set: new Set(list) };
    byAction.set(action, entry);
    return entry;
  };

  /** The ids (of those given) whose scope can match the request. */
  function scopeCandidates(request: CedarRequest, ids: readonly string[]): string[] {
    const principal = ancestryOf(request.principal, request.entities);
    const resource = ancestryOf(request.resource, request.entities);
    const action = forAction(request.action.id);
    const pool = ids === allIds ? action.list : ids.filter((id) => action.set.has(id));
    return pool.filter((id) => {
      const s = policies.scopes[id];
      return !s || (constraintMatches(s.principal, principal) && constraintMatches(s.resource, resource));
    });
  }

  return {
    policies,
    actions: pack.actions,
    stats,
    authorizeFull: (request) => evaluate(request, allIds),
    matching(request: CedarRequest): readonly string[] {
      const ids = new Set<string>();
      for (const effect of ["forbid", "permit"] as const) {
        const subset = scopeCandidates(request, allIds).filter((id) => policies.meta[id]?.effect === effect);
        if (subset.length === 0) continue;
        const answer = cedarCall(request, subset);
        if (!("failed" in answer)) for (const id of answer.reason) ids.add(id);
      }
      return [...ids].sort();
    },
    authorize(request: CedarRequest): RequestVerdict {
      const candidates = scopeCandidates(request, allIds);
      if (!opts.validateRequests) {
        const scoped = candidates.map((id) => policies.scopes[id]);
        if (scoped.every((s) => s !== undefined && s.effect === "permit")) {
          if (scoped.length === 0) {
            stats.shortcut++;
            return forbidVerdict([]);
          }
          if (scoped.some((s) => s !== undefined && !s.conditional)) {
            stats.shortcut++;
            return { decision: "allow", policies: [], reasons: [], errors: [] };
          }
        }
      }
      return evaluate(request, candidates);
    },
  };
}
