/** The installed hook timeout, seconds (Gemini: the same in ms). infragate's own deadline is 80% of it, so it
 *  answers (deny) before the agent kills the hook, which in most agents lets the call through. */
export const HOOK_TIMEOUT_SECONDS = 30;
export const DEFAULT_DEADLINE_MS = Math.round(HOOK_TIMEOUT_SECONDS * 1000 * 0.8);
