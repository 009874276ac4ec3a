/** `infragate serve`: run the warm decision service (docs/performance.md, docs/agents.md). */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { getInfragateHome } from "../config/home.js";
import { getPackageRoot } from "../policy/pack.js";
import { readBuildId } from "../serve/build-id.js";
import { sendRequest } from "../serve/client.js";
import type { ServeStatus } from "../serve/protocol.js";
import { readHttpConfig } from "../serve/http-config.js";
import { ensurePrivateDir, servePaths } from "../serve/paths.js";
import { parseArgs } from "../util/args.js";
import type { CliIo, Verb } from "./io.js";

export const SERVE_HELP = `usage: infragate serve [--detach [--quiet] | --stop | --status] [--idle-minutes N]

Runs the warm decision service for this user: it keeps the policy pack, Cedar and the parsed config loaded
and answers the installed hooks over a Unix socket in $INFRAGATE_HOME/serve/ (only the user can enter it),
and Claude Code's HTTP hooks on 127.0.0.1 when 'infragate install claude-code --http' set them up. A hook
that cannot reach it decides in its own process; nothing that fails ever allows.

  (no option)        run in the foreground until stopped or idle
  --detach           start it in the background unless it already runs; exit 0 once it answers
  --quiet            with --detach: print nothing on success (for the SessionStart hook)
  --stop             stop the running service
  --status           report the running service (exit 0), or that none runs (exit 1)
  --idle-minutes N   exit after N minutes without a request (default 60)`;

const DEFAULT_IDLE_MINUTES = 60;

async function ping(home: string, build: string): Promise<ServeStatus | string> {
  try {
    const res = await sendRequest(servePaths(home).socket, { kind: "ping", build }, 1000);
    if (res.ok && "status" in res) return res.status;
    return res.ok ? "unexpected answer" : res.error;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** Start `serve` in the background, its output appended to the service log. */
function spawnService(io: CliIo, home: string, idleMinutes: number, root: string): ReturnType<typeof spawn> {
  const paths = servePaths(home);
  ensurePrivateDir(paths.dir);
  const log = fs.openSync(paths.log, "a", 0o600);
  const child = spawn(process.execPath, [path.join(root, "bin", "infragate.cjs"), "serve", "--idle-minutes", String(idleMinutes)], {
    detached: true,
    stdio: ["ignore", log, log],
    env: { ...io.env, INFRAGATE_HOME: home },
    cwd: io.cwd,
  });
  child.unref();
  fs.closeSync(log);
  return child;
}

async function detach(io: CliIo, home: string, build: string, idleMinutes: number, root: string): Promise<number> {
  const running = await ping(home, build);
  if (typeof running !== "string") {
    io.stdout(`infragate serve: running (pid ${running.pid})\n`);
    return 0;
  }
  const paths = servePaths(home);
  const child = spawnService(io, home, idleMinutes, root);
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    const now = await ping(home, build);
    if (typeof now !== "string") {
      io.stdout(`infragate serve: started (pid ${now.pid}${now.httpPort ? `, http 127.0.0.1:${now.httpPort}` : ""})\n`);
      return 0;
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  io.stderr(`infragate serve: the service did not start; see ${paths.log}\n`);
  return 1;
}

async function foreground(io: CliIo, home: string, idleMinutes: number, root: string): Promise<number> {
  const { BUILD_CHANGED, startServer } = await import("../serve/server.js");
  const log = (line: string): void => io.stderr(`${new Date().toISOString()} infragate serve: ${line}\n`);
  let server;
  try {
    server = await startServer({ home, packageRoot: root, env: io.env, http: readHttpConfig(home), idleMs: idleMinutes * 60_000, log });
  } catch (err) {
    io.stderr(`infragate serve: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  const running = server;
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(sig, () => void running.stop(`signal ${sig}`));
  const reason = await running.stopped;
  log(`stopped: ${reason}`);
  if (reason === BUILD_CHANGED) {
    // Rebuilt or upgraded under us: hand over to the new build's service, so HTTP hooks keep an answer.
    log("starting the new build's service");
    spawnService(io, home, idleMinutes, root);
  }
  return 0;
}

/** Stop it by request; a service of another build refuses requests, so it gets SIGTERM from its pid file. */
async function stopService(io: CliIo, home: string, build: string): Promise<number> {
  const paths = servePaths(home);
  try {
    const res = await sendRequest(paths.socket, { kind: "stop", build }, 2000);
    if (res.ok) {
      io.stdout("infragate serve: stopped\n");
      return 0;
    }
  } catch (err) {
    io.stdout(`infragate serve: not running (${err instanceof Error ? err.message : String(err)})\n`);
    return 0;
  }
  try {
    const data: unknown = JSON.parse(fs.readFileSync(paths.pidFile, "utf8"));
    const pid = data && typeof data === "object" && "pid" in data && typeof data.pid === "number" ? data.pid : undefined;
    if (pid === undefined) throw new Error(`no pid in ${paths.pidFile}`);
    process.kill(pid, "SIGTERM");
    io.stdout(`infragate serve: stopped the service of another build (pid ${pid})\n`);
    return 0;
  } catch (err) {
    io.stderr(`infragate serve: a service of another build runs and could not be stopped (${err instanceof Error ? err.message : String(err)})\n`);
    return 1;
  }
}

export const runServe: Verb = async (args, io) => {
  const p = parseArgs(args, { flags: ["detach", "stop", "status", "quiet", "help", "h"], values: ["idle-minutes"] });
  if (p.flags.has("help") || p.flags.has("h")) {
    io.stdout(`${SERVE_HELP}\n`);
    return 0;
  }
  const idle = Number(p.values.get("idle-minutes") ?? DEFAULT_IDLE_MINUTES);
  if (p.unknown.length > 0 || p.positionals.length > 0 || !(idle > 0)) {
    io.stderr(`infragate serve: unexpected ${[...p.unknown, ...p.positionals].join(" ") || `--idle-minutes ${String(p.values.get("idle-minutes"))}`}\n${SERVE_HELP}\n`);
    return 2;
  }
  const home = getInfragateHome(io.env);
  const root = getPackageRoot();
  const build = readBuildId(root);
  if (p.flags.has("status")) {
    const s = await ping(home, build);
    if (typeof s === "string") {
      io.stdout(`infragate serve: not running (${s})\n`);
      return 1;
    }
    io.stdout(`infragate serve: running (pid ${s.pid}, ${s.decisions} decisions in ${s.auditCommits} audit commits${s.httpPort ? `, http 127.0.0.1:${s.httpPort}` : ""})\n`);
    return 0;
  }
  if (p.flags.has("stop")) {
    return stopService(io, home, build);
  }
  if (p.flags.has("detach")) {
    // --quiet: a SessionStart hook's output would go into the agent's context; say nothing on success.
    const quiet: CliIo = p.flags.has("quiet") ? { ...io, stdout: () => {} } : io;
    return detach(quiet, home, build, idle, root);
  }
  return foreground(io, home, idle, root);
};
