/** Per agent: is infragate's hook installed, does its command exist, does it answer deny to a canary,
 *  are the fail-closed switches and timeouts set. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEFAULT_DEADLINE_MS } from "../cli/hook.js";
import { canaryFor, isDeny } from "./canary.js";
import { commandWords, resolveCommand, runHookCommand } from "./command.js";
import { cursorHookEntries, matcherCovers, nestedHookEntries, readSettings, type HookAgent, type HookEntry, type SettingsFile } from "./settings.js";
import { check, homeOf, type Check, type DoctorOptions } from "./types.js";

interface AgentSpec {
  readonly agent: HookAgent;
  readonly files: (dir: string, home: string) => string[];
  readonly entries: (s: SettingsFile) => HookEntry[];
  /** The event whose entries must exist for the agent's shell and file tools to be gated. */
  readonly gateEvents: readonly string[];
}

export const AGENT_SPECS: readonly AgentSpec[] = [
  {
    agent: "claude-code",
    files: (dir, home) => [path.join(dir, ".claude", "settings.json"), path.join(dir, ".claude", "settings.local.json"), path.join(home, ".claude", "settings.json")],
    entries: (s) => nestedHookEntries("claude-code", s),
    gateEvents: ["PreToolUse"],
  },
  { agent: "cursor", files: (dir, home) => [path.join(dir, ".cursor", "hooks.json"), path.join(home, ".cursor", "hooks.json")], entries: cursorHookEntries, gateEvents: ["preToolUse", "beforeShellExecution"] },
  {
    agent: "gemini",
    files: (dir, home) => [path.join(dir, ".gemini", "settings.json"), path.join(home, ".gemini", "settings.json")],
    entries: (s) => nestedHookEntries("gemini", s),
    gateEvents: ["BeforeTool"],
  },
  {
    agent: "codex",
    files: (dir, home) => [path.join(dir, ".codex", "hooks.json"), path.join(home, ".codex", "hooks.json")],
    entries: (s) => nestedHookEntries("codex", s),
    gateEvents: ["PreToolUse"],
  },
];

function tail(text: string, n = 300): string {
  const t = text.trim();
  return t.length > n ? `${t.slice(0, n)}...` : t;
}

async function canaryCheck(e: HookEntry, opts: DoctorOptions, cwd: string): Promise<Check | undefined> {
  const home = homeOf(opts);
  const canary = canaryFor(e.agent, e.event, opts.dir, home);
  if (!canary) return undefined;
  const state = fs.mkdtempSync(path.join(os.tmpdir(), "infragate-doctor-"));
  try {
    const timeoutMs = Math.min(e.timeoutMs ?? 30_000, opts.canaryCapMs ?? 30_000);
    const env = { ...opts.env, INFRAGATE_HOME: state, CLAUDE_PROJECT_DIR: opts.dir, CURSOR_PROJECT_DIR: opts.dir, GEMINI_PROJECT_DIR: opts.dir };
    const r = await runHookCommand(e.command, e.args, { cwd, env, input: JSON.stringify(canary.payload), timeoutMs });
    const where = `${e.event} in ${e.file}`;
    if (r.timedOut) return check(e.agent, "fail", `the hook did not answer the canary (${canary.what}) within ${timeoutMs} ms`, [where, "a timed-out hook lets the call through in most agents"]);
    if (r.error) return check(e.agent, "fail", `the hook could not be run: ${r.error}`, [where]);
    if (isDeny(e.agent, r.exitCode, r.stdout)) {
      if (`${r.stdout}\n${r.stderr}`.includes(canary.policy)) return check(e.agent, "pass", `the hook denies the canary (${canary.what}) by ${canary.policy} in ${r.ms} ms`, [where]);
      return check(e.agent, "fail", `the hook denies the canary (${canary.what}) but not by policy: it blocks every call`, [where, `answer: ${tail(r.stderr || r.stdout)}`]);
    }
    return check(e.agent, "fail", `the hook did not deny the canary (${canary.what}): exit ${r.exitCode}`, [
      where,
      ...(r.stdout.trim() ? [`stdout: ${tail(r.stdout)}`] : []),
      ...(r.stderr.trim() ? [`stderr: ${tail(r.stderr)}`] : []),
    ]);
  } finally {
    fs.rmSync(state, { recursive: true, force: true });
  }
}

