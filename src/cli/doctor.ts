/** `infragate doctor`: installs, policies, the audit log and the environment, as pass / warn / fail lines. */
import fs from "node:fs";
import path from "node:path";
import { AGENT_NAMES } from "../agents/index.js";
import { findWorkspaceRoot } from "../config/load.js";
import { runDoctorChecks, type Check, type DoctorReport, type Status } from "../doctor/index.js";
import { parseArgs } from "../util/args.js";
import { useColor } from "./format.js";
import { EXIT, type CliIo } from "./io.js";

export const DOCTOR_HELP = `usage: infragate doctor [--dir DIR] [--json] [--no-canary] [--managed-settings FILE]

Check that infragate really guards this workspace:
  agents       for every agent infragate knows (${AGENT_NAMES.join(", ")}), in its project and user
               settings: is the hook installed, does its command exist, does it answer deny to a canary (a
               write to terraform.tfstate, run for real with a throwaway $INFRAGATE_HOME), is its fail-closed
               switch set (Claude Code onFailure "block", Cursor failClosed, '|| exit 2' elsewhere) and its
               timeout, are hooks switched off (disableAllHooks, hooksConfig.enabled:false), is Codex's
               project hook trusted
  git          the pre-commit hook (core.hooksPath and husky honoured): installed, executable, and it stops
               a commit of terraform.tfstate in a throwaway repository
  claude-code  managed settings: without them the agent can bypass permissions and the hook can be removed;
               doctor prints the managed-settings snippet that makes the hook tamper-proof
  policies     the pack and .infragate/policies validate against the schema; .infragate/config.json is valid
  audit        the audit log's hash chain verifies
  environment  standing power: long-lived AWS keys (AKIA...) in the environment or ~/.aws/credentials (only
               the key id's first characters are shown), a production-looking AWS_PROFILE

Exit 0 when nothing fails (warnings allowed), 1 when a check fails (no hook installed at all is a failure),
2 on bad usage or a directory that does not exist.

options:
  --dir DIR                the workspace (default: the one around the current directory)
  --json                   {ok, checks:[{area, status, title, detail}], managedSnippet}
  --no-canary              do not run the installed hooks
  --managed-settings FILE  Claude Code managed settings (default: the platform's, /etc/claude-code/... on Linux)`;

const MARK: Readonly<Record<Status, string>> = { pass: "pass", warn: "warn", fail: "FAIL", info: "info" };
const COLOR: Readonly<Record<Status, string>> = { pass: "32", warn: "33", fail: "31", info: "90" };

function line(c: Check, color: boolean): string {
  const mark = color ? `\u001b[${COLOR[c.status]}m${MARK[c.status]}\u001b[0m` : MARK[c.status];
  const head = `${mark}  ${c.area.padEnd(12)} ${c.title}`;
  return [head, ...(c.detail ?? []).filter((d) => d.length > 0).map((d) => `${" ".repeat(20)}${d}`)].join("\n");
}

export function formatDoctor(dir: string, report: DoctorReport, color: boolean): string {
  const out = [`infragate doctor: ${dir}`, ...report.checks.map((c) => line(c, color))];
  if (report.managedSnippet) {
    out.push("", "To make the Claude Code hook tamper-proof, put this in the managed settings file (root-owned;", "permissions.disableBypassPermissionsMode is optional: it forbids bypassPermissions mode):", report.managedSnippet);
  }
  const counts = (s: Status): number => report.checks.filter((c) => c.status === s).length;
  out.push("", `${report.ok ? "ok" : "FAILED"}: ${counts("pass")} pass, ${counts("warn")} warn, ${counts("fail")} fail`);
  return `${out.join("\n")}\n`;
}

export async function runDoctor(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, { flags: ["json", "help", "h", "no-canary"], values: ["dir", "managed-settings"] });
  if (parsed.flags.has("help") || parsed.flags.has("h")) {
    io.stdout(`${DOCTOR_HELP}\n`);
    return EXIT.allow;
  }
  if (parsed.unknown.length > 0 || parsed.positionals.length > 0) {
    io.stderr(`infragate doctor: unexpected ${[...parsed.unknown, ...parsed.positionals].join(" ")}\n\n${DOCTOR_HELP}\n`);
    return EXIT.usage;
  }
  const asked = path.resolve(io.cwd, parsed.values.get("dir") ?? ".");
  if (!fs.statSync(asked, { throwIfNoEntry: false })?.isDirectory()) {
    io.stderr(`infragate doctor: ${asked} is not a directory\n`);
    return EXIT.usage;
  }
  const dir = findWorkspaceRoot(asked);
  const managed = parsed.values.get("managed-settings");
  const report = await runDoctorChecks({
    dir,
    env: io.env,
    managedSettings: managed ? path.resolve(io.cwd, managed) : undefined,
    noCanary: parsed.flags.has("no-canary"),
  });
  io.stdout(parsed.flags.has("json") ? `${JSON.stringify({ dir, ...report })}\n` : formatDoctor(dir, report, useColor(io.env)));
  return report.ok ? EXIT.allow : EXIT.deny;
}
