/** infragate's command line. Verbs load lazily: the hook path pays only for what it uses. */
import type { CliIo, Verb } from "./io.js";

const VERBS: Readonly<Record<string, () => Promise<Verb>>> = {
  check: async () => (await import("./check.js")).runCheck,
  explain: async () => (await import("./explain.js")).runExplain,
  hook: async () => (await import("./hook.js")).runHook,
  install: async () => (await import("./install.js")).runInstall,
  uninstall: async () => (await import("./install.js")).runUninstall,
  policy: async () => (await import("./policy.js")).runPolicy,
  audit: async () => (await import("./audit.js")).runAudit,
  state: async () => (await import("./state.js")).runState,
  doctor: async () => (await import("./doctor.js")).runDoctor,
  serve: async () => (await import("./serve.js")).runServe,
};

export const USAGE = `infragate: a deterministic gate in front of AI coding agents' infrastructure actions

usage: infragate <verb> [options]

verbs:
  check -- <command>        decide one shell command (exit 0 allow, 3 ask, 1 deny, 2 bad input)
  check --jsonl             decide one request per stdin line, one answer per line
  explain -- <command>      show the facts, the Cedar requests and the policies that decide
  hook <agent>              the hook entry point (an agent, or git; 'infragate hook --help' lists them)
  install <agent>           install the hook ('infragate install --help' lists the agents)
  uninstall <agent>         remove it again
  policy validate|test      validate policies against the schema; run policy case tables
  audit verify|head|show    the tamper-evident audit log
  state accept|show [DIR]   re-baseline state fingerprints (a human's verb: agents are denied it)
  doctor                    check installs, policies, the audit log and the environment
  serve [--detach|--stop|--status]  the warm decision service the hooks use when it runs

Run 'infragate <verb> --help' for a verb's options. Docs: docs/cli.md`;

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = argv;
  if (!verb || verb === "--help" || verb === "-h" || verb === "help") {
    io.stdout(`${USAGE}\n`);
    return verb ? 0 : 2;
  }
  if (verb === "--version") {
    io.stdout("infragate 0.1.0\n");
    return 0;
  }
  const load = VERBS[verb];
  if (!load) {
    io.stderr(`infragate: unknown verb '${verb}'\n\n${USAGE}\n`);
    return 2;
  }
  return (await load())(rest, io);
}

