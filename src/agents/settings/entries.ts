/** Find infragate's hook entries in an agent's settings file (the documented shapes, see
 *  research/hook-protocols.md): `hooks.<Event>[].hooks[]` (Claude Code, Codex, Gemini with ms timeouts) or
 *  `hooks.<event>[]` flat (Cursor, Copilot). */
import { parse, printParseErrorCode, type ParseError } from "jsonc-parser";
import fs from "node:fs";
import { HTTP_HOOK_PATH, isServiceStarter, namesLauncher } from "./marker.js";

export interface HookEntry {
  /** The agent's registry name. */
  readonly agent: string;
  /** The settings file. */
  readonly file: string;
  readonly event: string;
  readonly matcher: string | undefined;
  readonly command: string;
  /** Claude Code `args` (no shell). */
  readonly args: readonly string[] | undefined;
  /** The timeout in ms as configured (Claude, Cursor, Codex: seconds in the file), undefined if unset. */
  readonly timeoutMs: number | undefined;
  /** Cursor's switch. */
  readonly failClosed: boolean | undefined;
  /** Claude Code's switch ("block" makes a failing hook block). */
  readonly onFailure: string | undefined;
  /** An HTTP hook to the decision service (install --http): its URL and headers; `command` is "". */
  readonly http?: { readonly url: string; readonly headers: Readonly<Record<string, string>> } | undefined;
}

export interface SettingsFile {
  readonly file: string;
  readonly exists: boolean;
  readonly json: Record<string, unknown> | undefined;
  /** Set when the file exists but is not a JSON object. */
  readonly error: string | undefined;
}

/** Read a settings file. `comments`: the agent reads JSON with comments (Gemini CLI), so they are no error. */
export function readSettings(file: string, comments = false): SettingsFile {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return { file, exists: false, json: undefined, error: undefined };
  }
  try {
    const json: unknown = comments ? parseWithComments(text) : JSON.parse(text);
    if (!json || typeof json !== "object" || Array.isArray(json)) return { file, exists: true, json: undefined, error: "not a JSON object" };
    return { file, exists: true, json: json as Record<string, unknown>, error: undefined };
  } catch (err) {
    return { file, exists: true, json: undefined, error: `invalid JSON: ${(err as Error).message}` };
  }
}

function parseWithComments(text: string): unknown {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  const e = errors[0];
  if (e) throw new Error(`${printParseErrorCode(e.error)} at offset ${e.offset}`);
  return value;
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Is this hook command infragate's (for this agent)? */
export function isInfragateCommand(command: string, args: readonly string[] = [], agent = ""): boolean {
  const text = [command, ...args].join(" ");
  if (namesLauncher(text) || /infragate/i.test(text)) return true;
  return agent !== "" && new RegExp(`\\bhook\\s+${agent.replace(/[^a-z0-9-]/g, "")}\\b`).test(text);
}

/** One handler object as an entry, when it is infragate's. `commandKey` is where the agent keeps the command. */
export function entry(agent: string, file: string, event: string, matcher: string | undefined, h: Record<string, unknown>, timeoutUnit: number, commandKey = "command"): HookEntry | undefined {
  if (h.type === "http" && typeof h.url === "string" && h.url.includes(HTTP_HOOK_PATH)) {
    const headers = isRecord(h.headers) ? Object.fromEntries(Object.entries(h.headers).filter((kv): kv is [string, string] => typeof kv[1] === "string")) : {};
    return {
      agent, file, event, matcher, command: "", args: undefined,
      timeoutMs: typeof h.timeout === "number" ? h.timeout * timeoutUnit : undefined,
      failClosed: undefined,
      onFailure: typeof h.onFailure === "string" ? h.onFailure : undefined,
      http: { url: h.url, headers },
    };
  }
  const command = h[commandKey];
  // The service starter an --http install adds at session start is not a gate.
  if (typeof command === "string" && isServiceStarter(command)) return undefined;
  if (typeof command !== "string") return undefined;
  const args = Array.isArray(h.args) ? h.args.filter((a): a is string => typeof a === "string") : undefined;
  if (!isInfragateCommand(command, args, agent)) return undefined;
  return {
    agent,
    file,
    event,
    matcher,
    command,
    args,
    timeoutMs: typeof h.timeout === "number" ? h.timeout * timeoutUnit : undefined,
    failClosed: typeof h.failClosed === "boolean" ? h.failClosed : undefined,
    onFailure: typeof h.onFailure === "string" ? h.onFailure : undefined,
  };
}

/** Claude Code, Codex, Gemini: `{hooks: {Event: [{matcher, hooks: [{type, command, timeout}]}]}}`; unit is
 *  the timeout's unit in ms (1000 for seconds). */
export function nestedHookEntries(agent: string, s: SettingsFile, unit = 1000): HookEntry[] {
  const out: HookEntry[] = [];
  const hooks = s.json?.hooks;
  if (!isRecord(hooks)) return out;
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

/** Cursor, Copilot: `{version: 1, hooks: {event: [{command, timeout, failClosed, matcher}]}}` (Copilot keeps
 *  the command under "bash" and the timeout in timeoutSec). */
export function flatHookEntries(agent: string, s: SettingsFile, commandKey = "command"): HookEntry[] {
  const out: HookEntry[] = [];
  const hooks = s.json?.hooks;
  if (!isRecord(hooks)) return out;
  for (const [event, list] of Object.entries(hooks)) {
    for (const h of asArray(list)) {
      if (!isRecord(h)) continue;
      const withTimeout = h.timeout === undefined && typeof h.timeoutSec === "number" ? { ...h, timeout: h.timeoutSec } : h;
      const e = entry(agent, s.file, event, typeof h.matcher === "string" ? h.matcher : undefined, withTimeout, 1000, commandKey);
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
