/** Cedar evaluation with infragate's verdict rules: forbid @decision("ask") asks, any other forbid denies,
 *  any Cedar error denies (fail closed). */
import { getCedar } from "./cedar.js";
import { actionAncestry } from "./schema.js";
import type { CedarRequest, CompiledPolicies, DecisionKind, EntityData, PolicyPack, RequestVerdict } from "./types.js";

export interface Engine {
  readonly policies: CompiledPolicies;
  authorize(request: CedarRequest): RequestVerdict;
}

export interface EngineOptions {
  /** Validate every request against the schema (tests and `policy test`): a context that does not
   *  match its action's type is a failure, hence deny. */
  readonly validateRequests?: boolean;
}

let engineSeq = 0;

function toCedarEntity(e: EntityData): { uid: { type: string; id: string }; attrs: Record<string, unknown>; parents: { type: string; id: string }[] } {
  return { uid: { type: e.uid.type, id: e.uid.id }, attrs: e.attrs as Record<string, unknown>, parents: e.parents.map((p) => ({ type: p.type, id: p.id })) };
}

export function createEngine(pack: PolicyPack, policies: CompiledPolicies = pack.policies, opts: EngineOptions = {}): Engine {
  const cedar = getCedar();
  const setId = `set${engineSeq++}`;
  const parsed = cedar.preparsePolicySet(setId, { staticPolicies: { ...policies.texts } });
  if (parsed.type !== "success") {
    const message = parsed.errors.map((e) => e.message).join("; ");
    return {
      policies,
      authorize: () => ({ decision: "deny", policies: [], reasons: [], errors: [`policies failed to load: ${message}`] }),
    };
  }
  let schemaName: string | undefined;
  if (opts.validateRequests && pack.schema) {
    schemaName = `${setId}-schema`;
    const s = cedar.preparseSchema(schemaName, pack.schema);
    if (s.type !== "success") throw new Error(`schema failed to parse: ${s.errors.map((e) => e.message).join("; ")}`);
  }

  const actionEntities = (action: string): EntityData[] =>
    actionAncestry(pack.actions, action).map((a) => ({
      uid: { type: "Action", id: a },
      attrs: {},
      parents: (pack.actions[a] ?? []).map((p) => ({ type: "Action", id: p })),
    }));

  return {
    policies,
    authorize(request: CedarRequest): RequestVerdict {
      const entities = schemaName ? request.entities : [...request.entities, ...actionEntities(request.action.id)];
      let answer;
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
        return { decision: "deny", policies: [], reasons: [], errors: [`Cedar threw: ${(err as Error).message}`] };
      }
      if (answer.type !== "success") {
        return { decision: "deny", policies: [], reasons: [], errors: answer.errors.map((e) => e.message) };
      }
      const { decision, diagnostics } = answer.response;
      const errors = diagnostics.errors.map((e) => `${e.policyId}: ${e.error.message}`);
      const matched = [...diagnostics.reason].sort();
      if (errors.length > 0) {
        return { decision: "deny", policies: matched, reasons: matched.map((id) => policies.meta[id]?.reason ?? id), errors };
      }
      if (decision === "allow") return { decision: "allow", policies: matched, reasons: [], errors: [] };
      const forbids = matched.filter((id) => policies.meta[id]?.effect === "forbid");
      if (forbids.length === 0) {
        return { decision: "deny", policies: [], reasons: ["no policy permits this action (allow-list mode)"], errors: [] };
      }
      const hard = forbids.filter((id) => policies.meta[id]?.decision !== "ask");
      const deciding = hard.length > 0 ? hard : forbids;
      const kind: DecisionKind = hard.length > 0 ? "deny" : "ask";
      return { decision: kind, policies: deciding, reasons: deciding.map((id) => policies.meta[id]?.reason ?? id), errors: [] };
    },
  };
}
