/** `infragate install <agent>` / `infragate uninstall <agent>`. */
import path from "node:path";
import { AGENT_NAMES, AGENT_REGISTRY } from "../agents/index.js";
import { parseArgs } from "./args.js";
import { EXIT, type CliIo, type Verb } from "./io.js";

const TABLE = [...AGENT_REGISTRY.map((a) => `  ${a.name.padEnd(12)} ${a.installer.summary}`), `  ${"git".padEnd(12)} pre-commit hook            honours core.hooksPath and husky; chains an existing hook`].join("\n");

export const INSTALL_HELP = `usage: infragate install <agent> [--dir DIR] [--user] [--json]
       infragate uninstall <agent> [--dir DIR] [--user] [--json]

agents: ${[...AGENT_NAMES, "git"].join(", ")}

Merges infragate's hook into the agent's settings without touching other keys or other hooks; running it
twice changes nothing. When a file changes, what was there is kept as <file>.infragate-backup-<time>.
The installed command runs the absolute node binary with the absolute path of hooks/infragate-hook.mjs;
where the agent has no fail-closed switch, the command ends in '|| exit 2' so that a hook that cannot start
still blocks.

${TABLE}

options:
  --dir DIR    the project directory (default: the current one)
  --user       the user-level settings file (in the home directory; Codex: $CODEX_HOME or ~/.codex)
  --json       print the result as JSON
  --http       claude-code: hook it to the warm decision service over HTTP (infragate serve), with a
               SessionStart hook that starts the service; settings go to .claude/settings.local.json
  --port N     with --http: the loopback port of the service (default: one derived from your uid)`;

async function runInstallVerb(action: "install" | "uninstall", args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, { flags: ["user", "json", "help", "h", "http"], values: ["dir", "port"] });
  if (parsed.flags.has("help") || parsed.flags.has("h")) {
    io.stdout(`${INSTALL_HELP}\n`);
    return EXIT.allow;
  }
  const { INSTALL_TARGETS, install, uninstall } = await import("../install/index.js");
  const agent = parsed.positionals[0];
  if (parsed.unknown.length > 0 || parsed.positionals.length !== 1 || !INSTALL_TARGETS.includes(agent ?? "")) {
    io.stderr(`infragate ${action}: expected one agent (${INSTALL_TARGETS.join(", ")})${parsed.unknown.length > 0 ? `; unknown ${parsed.unknown.join(" ")}` : ""}\n\n${INSTALL_HELP}\n`);
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
  const opts = { dir: path.resolve(io.cwd, parsed.values.get("dir") ?? "."), user: parsed.flags.has("user"), env: io.env, ...(http ? { http } : {}) };
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

export const runInstall: Verb = (args, io) => runInstallVerb("install", args, io);
export const runUninstall: Verb = (args, io) => runInstallVerb("uninstall", args, io);
