/**
 * The hook run: an agent's payload in, the agent's answer out. Whatever happens (bad JSON, an unknown shape, a
 * crash, an import that fails, a slow decision) the answer is a block in the agent's strongest form, never an
 * exit code the agent treats as "go ahead". Everything is loaded lazily, inside the guard, so even a broken
 * install answers deny. Used by `infragate hook` (src/cli/hook.ts) and the decision service (src/serve).
 */
import { AGENT_NAMES, getAgent } from "../agents/index.js";
import { DEFAULT_DEADLINE_MS } from "../agents/timeouts.js";
import type { Ran } from "../agents/types.js";
import type { DecideContext } from "../decide/index.js";
import type { RuntimeOptions } from "../runtime/context.js";
import type { CliIo } from "../util/process-io.js";

export { DEFAULT_DEADLINE_MS };

export interface Answer {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/**
 * The block for when no adapter answers: the agent's own fail answer; git's failing exit; for a name this
 * version does not know (an install from another version), exit 2, which blocks in every supported agent.
 */
function fallbackDeny(agent: string, reason: string): Answer {
  const adapter = getAgent(agent)?.adapter;
  if (adapter) return adapter.fail(reason);
  return { stdout: "", stderr: `${reason}\n`, exitCode: agent === "git" ? 1 : 2 };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

interface HookOptions {
  readonly deadlineMs?: number;
  /** Called when the deadline answered while the decision is still running (the verb ends the process). */
  readonly onLate?: (code: number) => void;
  /** How to load the rules (the decision service passes its warm cache); default: load them afresh. */
  readonly loadRuntime?: (opts: RuntimeOptions) => DecideContext;
}

/** Tests only: INFRAGATE_TEST_FAULT=throw|hang makes the decision fail. Both end in a block, so it cannot bypass. */
async function injectedFault(env: CliIo["env"]): Promise<void> {
  const fault = env.INFRAGATE_TEST_FAULT;
  if (fault === "throw") throw new Error("injected fault (INFRAGATE_TEST_FAULT=throw)");
  if (fault === "hang") await new Promise<never>(() => {});
}

async function decideAgent(agent: string, io: CliIo, load: HookOptions["loadRuntime"]): Promise<Answer> {
  const adapter = getAgent(agent)?.adapter;
  if (!adapter) {
    return fallbackDeny(agent, `infragate hook: unknown agent '${agent}' (expected one of ${AGENT_NAMES.join(", ")}); blocking to be safe`);
  }
  try {
    const raw = await io.readStdin();
    let payload: unknown;
    try {
      payload = JSON.parse(raw);
    } catch (err) {
      return adapter.fail(`infragate could not read the hook payload as JSON (${errorText(err)}; ${raw.length} bytes); blocking to be safe`);
    }
    const reading = adapter.read(payload, { env: io.env, cwd: io.cwd });
    if (reading.kind === "silent") return SILENT;
    if (reading.kind === "reject") return adapter.answer("deny", reading.reason, reading.event, "");
    if (reading.kind === "ran") return await rememberRanActions(reading, io, load);
    await injectedFault(io.env);
    const [{ loadRuntime }, { gate }, { decideAll }] = await Promise.all([
      import("../runtime/context.js"),
      import("../runtime/gate.js"),
      import("../agents/decide.js"),
    ]);
    const ctx = (load ?? loadRuntime)({ cwd: reading.cwd, env: io.env, agent: reading.agent });
    // An agent that reports what ran (post-tool events) has its effects remembered from there.
    const verdict = await decideAll(reading, { ...ctx, remember: adapter.reportsRan ? "announce" : "allowed" }, gate);
    return adapter.answer(verdict.decision, verdict.reason, reading.event, reading.agent.mode);
  } catch (err) {
    return adapter.fail(`infragate hit an internal error and blocks this call to be safe: ${errorText(err)}. Ask the human to run 'infragate doctor'.`);
  }
}

const SILENT: Answer = { stdout: "", stderr: "", exitCode: 0 };

/** A post-tool event: remember what ran. It cannot block anything, so even an error answers nothing. */
async function rememberRanActions(reading: Ran, io: CliIo, load: HookOptions["loadRuntime"]): Promise<Answer> {
  try {
    const [{ loadRuntime }, { rememberRan }] = await Promise.all([import("../runtime/context.js"), import("../decide/index.js")]);
    const ctx = (load ?? loadRuntime)({ cwd: reading.cwd, env: io.env, agent: reading.agent });
    for (const action of reading.actions) await rememberRan(action, ctx);
    return SILENT;
  } catch (err) {
    return { stdout: "", stderr: `infragate: could not remember what ran (${errorText(err)})\n`, exitCode: 0 };
  }
}

function parseDeadline(args: readonly string[]): number {
  const i = args.indexOf("--deadline-ms");
  const v = i >= 0 ? Number(args[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : DEFAULT_DEADLINE_MS;
}

/** The hook with an injectable deadline; never throws, never resolves to anything but a written answer. */
export async function runHookWith(args: readonly string[], io: CliIo, opts: HookOptions = {}): Promise<number> {
  const agent = args[0] ?? "";
  const deadlineMs = opts.deadlineMs ?? parseDeadline(args);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Answer>((resolve) => {
    timer = setTimeout(
      () => resolve(fallbackDeny(agent, `infragate did not decide within ${deadlineMs} ms and blocks this call rather than let a timeout wave it through. Retry; if it persists, ask the human to run 'infragate doctor'.`)),
      deadlineMs,
    );
  });
  const work = (async (): Promise<Answer> => {
    if (agent === "git") {
      const { runGitCheck } = await import("../git-hook/check.js");
      return runGitCheck(io);
    }
    return decideAgent(agent, io, opts.loadRuntime);
  })().catch((err: unknown) => fallbackDeny(agent, `infragate hit an internal error and blocks this call to be safe: ${errorText(err)}`));
  let finished = false;
  const answer = await Promise.race([work.finally(() => (finished = true)), late]);
  clearTimeout(timer);
  if (!finished) opts.onLate?.(answer.exitCode);
  if (answer.stdout) io.stdout(answer.stdout);
  if (answer.stderr) io.stderr(answer.stderr);
  return answer.exitCode;
}

