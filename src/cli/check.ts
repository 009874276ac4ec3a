/** `infragate check`: decide one command (or one request per line with --jsonl), the way a hook would. */
import path from "node:path";
import readline from "node:readline";
import { Readable } from "node:stream";
import { quote } from "shell-quote";
import { z } from "zod";
import type { GateAction } from "../decide/action.js";
import type { DecideContext } from "../decide/index.js";
import { loadRuntime } from "../runtime/context.js";
import { gate, type GateResult } from "../runtime/gate.js";
import { parseArgs } from "../util/args.js";
import { CheckRequest, requestToAction, type CheckAnswer } from "../decide/check-request.js";
import { EXIT, exitFor, type CliIo } from "./io.js";
import { formatVerdict } from "./format.js";

export const CHECK_HELP = `usage: infragate check [options] -- <command words>
       infragate check [options] --tool Write|Edit|Read --file-path PATH
       infragate check --jsonl < requests.jsonl

Decide one action as an agent's hook would, print the decision and each deciding policy with its reason.
Exit codes: 0 allow, 3 ask, 1 deny, 2 bad usage or input.

options:
  --jsonl              batch: one JSON request per stdin line, one JSON answer per line, in order
  --json               print the verdict as JSON
  --cwd DIR            working directory of the command (default: the current one)
  --agent NAME         agent name for policies (default: cli)
  --mode MODE          agent permission mode (default: default)
  --tool T             Write, Edit or Read instead of a shell command (with --file-path)
  --file-path PATH     the file for --tool

A single word after -- is taken as a whole command line ('echo yes | terraform destroy');
several words are quoted and joined.

jsonl requests: {"tool":"Bash","command":"...","cwd":"/abs","session":"id"}, {"tool":"Write","file_path":"...","content":"..."},
  {"tool":"Edit","file_path":"...","old_string":"...","new_string":"..."}, {"tool":"Read","file_path":"..."}
jsonl answers:  {"decision":"allow"|"ask"|"deny","policies":[...],"reason":"..."}; an invalid line gets
  {"decision":"deny","error":"..."} and the batch goes on. Requests with the same "session" share session
  memory (an earlier line can change a later answer); a request without one is decided on its own.`;

/** Session memory (src/state) links actions of one agent session. A single check has none unless
 *  INFRAGATE_SESSION names one; in a --jsonl batch, requests that carry the same "session" share it and a
 *  request without one is independent. */
function runtimeFor(io: CliIo, cwd: string, agent: string, mode: string): DecideContext {
  return loadRuntime({ cwd, env: io.env, agent: { name: agent, mode, session: io.env.INFRAGATE_SESSION ?? "" } });
}

function answerOf(result: GateResult): CheckAnswer {
  return { decision: result.decision, policies: [...result.policies], reason: result.reason };
}

async function runJsonl(io: CliIo, agent: string, mode: string): Promise<number> {
  const ctx = runtimeFor(io, io.cwd, agent, mode);
  const input = await io.readStdin();
  const rl = readline.createInterface({ input: Readable.from([input]), crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim() === "") continue;
    let answer: CheckAnswer;
    try {
      const parsed = CheckRequest.safeParse(JSON.parse(line));
      if (!parsed.success) {
        answer = { decision: "deny", error: `invalid request: ${z.prettifyError(parsed.error)}` };
      } else {
        const action = requestToAction(parsed.data, io.cwd);
        answer = answerOf(await gate(action, { ...ctx, agent: { ...ctx.agent, session: parsed.data.session ?? "" } }));
      }
    } catch (err) {
      answer = { decision: "deny", error: `invalid request: ${(err as Error).message}` };
    }
    io.stdout(`${JSON.stringify(answer)}\n`);
  }
  return EXIT.allow;
}

export async function runCheck(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, { flags: ["jsonl", "json", "help", "h"], values: ["cwd", "agent", "mode", "tool", "file-path"] });
  if (parsed.flags.has("help") || parsed.flags.has("h")) {
    io.stdout(`${CHECK_HELP}\n`);
    return EXIT.allow;
  }
  if (parsed.missing.length > 0) {
    io.stderr(`infragate check: ${parsed.missing.join(", ")} needs a value\nRun 'infragate check --help' for the options.\n`);
    return EXIT.usage;
  }
  if (parsed.unknown.length > 0 || parsed.positionals.length > 0) {
    io.stderr(`infragate check: unexpected ${[...parsed.unknown, ...parsed.positionals].join(" ")} (put the command after --)\nRun 'infragate check --help' for the options.\n`);
    return EXIT.usage;
  }
  const agent = parsed.values.get("agent") ?? "cli";
  const mode = parsed.values.get("mode") ?? "default";
  if (parsed.flags.has("jsonl")) return runJsonl(io, agent, mode);

  const cwd = path.resolve(io.cwd, parsed.values.get("cwd") ?? ".");
  let action: GateAction;
  const tool = parsed.values.get("tool");
  if (tool !== undefined) {
    const filePath = parsed.values.get("file-path");
    const req = CheckRequest.safeParse({ tool, file_path: filePath, cwd });
    if (!req.success || req.data.tool === "Bash") {
      io.stderr(`infragate check: --tool must be Write, Edit or Read, with --file-path\n`);
      return EXIT.usage;
    }
    action = requestToAction(req.data, io.cwd);
  } else {
    const words = parsed.rest ?? [];
    if (words.length === 0) {
      io.stderr(`infragate check: no command given\n\n${CHECK_HELP}\n`);
      return EXIT.usage;
    }
    const command = words.length === 1 ? (words[0] as string) : quote([...words]);
    action = { kind: "shell", command, cwd, tool: "Bash" };
  }
  const result = await gate(action, runtimeFor(io, cwd, agent, mode));
  io.stdout(parsed.flags.has("json") ? `${JSON.stringify(answerOf(result))}\n` : formatVerdict(result, io.env));
  if (result.auditError) io.stderr(`infragate: warning: audit log not written: ${result.auditError}\n`);
  return exitFor(result.decision);
}
