/** Plain data of the policy stage. */
import type { Decision } from "../util/decision.js";

/** A value Cedar accepts in a context or an attribute: no null, no floats. Arrays become Sets. The stages
 *  hand the policy stage typed facts (src/facts); this is only the shape the Cedar call takes. */
export type CedarValue = string | number | boolean | readonly CedarValue[] | { readonly [key: string]: CedarValue };
type CedarRecord = { readonly [key: string]: CedarValue };

/** allow, ask or deny (src/util/decision.ts). */
export type DecisionKind = Decision;

export interface PolicyMeta {
  readonly id: string;
  readonly effect: "permit" | "forbid";
  /** @reason: what was blocked, why, and the safe next step. */
  readonly reason: string;
  /** A forbid annotated @decision("ask") asks a human; any other matching forbid denies. */
  readonly decision: "deny" | "ask";
  /** Where it comes from: `policies/terraform.cedar:12`. */
  readonly source: string;
}

export interface CompiledPolicies {
  /** Policy id -> the text of that one policy. */
  readonly texts: Readonly<Record<string, string>>;
  readonly meta: Readonly<Record<string, PolicyMeta>>;
  /** Policy id -> its scope, for the engine's scope shortcut (src/policy/scope.ts). */
  readonly scopes: Readonly<Record<string, PolicyScope>>;
}

/** Action id -> the ids of the action groups it belongs to (direct parents). */
export type ActionGraph = Readonly<Record<string, readonly string[]>>;

export interface PolicyPack {
  readonly policies: CompiledPolicies;
  readonly actions: ActionGraph;
  /** Schema text (Cedar syntax); only used where validation is wanted (tests, `policy validate`). */
  readonly schema?: string | undefined;
}

export interface Uid {
  readonly type: string;
  readonly id: string;
}

export interface EntityData {
  readonly uid: Uid;
  readonly attrs: CedarRecord;
  readonly parents: readonly Uid[];
}

export interface CedarRequest {
  readonly principal: Uid;
  readonly action: Uid;
  readonly resource: Uid;
  readonly context: CedarRecord;
  readonly entities: readonly EntityData[];
}

export interface RequestVerdict {
  readonly decision: DecisionKind;
  /** Ids of the policies that decided: the matching forbids on deny/ask. */
  readonly policies: readonly string[];
  /** Their @reason texts, in the same order. */
  readonly reasons: readonly string[];
  /** Cedar errors: any of them makes the verdict deny (fail closed). */
  readonly errors: readonly string[];
}

/** Policy scopes (principal, action, resource constraints), read from Cedar's own JSON form (src/policy/scope.ts). */
export type ScopeConstraint =
  | { readonly op: "All" }
  | { readonly op: "=="; readonly entity: Uid }
  | { readonly op: "in"; readonly entity: Uid }
  | { readonly op: "in"; readonly entities: readonly Uid[] }
  | { readonly op: "is"; readonly entity_type: string; readonly in?: { readonly entity: Uid } }
  /** Anything this matcher does not understand (template slots, future forms): it may match. */
  | { readonly op: "unknown" };

export interface PolicyScope {
  readonly effect: "permit" | "forbid";
  readonly principal: ScopeConstraint;
  readonly action: ScopeConstraint;
  readonly resource: ScopeConstraint;
  /** The policy has when/unless conditions. */
  readonly conditional: boolean;
}
