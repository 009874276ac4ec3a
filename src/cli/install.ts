/** `infragate install <agent>` / `infragate uninstall <agent>`. */
import fs from "node:fs";
import path from "node:path";
import { findWorkspaceRoot } from "../config/load.js";
import { AGENT_NAMES, AGENT_REGISTRY } from "../agents/index.js";
import { parseArgs } from "../util/args.js";
import { EXIT, type CliIo, type Verb } from "./io.js";

const TABLE = [...AGENT_REGISTRY.map((a) => `  ${a.name.padEnd(12)} ${a.installer.summary}`), `  ${"git".padEnd(12)} pre-commit hook            honours core.hooksPath and husky; chains an existing hook`].join("\n");

export const INSTALL_HELP = `usage: infragate install <agent> [--dir DIR] [--user | --team] [--json]
       infragate uninstall <agent> [--dir DIR] [--user] [--json]

agents: ${[...AGENT_NAMES, "git"].join(", ")}

Merges infragate's hook into the agent's settings without touching other keys or other hooks; running it
twice changes nothing. Changes are edits of infragate's own keys: comments, indentation and the other keys
stay as they were (settings with comments are read as the agents read them). When a file changes, what was
there is kept under $INFRAGATE_HOME/backups; nothing is left beside it, and uninstall removes a folder it
leaves empty.
The installed command runs the absolute node binary with the absolute path of hooks/infragate-hook.cjs;
where the agent has no fail-closed switch, the command ends in '|| exit 2' so that a hook that cannot start
still blocks.

${TABLE}

options:
  --dir DIR    the project directory (default: the workspace the current folder is in: its git root)
  --user       the user-level settings file (in the home directory; Codex: $CODEX_HOME or ~/.codex)
  --team       settings meant to be committed: the command runs the repository's own infragate
               (a devDependency: <project>/node_modules/infragate) with the node on PATH, and blocks with
               "run npm install" in a clone that has not installed it (docs/agents.md, "Rolling out to a team")
  --managed    the agent's system-wide settings, which users and agents cannot override (run as root):
               Claude Code /etc/claude-code/managed-settings.json, Gemini /etc/gemini-cli/settings.json,
               Cursor /etc/cursor/hooks.json (macOS and Windows paths in docs/agents.md)
  --managed-only  with --managed, Claude Code: allowManagedHooksOnly (only managed hooks run)
  --managed-file F  with --managed: write F instead (staging, tests)
  --json       print the result as JSON
  --http       claude-code: hook it to the warm decision service over HTTP (infragate serve), with a
               SessionStart hook that starts the service; settings go to .claude/settings.local.json
  --port N     with --http: the loopback port of the service (default: one derived from your uid)`;

async function runInstallVerb(action: "install" | "uninstall", args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, { flags: ["user", "json", "help", "h", "http", "team", "managed", "managed-only"], values: ["dir", "port", "managed-file"] });
  if (parsed.flags.has("help") || parsed.flags.has("h")) {
    io.stdout(`${INSTALL_HELP}\n`);
    return EXIT.allow;
  }
  const { INSTALL_TARGETS, install, uninstall } = await import("../install/index.js");
  const agent = parsed.positionals[0];
  const usage = parsed.missing.length > 0 ? `${parsed.missing.join(", ")} needs a value` : usageProblem(parsed.positionals, parsed.unknown, INSTALL_TARGETS);
  if (usage !== undefined) {
    io.stderr(`infragate ${action}: ${usage}\nRun 'infragate ${action} --help' for the agents and options.\n`);
    return EXIT.usage;
  }
  if (agent === "git" && parsed.flags.has("user")) {
    io.stderr(`infragate ${action} git: --user is not supported (git hooks belong to a repository)\n`);
    return EXIT.usage;
  }
  const port = parsed.values.has("port") ? Number(parsed.values.get("port")) : undefined;
  if (port !== undefined && !(Number.isInteger(port) && port >= 1024 && port <= 65535)) {
    io.stderr(`infragate ${action}: --port takes a port from 1024 to 65535\n`);
    return EXIT.usage;
  }
  const http = parsed.flags.has("http") || port !== undefined ? { port } : undefined;
  const given = parsed.values.get("dir");
  const asked = path.resolve(io.cwd, given ?? ".");
  if (!fs.statSync(asked, { throwIfNoEntry: false })?.isDirectory()) {
    io.stderr(`infragate ${action}: ${asked} is not a directory${given !== undefined ? " (--dir)" : ""}\n`);
    return EXIT.usage;
  }
  // The workspace the folder is in, as doctor and policy see it (a subfolder of a repository installs at its root).
  const dir = given !== undefined ? asked : findWorkspaceRoot(asked);
  const team = parsed.flags.has("team");
  const managedOnly = parsed.flags.has("managed-only");
  const managed = parsed.flags.has("managed") || managedOnly || parsed.values.has("managed-file") ? { file: parsed.values.get("managed-file"), only: managedOnly } : undefined;
  const opts = { dir, user: parsed.flags.has("user"), env: io.env, ...(http ? { http } : {}), ...(team ? { team } : {}), ...(managed ? { managed } : {}) };
  try {
    const target = agent ?? "";
    const result = action === "install" ? await install(target, opts) : await uninstall(target, opts);
    if (parsed.flags.has("json")) {
      io.stdout(`${JSON.stringify(result)}\n`);
    } else {
      const lines = result.files.map((f) => `  ${f.changed ? (action === "install" ? "updated  " : "cleaned  ") : "unchanged"} ${f.file}${f.backup ? ` (backup: ${f.backup})` : ""}`);
      io.stdout(`infragate ${action} ${agent}:\n${lines.join("\n")}\n`);
      if (result.command) io.stdout(`  command: ${result.command}\n`);
      for (const n of result.notes) io.stdout(`  note: ${n}\n`);
    }
    for (const w of result.warnings) io.stderr(`infragate: warning: ${w}\n`);
    return EXIT.allow;
  } catch (err) {
    io.stderr(`infragate ${action} ${agent}: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT.deny;
  }
}

/** A precise usage error (one line, with a suggestion), or undefined when the words are right. */
function usageProblem(positionals: readonly string[], unknown: readonly string[], targets: readonly string[]): string | undefined {
  if (unknown.length > 0) return `unknown option ${unknown.join(" ")}`;
  if (positionals.length === 0) return `which agent? (${targets.join(", ")})`;
  if (positionals.length > 1) return `one agent at a time (got ${positionals.join(" ")})`;
  const agent = positionals[0] ?? "";
  if (targets.includes(agent)) return undefined;
  const near = closest(agent, targets);
  return `unknown agent '${agent}'${near ? `; did you mean ${near}?` : ` (${targets.join(", ")})`}`;
}

/** The target a mistyped name most likely meant: a prefix either way, or within two edits. */
function closest(word: string, targets: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  const prefix = targets.find((t) => w.length >= 3 && (t.startsWith(w) || w.startsWith(t)));
  if (prefix) return prefix;
  let best: { t: string; d: number } | undefined;
  for (const t of targets) {
    const d = editDistance(w, t);
    if (d <= 2 && (!best || d < best.d)) best = { t, d };
  }
  return best?.t;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

export const runInstall: Verb = (args, io) => runInstallVerb("install", args, io);
export const runUninstall: Verb = (args, io) => runInstallVerb("uninstall", args, io);
