/** Plain data of `infragate doctor`: a list of checks, each pass, warn, fail or info. */
import type { DoctorScope } from "../agents/checks.js";

export { check, homeOf, type Check, type Status } from "../agents/checks.js";

export interface DoctorOptions extends DoctorScope {
  /** The longest a canary may take, ms (the hook's own timeout when shorter). */
  readonly canaryCapMs?: number;
  /** Skip running installed hooks (no canary). */
  readonly noCanary?: boolean;
}