function switchChecks(e: HookEntry): Check[] {
  const out: Check[] = [];
  const where = [`${e.event} in ${e.file}`];
  if (e.agent === "cursor" && e.failClosed !== true) {
    out.push(check("cursor", "fail", `failClosed is not true for ${e.event}: a crash or timeout of the hook lets the call through`, [...where, 'set "failClosed": true']));
  }
  if (e.timeoutMs === undefined) {
    out.push(check(e.agent, "warn", `no timeout set for ${e.event}`, [...where, `set one of at least ${Math.ceil(DEFAULT_DEADLINE_MS / 1000) + 1} s (infragate answers deny after ${DEFAULT_DEADLINE_MS} ms)`]));
  } else if (e.timeoutMs <= DEFAULT_DEADLINE_MS) {
    out.push(check(e.agent, "warn", `the ${e.event} timeout (${e.timeoutMs} ms) is shorter than infragate's own deadline (${DEFAULT_DEADLINE_MS} ms): the agent may kill the hook first, which fails open`, where));
  }
  if (e.agent === "claude-code" || e.agent === "codex") {
    const uncovered = ["Bash", "Write", "Edit"].filter((t) => !matcherCovers(e.matcher, t));
    if (e.agent === "claude-code" && uncovered.length > 0) out.push(check(e.agent, "warn", `the matcher ${JSON.stringify(e.matcher)} does not cover ${uncovered.join(", ")}`, where));
  }
  return out;
}

async function agentChecks(spec: AgentSpec, opts: DoctorOptions): Promise<Check[]> {
  const home = homeOf(opts);
  const out: Check[] = [];
  const entries: HookEntry[] = [];
  for (const file of spec.files(opts.dir, home)) {
    const s = readSettings(file);
    if (s.error) out.push(check(spec.agent, "fail", `${file} is unreadable: ${s.error}`, ["the agent may ignore the whole file, hooks included"]));
    entries.push(...spec.entries(s));
  }
  if (entries.length === 0) {
    if (out.length === 0) out.push(check(spec.agent, "info", "not installed", [`run 'infragate install ${spec.agent}' to guard it`]));
    return out;
  }
  const events = [...new Set(entries.map((e) => e.event))];
  const gated = spec.gateEvents.filter((ev) => events.includes(ev));
  out.push(check(spec.agent, gated.length > 0 ? "pass" : "fail", `hook installed for ${events.join(", ")}`, [...new Set(entries.map((e) => e.file))]));
  const perEntry = await Promise.all(entries.map((e) => entryChecks(e, opts, home)));
  return [...out, ...perEntry.flat()];
}

async function entryChecks(e: HookEntry, opts: DoctorOptions, home: string): Promise<Check[]> {
  const cwd = e.file.startsWith(path.join(home, ".cursor")) ? path.dirname(e.file) : opts.dir;
  const vars = { ...opts.env, CLAUDE_PROJECT_DIR: opts.dir, CURSOR_PROJECT_DIR: opts.dir, GEMINI_PROJECT_DIR: opts.dir };
  const words = e.args ? [e.command, ...e.args] : commandWords(e.command, vars);
  const resolved = resolveCommand(words, cwd, opts.env);
  if (resolved.missing.length > 0) {
    return [check(e.agent, "fail", `the ${e.event} hook command cannot run: ${resolved.missing.join("; ")}`, [`${e.file}: ${e.command}`, "a missing hook fails open: reinstall with 'infragate install'"])];
  }
  const out = switchChecks(e);
  const c = opts.noCanary ? undefined : await canaryCheck(e, opts, cwd);
  return c ? [...out, c] : out;
}

export async function checkAgents(opts: DoctorOptions): Promise<Check[]> {
  const out: Check[] = [];
  for (const spec of AGENT_SPECS) out.push(...(await agentChecks(spec, opts)));
  return out;
}
