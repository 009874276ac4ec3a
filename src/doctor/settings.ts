/** Find infragate's hook entries in each agent's settings files (the documented shapes, see
 *  research/hook-protocols.md): Claude Code and Codex `hooks.<Event>[].hooks[]`, Gemini the same with
 *  ms timeouts, Cursor `hooks.<event>[]` flat. */
import fs from "node:fs";

export type HookAgent = "claude-code" | "cursor" | "gemini" | "codex";

export interface HookEntry {
  readonly agent: HookAgent;
  /** The settings file. */
  readonly file: string;
  readonly event: string;
  readonly matcher: string | undefined;
  readonly command: string;
  /** Claude Code `args` (no shell). */
  readonly args: readonly string[] | undefined;
  /** The timeout in ms as configured (Claude, Cursor, Codex: seconds in the file), undefined if unset. */
  readonly timeoutMs: number | undefined;
  /** Cursor only. */
  readonly failClosed: boolean | undefined;
}

export interface SettingsFile {
  readonly file: string;
  readonly exists: boolean;
  readonly json: Record<string, unknown> | undefined;
  /** Set when the file exists but is not a JSON object. */
  readonly error: string | undefined;
}

export function readSettings(file: string): SettingsFile {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return { file, exists: false, json: undefined, error: undefined };
  }
  try {
    const json: unknown = JSON.parse(text);
    if (!json || typeof json !== "object" || Array.isArray(json)) return { file, exists: true, json: undefined, error: "not a JSON object" };
    return { file, exists: true, json: json as Record<string, unknown>, error: undefined };
  } catch (err) {
    return { file, exists: true, json: undefined, error: `invalid JSON: ${(err as Error).message}` };
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Is this hook command infragate's? */
export function isInfragateCommand(command: string, args: readonly string[] = []): boolean {
  const text = [command, ...args].join(" ");
  return /infragate/i.test(text) || /\bhook\s+(?:claude-code|cursor|gemini|codex|git)\b/.test(text);
}

function entry(agent: HookAgent, file: string, event: string, matcher: string | undefined, h: Record<string, unknown>, timeoutUnit: number): HookEntry | undefined {
  if (typeof h.command !== "string") return undefined;
  const args = Array.isArray(h.args) ? h.args.filter((a): a is string => typeof a === "string") : undefined;
  if (!isInfragateCommand(h.command, args)) return undefined;
  return {
    agent,
    file,
    event,
    matcher,
    command: h.command,
    args,
    timeoutMs: typeof h.timeout === "number" ? h.timeout * timeoutUnit : undefined,
    failClosed: typeof h.failClosed === "boolean" ? h.failClosed : undefined,
  };
}

/** Claude Code, Codex, Gemini: `{hooks: {Event: [{matcher, hooks: [{type, command, timeout}]}]}}`. */
export function nestedHookEntries(agent: HookAgent, s: SettingsFile): HookEntry[] {
  const out: HookEntry[] = [];
  const hooks = s.json?.hooks;
  if (!isRecord(hooks)) return out;
  const unit = agent === "gemini" ? 1 : 1000;
  for (const [event, groups] of Object.entries(hooks)) {
    for (const g of asArray(groups)) {
      if (!isRecord(g)) continue;
      const matcher = typeof g.matcher === "string" ? g.matcher : undefined;
      for (const h of asArray(g.hooks)) {
        const e = isRecord(h) ? entry(agent, s.file, event, matcher, h, unit) : undefined;
        if (e) out.push(e);
      }
    }
  }
  return out;
}

/** Cursor: `{version: 1, hooks: {event: [{command, timeout, failClosed, matcher}]}}`. */
export function cursorHookEntries(s: SettingsFile): HookEntry[] {
  const out: HookEntry[] = [];
  const hooks = s.json?.hooks;
  if (!isRecord(hooks)) return out;
  for (const [event, list] of Object.entries(hooks)) {
    for (const h of asArray(list)) {
      if (!isRecord(h)) continue;
      const e = entry("cursor", s.file, event, typeof h.matcher === "string" ? h.matcher : undefined, h, 1000);
      if (e) out.push(e);
    }
  }
  return out;
}

/** Does a Claude-style matcher cover a tool name? Undefined, "" and "*" match all. */
export function matcherCovers(matcher: string | undefined, tool: string): boolean {
  if (matcher === undefined || matcher === "" || matcher === "*") return true;
  if (/^[A-Za-z0-9_ ,|-]+$/.test(matcher)) return matcher.split(/[|,]/).map((m) => m.trim()).includes(tool);
  try {
    return new RegExp(matcher).test(tool);
  } catch {
    return false;
  }
}
