/** Plain data of `infragate doctor`: a list of checks, each pass, warn, fail or info (agents' doctor facets
 *  produce them too). */
export type Status = "pass" | "warn" | "fail" | "info";

export interface Check {
  /** What the check is about: "claude-code", "cursor", "policies", "audit", "environment", ... */
  readonly area: string;
  readonly status: Status;
  /** One line: what was found. */
  readonly title: string;
  /** More lines: where, and what to do about it. */
  readonly detail?: readonly string[];
}

/** What an agent's doctor facet may look at. */
export interface DoctorScope {
  /** The workspace root. */
  readonly dir: string;
  /** The environment doctor inspects (HOME, CODEX_HOME, PATH, ...). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Claude Code's managed settings file (default: the platform's). */
  readonly managedSettings?: string | undefined;
}

export const check = (area: string, status: Status, title: string, detail?: readonly string[]): Check =>
  detail && detail.length > 0 ? { area, status, title, detail } : { area, status, title };

export function homeOf(scope: Pick<DoctorScope, "env">): string {
  return scope.env.HOME && scope.env.HOME.length > 0 ? scope.env.HOME : "/nonexistent-home";
}
