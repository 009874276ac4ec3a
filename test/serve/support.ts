/** Real decision services and real hook processes for the serve tests; everything they start is stopped and
 *  every folder they make is removed by cleanup(). */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { tempDir } from "../support/temp.js";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
export const BIN = path.join(ROOT, "bin", "infragate.cjs");
export const LAUNCHER = path.join(ROOT, "hooks", "infragate-hook.cjs");

export interface Sandbox {
  readonly dir: string;
  readonly ws: string;
  readonly home: string;
  readonly env: Record<string, string>;
  readonly children: ChildProcess[];
  readonly servers: net.Server[];
}

const sandboxes: Sandbox[] = [];

export function sandbox(): Sandbox {
  const dir = tempDir("infragate-serve-");
  const ws = path.join(dir, "ws");
  fs.mkdirSync(path.join(ws, ".git"), { recursive: true });
  const home = path.join(dir, "home");
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: dir,
    INFRAGATE_HOME: home,
    INFRAGATE_SERVE_AUTOSTART: "0",
  };
  const sb: Sandbox = { dir, ws, home, env, children: [], servers: [] };
  sandboxes.push(sb);
  return sb;
}

export async function cleanup(): Promise<void> {
  for (const sb of sandboxes.splice(0)) {
    for (const s of sb.servers) s.close();
    for (const c of sb.children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    await Promise.all(sb.children.map((c) => (c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once("exit", r)) : undefined)));
    fs.rmSync(sb.dir, { recursive: true, force: true });
  }
}

export function payload(sb: Sandbox, toolName: string, toolInput: Record<string, unknown>, mode = "bypassPermissions"): string {
  return JSON.stringify({
    session_id: "serve-test",
    transcript_path: "/dev/null",
    cwd: sb.ws,
    permission_mode: mode,
    hook_event_name: "PreToolUse",
    tool_name: toolName,
    tool_input: toolInput,
    tool_use_id: "toolu_serve",
  });
}

export interface HookRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number | null;
}

/** The installed hook as an agent runs it. */
export function runHook(sb: Sandbox, input: string, extraEnv: Record<string, string> = {}, agent = "claude-code"): HookRun {
  const r = spawnSync(process.execPath, [LAUNCHER, agent], { input, env: { ...sb.env, ...extraEnv }, cwd: sb.ws, encoding: "utf8", timeout: 60_000 });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}

export function cli(sb: Sandbox, args: readonly string[], extraEnv: Record<string, string> = {}): HookRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...sb.env, ...extraEnv }, cwd: sb.ws, encoding: "utf8", timeout: 60_000 });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}

const logs = new WeakMap<ChildProcess, () => string>();

/** What a service started by startService has written to its log so far. */
export function serviceLog(child: ChildProcess): string {
  return logs.get(child)?.() ?? "";
}

/** `infragate serve` in the foreground, as a child this test owns; resolves once it answers. */
export async function startService(sb: Sandbox, args: readonly string[] = []): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, "serve", ...args], { env: sb.env, cwd: sb.ws, stdio: ["ignore", "ignore", "pipe"] });
  sb.children.push(child);
  let log = "";
  child.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  logs.set(child, () => log);
  const until = Date.now() + 20_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`serve exited ${child.exitCode}: ${log}`);
    if (cli(sb, ["serve", "--status"]).code === 0) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`serve did not answer: ${log}`);
}

export function exited(child: ChildProcess, withinMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(false), withinMs);
    child.once("exit", () => {
      clearTimeout(t);
      resolve(true);
    });
  });
}

export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const addr = s.address();
  await new Promise((r) => s.close(r));
  if (addr === null || typeof addr === "string") throw new Error("no port");
  return addr.port;
}
