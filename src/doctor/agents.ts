/** Per registered agent: is infragate's hook installed, does its command exist, does it answer deny to a
 *  canary, are the fail-closed switches and timeouts set, and the agent's own off-switches. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { AGENT_REGISTRY, type AgentDescriptor } from "../agents/index.js";
import type { HookEntry } from "../agents/settings/entries.js";
import { readSettings } from "../agents/settings/entries.js";
import { DEFAULT_DEADLINE_MS } from "../agents/timeouts.js";
import { commandWords, resolveCommand, runHookCommand } from "./command.js";
import { check, homeOf, type Check, type DoctorOptions } from "./types.js";

function tail(text: string, n = 300): string {
  const t = text.trim();
  return t.length > n ? `${t.slice(0, n)}...` : t;
}

/** The project-dir variables every agent sets, pointing at the workspace (canaries run as the agent would). */
function projectVars(dir: string): Record<string, string> {
  return Object.fromEntries(AGENT_REGISTRY.flatMap((a) => a.projectDirVars.filter((v) => v !== "PWD").map((v) => [v, dir])));
}

async function canaryCheck(agent: AgentDescriptor, e: HookEntry, opts: DoctorOptions, cwd: string): Promise<Check | undefined> {
  const canary = agent.doctor.canary(e.event, opts.dir, homeOf(opts));
  if (!canary) return undefined;
  const state = fs.mkdtempSync(path.join(os.tmpdir(), "infragate-doctor-"));
  try {
    const timeoutMs = Math.min(e.timeoutMs ?? 30_000, opts.canaryCapMs ?? 30_000);
    // A throwaway home: the canary must not start a decision service there (it would outlive the folder).
    const env = { ...opts.env, INFRAGATE_HOME: state, INFRAGATE_SERVE_AUTOSTART: "0", ...projectVars(opts.dir) };
    const r = await runHookCommand(e.command, e.args, { cwd, env, input: JSON.stringify(canary.payload), timeoutMs });
    const where = `${e.event} in ${e.file}`;
    if (r.timedOut) return check(e.agent, "fail", `the hook did not answer the canary (${canary.what}) within ${timeoutMs} ms`, [where, "a timed-out hook lets the call through in most agents"]);
    if (r.error) return check(e.agent, "fail", `the hook could not be run: ${r.error}`, [where]);
    if (agent.doctor.isDeny(r.exitCode, r.stdout)) {
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

/** An HTTP hook's canary goes to the running decision service (its session memory ignores denied calls);
 *  a service that is not running is reported, since the installed SessionStart hook starts it. */
async function httpCanaryCheck(agent: AgentDescriptor, e: HookEntry, http: NonNullable<HookEntry["http"]>, opts: DoctorOptions): Promise<Check | undefined> {
  const canary = agent.doctor.canary(e.event, opts.dir, homeOf(opts));
  if (!canary) return undefined;
  const where = `${e.event} in ${e.file}`;
  let res: Response;
  try {
    res = await fetch(http.url, { method: "POST", headers: { "content-type": "application/json", ...http.headers }, body: JSON.stringify(canary.payload), signal: AbortSignal.timeout(opts.canaryCapMs ?? 30_000) });
  } catch (err) {
    return check(e.agent, "warn", `the decision service at ${http.url} does not answer (${err instanceof Error ? err.message : String(err)}): every call blocks until it runs`, [where, "the installed SessionStart hook starts it; 'infragate serve --detach' starts it now"]);
  }
  const text = await res.text();
  if (res.status !== 200) return check(e.agent, "fail", `the decision service answered the canary (${canary.what}) with HTTP ${res.status}: every call blocks`, [where, tail(text)]);
  if (agent.doctor.isDeny(undefined, text) && text.includes(canary.policy)) return check(e.agent, "pass", `the decision service denies the canary (${canary.what}) by ${canary.policy}`, [where]);
  return check(e.agent, "fail", `the decision service did not deny the canary (${canary.what})`, [where, tail(text)]);
}

function timeoutChecks(e: HookEntry): Check[] {
  const where = [`${e.event} in ${e.file}`];
  if (e.timeoutMs === undefined) {
    return [check(e.agent, "warn", `no timeout set for ${e.event}`, [...where, `set one of at least ${Math.ceil(DEFAULT_DEADLINE_MS / 1000) + 1} s (infragate answers deny after ${DEFAULT_DEADLINE_MS} ms)`])];
  }
  if (e.timeoutMs <= DEFAULT_DEADLINE_MS) {
    return [check(e.agent, "warn", `the ${e.event} timeout (${e.timeoutMs} ms) is shorter than infragate's own deadline (${DEFAULT_DEADLINE_MS} ms): the agent may kill the hook first, which fails open`, where)];
  }
  return [];
}

async function entryChecks(agent: AgentDescriptor, e: HookEntry, opts: DoctorOptions, home: string): Promise<Check[]> {
  if (e.http) {
    const out = [...agent.doctor.entryChecks(e), ...timeoutChecks(e)];
    const c = opts.noCanary ? undefined : await httpCanaryCheck(agent, e, e.http, opts);
    return c ? [...out, c] : out;
  }
  const cwd = agent.doctor.hookCwd?.(e.file, opts.dir, home) ?? opts.dir;
  const vars = { ...opts.env, ...projectVars(opts.dir) };
  const words = e.args ? [e.command, ...e.args] : commandWords(e.command, vars);
  const resolved = resolveCommand(words, cwd, opts.env);
  if (resolved.missing.length > 0) {
    return [check(e.agent, "fail", `the ${e.event} hook command cannot run: ${resolved.missing.join("; ")}`, [`${e.file}: ${e.command}`, `reinstall with 'infragate install ${e.agent}'`])];
  }
  const out = [...agent.doctor.entryChecks(e), ...timeoutChecks(e)];
  const c = opts.noCanary ? undefined : await canaryCheck(agent, e, opts, cwd);
  return c ? [...out, c] : out;
}

export interface AgentReport {
  readonly checks: readonly Check[];
  /** Whether any agent has infragate installed. */
  readonly installed: boolean;
  /** Advice text an agent's facet returned (Claude Code's managed-settings snippet). */
  readonly advice: string | undefined;
}

/** Which settings layer protects the agent: a project's (committed: `--team`, or this machine's paths), the
 *  user's, or a system-wide file (managed). */
function layerOf(e: HookEntry, dir: string, home: string): string {
  const under = (root: string): boolean => {
    const rel = path.relative(root, e.file);
    return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
  };
  if (under(dir)) return e.command.includes("$d/node_modules/infragate/") ? "project settings, team install (resolves in every clone)" : "project settings (this machine's paths)";
  if (under(home)) return "user settings";
  return "system-wide settings";
}

async function agentChecks(agent: AgentDescriptor, opts: DoctorOptions): Promise<{ checks: Check[]; entries: HookEntry[]; advice?: string }> {
  const home = homeOf(opts);
  const out: Check[] = [];
  const entries: HookEntry[] = [];
  for (const file of agent.doctor.files(opts, home)) {
    const s = agent.doctor.readFile ? agent.doctor.readFile(file) : readSettings(file);
    if (s.error) out.push(check(agent.name, "fail", `${file} is unreadable: ${s.error}`, ["the agent may ignore the whole file, hooks included"]));
    entries.push(...agent.doctor.entries(s));
  }
  const switches = agent.doctor.switches(opts, entries);
  if (entries.length === 0) {
    if (out.length === 0) out.push(check(agent.name, "info", "not installed", [`run 'infragate install ${agent.name}' to guard it`]));
    return { checks: [...out, ...switches.checks], entries, ...(switches.advice !== undefined ? { advice: switches.advice } : {}) };
  }
  const events = [...new Set(entries.map((e) => e.event))];
  const gated = agent.doctor.gateEvents.some((ev) => events.includes(ev));
  const layers = [...new Set(entries.map((e) => layerOf(e, opts.dir, home)))];
  out.push(check(agent.name, gated ? "pass" : "fail", `hook installed for ${events.join(", ")} (${layers.join("; ")})`, [...new Set(entries.map((e) => e.file))]));
  const memory = agent.doctor.memoryEvents;
  if (memory && !memory.some((ev) => events.includes(ev))) {
    out.push(check(agent.name, "warn", `no ${memory.join(" / ")} hook: session memory does not learn what ran (a state file moved or extracted earlier in the session goes unnoticed)`, [`run 'infragate install ${agent.name}' again`]));
  }
  const perEntry = await Promise.all(entries.map((e) => entryChecks(agent, e, opts, home)));
  return { checks: [...out, ...perEntry.flat(), ...switches.checks], entries, ...(switches.advice !== undefined ? { advice: switches.advice } : {}) };
}

export async function checkAgents(opts: DoctorOptions): Promise<AgentReport> {
  const checks: Check[] = [];
  let installed = false;
  let advice: string | undefined;
  for (const agent of AGENT_REGISTRY) {
    const r = await agentChecks(agent, opts);
    checks.push(...r.checks);
    installed ||= r.entries.length > 0;
    advice ??= r.advice;
  }
  return { checks, installed, advice };
}
