/** Run the real Claude Code CLI (the devDependency's native binary) offline against the fake API. */
import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { ROOT } from "./build.js";
import type { E2eProject } from "./project.js";

/** The native binary: the platform package's when present (no postinstall needed), else the wrapper's copy. */
export function claudeBinary(): string {
  const platform = `${process.platform}-${process.arch}`;
  const candidates = [
    path.join(ROOT, "node_modules", "@anthropic-ai", `claude-code-${platform}`, "claude"),
    path.join(ROOT, "node_modules", "@anthropic-ai", `claude-code-${platform}-musl`, "claude"),
    path.join(ROOT, "node_modules", "@anthropic-ai", "claude-code", "bin", "claude.exe"),
  ];
  for (const c of candidates) if (fs.existsSync(c) && fs.statSync(c).size > 1_000_000) return c;
  throw new Error(`the Claude Code binary is not installed (looked at ${candidates.join(", ")}); run npm install`);
}

export interface ClaudeRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The --output-format json result. */
  readonly result: Record<string, unknown> | undefined;
  readonly denials: { tool_name: string; tool_use_id: string; tool_input: Record<string, unknown> }[];
}

export async function runClaude(project: E2eProject, apiUrl: string, prompt: string, mode: "bypassPermissions" | "acceptEdits" | "default", extraEnv: Record<string, string> = {}): Promise<ClaudeRun> {
  const modeArgs = mode === "bypassPermissions" ? ["--dangerously-skip-permissions"] : ["--permission-mode", mode];
  const r = await execa(claudeBinary(), ["-p", prompt, ...modeArgs, "--output-format", "json"], {
    cwd: project.dir,
    extendEnv: false,
    env: project.env({
      ANTHROPIC_BASE_URL: apiUrl,
      ANTHROPIC_API_KEY: "sk-ant-e2e-dummy",
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
      DISABLE_AUTOUPDATER: "1",
      DISABLE_TELEMETRY: "1",
      // root may use --dangerously-skip-permissions only in a declared sandbox
      IS_SANDBOX: "1",
      ...extraEnv,
    }),
    reject: false,
    timeout: 120_000,
    stdin: "ignore",
  });
  let result: Record<string, unknown> | undefined;
  try {
    result = JSON.parse(r.stdout) as Record<string, unknown>;
  } catch {
    result = undefined;
  }
  const denials = Array.isArray(result?.permission_denials) ? (result.permission_denials as ClaudeRun["denials"]) : [];
  return { code: r.exitCode ?? -1, stdout: r.stdout, stderr: r.stderr, result, denials };
}
