/** `infragate serve`: one warm decision service per user. It answers command-hook clients on a Unix socket in a
 *  directory only the user can enter, and Claude Code's HTTP hooks on 127.0.0.1 (with a per-user secret). The
 *  decision is the same function the in-process hook runs (src/cli/hook.ts), with the rules kept warm
 *  (src/serve/warm-runtime.ts) and the same store for session memory, baselines and audit. It refuses clients of
 *  another build, restarts itself when its own build changes, and exits when idle or when its socket is taken. */
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import { runHookWith } from "../hook/run.js";
import type { CliIo } from "../util/process-io.js";
import { getAgent } from "../agents/index.js";
import { keepCedarWarm } from "../policy/cedar.js";
import { auditCommits, setGroupCommit } from "../audit/append.js";
import { buildWatcher, readBuildId } from "./build-id.js";
import { HTTP_TOKEN_HEADER, tokenMatches, type HttpConfig } from "./http-config.js";
import { ensurePrivateDir, servePaths, type ServePaths } from "./paths.js";
import { MAX_REQUEST_BYTES, ServeRequestSchema, type HookAnswer, type ServeResponse, type ServeStatus } from "./protocol.js";
import { createWarmRuntime } from "./warm-runtime.js";
import { warmUp } from "./warm-up.js";

/** How long, at most, an audit group waits for the appends of decisions in flight (and, under load, for the
 *  next requests): measured with bench/serve.mjs, groups of ~8 instead of ~2 at 32 concurrent clients, for
 *  ~1.5x the decisions per second; a lone request never waits. */
const GROUP_COMMIT_DELAY_MS = 5;

/** The stop reason when the build under the service changed: the caller starts the new build's service. */
export const BUILD_CHANGED = "infragate changed under the service";

export interface ServerOptions {
  readonly home: string;
  readonly packageRoot: string;
  /** The service's own environment: the one HTTP hook decisions use (Claude Code's, when its SessionStart
   *  hook started the service). Socket clients send their own. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly http?: HttpConfig | undefined;
  /** Exit after this long without a request. */
  readonly idleMs: number;
  readonly log: (line: string) => void;
}

export interface RunningServer {
  readonly paths: ServePaths;
  readonly status: () => ServeStatus;
  /** Resolves with the reason the service stopped. */
  readonly stopped: Promise<string>;
  readonly stop: (reason: string) => Promise<void>;
}

function cleanEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (typeof v === "string") out[k] = v;
  return out;
}

function inodeOf(file: string): number | undefined {
  try {
    return fs.statSync(file).ino;
  } catch {
    return undefined;
  }
}

/** Is a live service answering on this socket? (A stale socket file refuses the connection.) */
export function socketAlive(socket: string, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const c = net.connect(socket);
    const done = (alive: boolean): void => {
      c.destroy();
      resolve(alive);
    };
    c.setTimeout(timeoutMs, () => done(false));
    c.once("connect", () => done(true));
    c.once("error", () => done(false));
  });
}

