/** `infragate explain`: what infragate sees in a command and why it decides as it does. Facts, the exact
 *  Cedar requests, every policy that matched, the decision. decide(), not gate(): nothing is audited. */
import { quote } from "shell-quote";
import type { GateAction } from "../decide/action.js";
import { loadRuntime } from "../runtime/context.js";
import { parseArgs } from "../util/args.js";
import { CheckRequest, requestToAction } from "../decide/check-request.js";
import { formatExplain } from "./explain-format.js";
import { explainAction } from "./explanation.js";
import { EXIT, exitFor, type CliIo } from "./io.js";

export const EXPLAIN_HELP = `usage: infragate explain [options] -- <command words>
       infragate explain [options] --tool Write|Edit|Read --file-path PATH

Show how infragate decides one action: every simple command found in the line (program, argv, the
environment that matters such as TF_CLI_ARGS, cwd, wrappers removed, nesting depth, stdin), the file
effects, each Cedar request built (principal, action, resource with its attributes, context), every policy
that matched with its reason, and the final decision. Secret-looking environment values are not shown.

explain evaluates with the same policies, config and state as the hook, but writes no audit entry.
Exit codes as for check: 0 allow, 3 ask, 1 deny, 2 bad usage.

options:
  --json             the whole explanation as one JSON object (for tools)
  --cwd DIR          working directory of the command (default: the current one)
  --agent NAME       agent name for policies (default: cli)
  --mode MODE        agent permission mode (default: default)
  --tool T           Write, Edit or Read instead of a shell command (with --file-path)
  --file-path PATH   the file for --tool

A single word after -- is taken as a whole command line ('echo yes | terraform destroy').`;

export async function runExplain(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, { flags: ["json", "help", "h"], values: ["cwd", "agent", "mode", "tool", "file-path"] });
  if (parsed.flags.has("help") || parsed.flags.has("h")) {
    io.stdout(`${EXPLAIN_HELP}\n`);
    return EXIT.allow;
  }
  if (parsed.missing.length > 0) {
    io.stderr(`infragate explain: ${parsed.missing.join(", ")} needs a value\nRun 'infragate explain --help' for the options.\n`);
    return EXIT.usage;
  }
  if (parsed.unknown.length > 0 || parsed.positionals.length > 0) {
    io.stderr(`infragate explain: unexpected ${[...parsed.unknown, ...parsed.positionals].join(" ")} (put the command after --)\nRun 'infragate explain --help' for the options.\n`);
    return EXIT.usage;
  }
  const cwd = parsed.values.get("cwd") ?? io.cwd;
  let action: GateAction;
  const tool = parsed.values.get("tool");
  if (tool !== undefined) {
    const req = CheckRequest.safeParse({ tool, file_path: parsed.values.get("file-path"), cwd });
    if (!req.success || req.data.tool === "Bash") {
      io.stderr("infragate explain: --tool must be Write, Edit or Read, with --file-path\n");
      return EXIT.usage;
    }
    action = requestToAction(req.data, io.cwd);
  } else {
    const words = parsed.rest ?? [];
    if (words.length === 0) {
      io.stderr(`infragate explain: no command given\n\n${EXPLAIN_HELP}\n`);
      return EXIT.usage;
    }
    action = { kind: "shell", command: words.length === 1 ? (words[0] as string) : quote([...words]), cwd: requestToAction({ tool: "Bash", command: "", cwd }, io.cwd).cwd, tool: "Bash" };
  }
  const agent = { name: parsed.values.get("agent") ?? "cli", mode: parsed.values.get("mode") ?? "default", session: io.env.INFRAGATE_SESSION ?? "explain" };
  const ctx = loadRuntime({ cwd: action.cwd, env: io.env, agent });
  const explanation = await explainAction(action, ctx);
  io.stdout(parsed.flags.has("json") ? `${JSON.stringify(explanation)}\n` : formatExplain(explanation, io.env));
  return exitFor(explanation.decision);
}
