/** `infragate policy test`: run policy case tables, for CI (like `opa test` / `conftest verify`). */
import path from "node:path";
import { findWorkspaceRoot } from "../config/load.js";
import { getPackageRoot } from "../policy/pack.js";
import { formatReport } from "../policy-test/format.js";
import { runTable, summarize, type TableResult } from "../policy-test/run.js";
import { findTables, readTable, TABLE_PATTERN, USER_TABLE_PATTERN } from "../policy-test/table.js";
import { userPolicyDir } from "../runtime/policies.js";
import { parseArgs } from "../util/args.js";
import { useColor } from "./format.js";
import { EXIT, type CliIo } from "./io.js";

export const POLICY_TEST_HELP = `usage: infragate policy test [--dir DIR] [--json] [FILES...]
       infragate policy test --pack [--json]

Run policy case tables against the default pack plus DIR/.infragate/policies/*.cedar and
DIR/.infragate/config.json. Without FILES the tables are DIR/.infragate/policies/*.test.yaml|yml|json.
--pack runs the pack's own tables (policies/tables/ in the infragate package) against the pack alone.

Each case runs in a fresh temporary workspace holding a copy of DIR/.infragate/, with its own HOME and
$INFRAGATE_HOME, so files and state created by a case never touch your tree. Only PATH is inherited from
your environment; give a case its environment with env:.

A table is a list of cases, or {config: {...}, cases: [...]} where config replaces .infragate/config.json:
  - name: destroy in prod is denied          # optional label
    tool: Bash                               # Bash (the default when command is given), Write, Edit or Read
    command: terraform destroy               # Bash; Write/Edit/Read take file_path (~/ is the case's home)
    cwd: infra/prod                          # optional, relative to the workspace
    expect: deny                             # allow | ask | deny
    policies: [prod.no-destroy]              # optional: must be among the deciding policies
    agent: claude-code                       # optional (default claude-code)
    mode: bypassPermissions                  # optional agent permission mode (default: default)
    env: {TF_CLI_ARGS: -auto-approve}        # optional environment
    files: {infra/prod/main.tf: ""}          # optional files to create first
  - tool: mcp__github__create_issue          # an MCP tool call: mcp__<server>__<tool>
    input: {title: hello}                    # its arguments
    expect: allow

Cedar errors fail a case. Exit 0 when every case passes, 1 when one fails or a table is broken or
none is found, 2 on bad usage. Policy evaluation only: nothing is written to the audit log.

options:
  --dir DIR   the workspace (default: the one around the current directory)
  --pack      run the pack's own tables
  --json      one JSON report: {passed, failed, problems, tables:[{file, problems, results:[...]}]}`;

export async function runPolicyTest(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, { flags: ["json", "help", "h", "pack"], values: ["dir"] });
  if (parsed.flags.has("help") || parsed.flags.has("h")) {
    io.stdout(`${POLICY_TEST_HELP}\n`);
    return EXIT.allow;
  }
  if (parsed.unknown.length > 0) {
    io.stderr(`infragate policy test: unknown option ${parsed.unknown.join(" ")}\n\n${POLICY_TEST_HELP}\n`);
    return EXIT.usage;
  }
  const pack = parsed.flags.has("pack");
  if (pack && (parsed.positionals.length > 0 || parsed.values.has("dir"))) {
    io.stderr("infragate policy test: --pack takes no FILES and no --dir\n");
    return EXIT.usage;
  }
  const base = io.cwd;
  const workspace = pack ? undefined : findWorkspaceRoot(path.resolve(base, parsed.values.get("dir") ?? "."));
  const files = pack
    ? findTables(path.join(getPackageRoot(), "policies", "tables"), TABLE_PATTERN)
    : parsed.positionals.length > 0
      ? [...parsed.positionals, ...(parsed.rest ?? [])].map((f) => path.resolve(base, f))
      : findTables(userPolicyDir(workspace as string), USER_TABLE_PATTERN);
  if (files.length === 0) {
    const where = pack ? "policies/tables/" : path.join(path.relative(base, userPolicyDir(workspace as string)) || ".", "*.test.yaml|json");
    io.stderr(`infragate policy test: no case tables found (${where})\n`);
    return EXIT.deny;
  }
  const tables: TableResult[] = [];
  for (const f of files) tables.push(await runTable(readTable(f), { workspace, path: io.env.PATH }));
  const summary = summarize(tables);
  if (parsed.flags.has("json")) {
    io.stdout(`${JSON.stringify({ ...summary, tables })}\n`);
  } else {
    io.stdout(formatReport(tables, summary, { color: useColor(io.env), base }));
  }
  return summary.failed === 0 && summary.problems === 0 ? EXIT.allow : EXIT.deny;
}
