/** `infragate policy validate|test`: the pack plus the user's policies against the schema; case tables. */
import { findWorkspaceRoot, loadConfig } from "../config/load.js";
import type { PolicyProblem } from "../policy/compile.js";
import { compilePackFromSource, getPackageRoot } from "../policy/pack.js";
import { validatePolicies } from "../policy/validate.js";
import { loadUserPolicies, selectPolicies } from "../runtime/policies.js";
import { parseArgs } from "../util/args.js";
import { EXIT, type CliIo } from "./io.js";

export const POLICY_HELP = `usage: infragate policy validate [--dir DIR] [--json]
       infragate policy test [--dir DIR] [--json] [FILES...]

validate  compile the default pack and DIR/.infragate/policies/*.cedar, validate them strictly against
          the Cedar schema, and report every problem with file, line and the validator's hint.
          Exit 0 when valid, 1 when not, 2 on bad usage.
test      run policy case tables (YAML or JSON) against the pack plus your policies; see docs/policies.md.`;

function formatProblem(p: PolicyProblem): string {
  return `${p.file}:${p.line}: ${p.message}${p.help ? `\n  hint: ${p.help}` : ""}`;
}

async function runValidate(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, { flags: ["json", "help"], values: ["dir"] });
  if (parsed.flags.has("help")) {
    io.stdout(`${POLICY_HELP}\n`);
    return EXIT.allow;
  }
  if (parsed.unknown.length > 0 || parsed.positionals.length > 0) {
    io.stderr(`infragate policy validate: unexpected ${[...parsed.unknown, ...parsed.positionals].join(" ")}\n`);
    return EXIT.usage;
  }
  const root = findWorkspaceRoot(parsed.values.get("dir") ?? io.cwd);
  const problems: PolicyProblem[] = [];
  const { pack, problems: packProblems } = compilePackFromSource(getPackageRoot());
  problems.push(...packProblems);
  const user = loadUserPolicies(root);
  problems.push(...user.problems);
  const { config, problems: configProblems } = loadConfig(root);
  problems.push(...configProblems.map((message) => ({ file: ".infragate/config.json", line: 1, message })));
  const selected = selectPolicies(pack, user.policies, config);
  problems.push(...selected.problems.map((message) => ({ file: ".infragate/policies", line: 1, message })));
  if (pack.schema) problems.push(...validatePolicies(pack.schema, selected.policies));
  const count = Object.keys(selected.policies.texts).length;
  if (parsed.flags.has("json")) {
    io.stdout(`${JSON.stringify({ valid: problems.length === 0, policies: count, problems })}\n`);
  } else if (problems.length === 0) {
    io.stdout(`ok: ${count} policies valid against the schema (${root})\n`);
  } else {
    io.stdout(`${problems.map(formatProblem).join("\n")}\n${problems.length} problem(s)\n`);
  }
  return problems.length === 0 ? EXIT.allow : EXIT.deny;
}

export async function runPolicy(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "validate") return runValidate(rest, io);
  if (sub === "test") {
    const { runPolicyTest } = await import("./policy-test.js");
    return runPolicyTest(rest, io);
  }
  if (sub === "--help" || sub === "-h" || sub === "help") {
    io.stdout(`${POLICY_HELP}\n`);
    return EXIT.allow;
  }
  io.stderr(`infragate policy: expected validate or test\n\n${POLICY_HELP}\n`);
  return EXIT.usage;
}
