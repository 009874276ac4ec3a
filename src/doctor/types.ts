/** Plain data of `infragate doctor`: a list of checks, each pass, warn, fail or info. */
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

export interface DoctorOptions {
  /** The workspace root. */
  readonly dir: string;
  /** The environment doctor inspects (HOME, AWS_*, PATH, INFRAGATE_HOME). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Claude Code's managed settings file (default: the platform's). */
  readonly managedSettings?: string | undefined;
  /** The longest a canary may take, ms (the hook's own timeout when shorter). */
  readonly canaryCapMs?: number;
  /** Skip running installed hooks (no canary). */
  readonly noCanary?: boolean;
}

export function homeOf(opts: DoctorOptions): string {
  return opts.env.HOME && opts.env.HOME.length > 0 ? opts.env.HOME : "/nonexistent-home";
}

export const check = (area: string, status: Status, title: string, detail?: readonly string[]): Check =>
  detail && detail.length > 0 ? { area, status, title, detail } : { area, status, title };