function listen(server: net.Server | http.Server, target: string | { port: number; host: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    const ok = (): void => {
      server.off("error", reject);
      resolve();
    };
    if (typeof target === "string") server.listen(target, ok);
    else server.listen(target.port, target.host, ok);
  });
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const paths = servePaths(opts.home);
  ensurePrivateDir(paths.dir);
  const build = readBuildId(opts.packageRoot);
  if (build === "") throw new Error("infragate is not built (dist/build-id.txt is missing): run 'npm run build'");
  keepCedarWarm();
  const warm = createWarmRuntime();
  const startedAt = new Date().toISOString();
  let decisions = 0;
  let inFlight = 0;
  // Decisions in flight each end in one audit append: under load, commit them together (src/audit/append.ts).
  setGroupCommit({ expected: () => inFlight, maxDelayMs: GROUP_COMMIT_DELAY_MS });
  let lastActivity = Date.now();
  let stopping = false;
  let resolveStopped: (reason: string) => void = () => {};
  const stopped = new Promise<string>((r) => (resolveStopped = r));

  /** `arrivedAt`: performance.now() when the request came in (see createWarmRuntime: a check of the rules begun
   *  after it stands for this request's). */
  const decideHook = async (args: readonly string[], payload: string, env: Record<string, string>, cwd: string, arrivedAt: number): Promise<HookAnswer> => {
    let stdout = "";
    let stderr = "";
    const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: async () => payload, env, cwd };
    inFlight++;
    try {
      const exitCode = await runHookWith(args, io, { loadRuntime: (o) => warm.load(o, arrivedAt) });
      decisions++;
      return { stdout, stderr, exitCode };
    } finally {
      inFlight--;
      lastActivity = Date.now();
    }
  };

  /** The build under the service changed (rebuilt, upgraded): answer nothing more from this code. */
  const buildChanged = buildWatcher(opts.packageRoot, build);

  const status = (): ServeStatus => ({ pid: process.pid, build, startedAt, decisions, auditCommits: auditCommits(), httpPort: opts.http?.port ?? null, root: opts.packageRoot });

  const answerSocket = async (line: string, arrivedAt: number): Promise<ServeResponse> => {
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      return { ok: false, build, error: "request is not JSON" };
    }
    const parsed = ServeRequestSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, build, error: `bad request: ${parsed.error.issues[0]?.message ?? "invalid"}` };
    const req = parsed.data;
    if (req.build !== build) return { ok: false, build, error: `build mismatch (client ${req.build || "unbuilt"}, service ${build})` };
    if (req.kind === "ping") return { ok: true, build, status: status() };
    if (req.kind === "stop") {
      setImmediate(() => void stop("stopped by request"));
      return { ok: true, build, status: status() };
    }
    if (buildChanged(arrivedAt)) {
      setImmediate(() => void stop(BUILD_CHANGED));
      return { ok: false, build, error: "infragate changed; the service restarts" };
    }
    return { ok: true, build, ...(await decideHook(req.args, req.payload, req.env, req.cwd, arrivedAt)) };
  };

  const socketServer = net.createServer((conn) => {
    let buf = "";
    conn.setEncoding("utf8");
    conn.on("error", () => conn.destroy());
    conn.on("data", (chunk: string) => {
      buf += chunk;
      if (buf.length > MAX_REQUEST_BYTES) {
        conn.end(`${JSON.stringify({ ok: false, build, error: "request too large" })}\n`);
        return;
      }
      const nl = buf.indexOf("\n");
      if (nl < 0) return;
      const line = buf.slice(0, nl);
      buf = "";
      conn.removeAllListeners("data");
      answerSocket(line, performance.now()).then(
        (res) => conn.end(`${JSON.stringify(res)}\n`),
        (err: unknown) => conn.end(`${JSON.stringify({ ok: false, build, error: err instanceof Error ? err.message : String(err) })}\n`),
      );
    });
  });

  const httpServer = opts.http ? createHttpListener(opts.http, () => build, buildChanged, decideHook, cleanEnv(opts.env), (r) => void stop(r)) : undefined;

  // Take the socket: a live service keeps it (we exit); a stale file from a dead one is removed.
  try {
    await listen(socketServer, paths.socket);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EADDRINUSE") throw err;
    if (await socketAlive(paths.socket)) throw new Error(`another infragate service is already answering on ${paths.socket}`);
    fs.rmSync(paths.socket, { force: true });
    await listen(socketServer, paths.socket);
  }
  fs.chmodSync(paths.socket, 0o600);
  const socketInode = inodeOf(paths.socket);
  if (httpServer && opts.http) {
    try {
      await listen(httpServer, { port: opts.http.port, host: "127.0.0.1" });
    } catch (err) {
      socketServer.close();
      fs.rmSync(paths.socket, { force: true });
      throw new Error(`cannot listen on 127.0.0.1:${opts.http.port} (${err instanceof Error ? err.message : String(err)}); the HTTP hooks will block until it can`);
    }
  }
  fs.writeFileSync(paths.pidFile, `${JSON.stringify({ pid: process.pid, build, httpPort: opts.http?.port ?? null })}\n`, { mode: 0o600 });
  opts.log(`listening: socket ${paths.socket}${opts.http ? `, http 127.0.0.1:${opts.http.port}` : ""}, build ${build}`);
  const warmStarted = Date.now();
  void warmUp(paths.dir, cleanEnv(opts.env), warm.load).then(
    (n) => opts.log(`warmed up: ${n} decisions in a scratch workspace, ${Date.now() - warmStarted} ms`),
    (err: unknown) => opts.log(`warm-up failed (the first call pays for it): ${err instanceof Error ? err.message : String(err)}`),
  );

  // Housekeeping: idle exit, a socket that was removed or taken over (another service, a deleted home).
  const tick = setInterval(() => {
    if (inodeOf(paths.socket) !== socketInode) void stop("socket removed or taken over");
    else if (inFlight === 0 && Date.now() - lastActivity > opts.idleMs) void stop(`idle for ${Math.round(opts.idleMs / 1000)} s`);
    else if (inFlight === 0 && buildChanged()) void stop(BUILD_CHANGED);
  }, Math.min(2000, Math.max(50, Math.floor(opts.idleMs / 4))));
  tick.unref();

  async function stop(reason: string): Promise<void> {
    if (stopping) return;
    stopping = true;
    clearInterval(tick);
    opts.log(`stopping: ${reason}`);
    const closing = [new Promise<void>((r) => socketServer.close(() => r()))];
    if (httpServer) {
      closing.push(new Promise<void>((r) => httpServer.close(() => r())));
      httpServer.closeIdleConnections();
    }
    if (inodeOf(paths.socket) === socketInode) fs.rmSync(paths.socket, { force: true });
    try {
      const pid: unknown = JSON.parse(fs.readFileSync(paths.pidFile, "utf8"));
      if (pid && typeof pid === "object" && "pid" in pid && pid.pid === process.pid) fs.rmSync(paths.pidFile, { force: true });
    } catch {
      // no pid file, or another service's: leave it
    }
    await Promise.race([Promise.all(closing), new Promise((r) => setTimeout(r, 2000).unref())]);
    resolveStopped(reason);
  }

  return { paths, status, stopped, stop };
}

/** Claude Code's HTTP hooks: POST /infragate/hook/<agent> with the hook payload; the answer is the hook's JSON. Every
 *  failure is a non-2xx status, which Claude Code turns into a block (the installed handler has
 *  `"onFailure": "block"`). */
function createHttpListener(
  config: HttpConfig,
  buildOf: () => string,
  buildChanged: (arrivedAt: number) => boolean,
  decideHook: (args: readonly string[], payload: string, env: Record<string, string>, cwd: string, arrivedAt: number) => Promise<HookAnswer>,
  env: Record<string, string>,
  stop: (reason: string) => void,
): http.Server {
  const server = http.createServer((req, res) => {
    const fail = (code: number, text: string): void => {
      res.writeHead(code, { "content-type": "text/plain" }).end(`infragate: ${text}\n`);
    };
    const m = /^\/infragate\/hook\/([a-z-]+)$/.exec(req.url ?? "");
    if (req.method !== "POST" || !m || m[1] === undefined) return fail(404, "POST /infragate/hook/<agent>");
    const header = req.headers[HTTP_TOKEN_HEADER];
    if (!tokenMatches(config.token, Array.isArray(header) ? header[0] : header)) return fail(403, "missing or wrong token");
    const arrivedAt = performance.now();
    if (buildChanged(arrivedAt)) {
      stop(BUILD_CHANGED);
      return fail(503, "infragate changed; the service restarts (this call is blocked: retry)");
    }
    const agent = m[1];
    // Only agents with HTTP hooks (their installer has an http variant): another agent's answer shape would
    // not be read as a deny by an HTTP hook.
    if (getAgent(agent)?.installer.http === undefined) return fail(404, `no HTTP hooks for ${agent}`);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_REQUEST_BYTES) {
        fail(413, "payload too large");
        req.destroy();
      } else chunks.push(c);
    });
    req.on("end", () => {
      if (res.headersSent) return;
      const payload = Buffer.concat(chunks).toString("utf8");
      decideHook([agent], payload, env, env.PWD ?? process.cwd(), arrivedAt).then(
        (answer) => {
          const body = httpBody(answer);
          if (body === undefined) return fail(500, answer.stderr.trim() || `hook exited ${answer.exitCode} without an answer`);
          res.writeHead(200, { "content-type": "application/json", "x-infragate-build": buildOf() }).end(body);
        },
        (err: unknown) => fail(500, err instanceof Error ? err.message : String(err)),
      );
    });
  });
  server.keepAliveTimeout = 60_000;
  return server;
}

/** The HTTP body for a hook answer: its JSON, `{}` for a silent allow; undefined when a non-zero exit came
 *  without JSON (a failure: answered with an error status, which blocks). */
export function httpBody(answer: HookAnswer): string | undefined {
  const text = answer.stdout.trim();
  if (text.startsWith("{")) return text;
  if (answer.exitCode === 0 && text === "") return "{}";
  return undefined;
}
