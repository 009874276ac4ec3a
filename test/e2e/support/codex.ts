/** Run the real Codex CLI (@openai/codex, its native binary) offline against the fake Responses API, with a
 *  private CODEX_HOME: a provider on loopback, hooks on, the project trusted. */
import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { ROOT } from "./build.js";
import type { E2eProject } from "./project.js";

/** The native binary of the platform package, or undefined when npm did not install it (another platform). */
export function codexBinary(): string | undefined {
  const triple = process.platform === "linux" ? `${process.arch === "arm64" ? "aarch64" : "x86_64"}-unknown-linux-musl` : undefined;
  if (!triple) return undefined;
  const file = path.join(ROOT, "node_modules", "@openai", `codex-linux-${process.arch}`, "vendor", triple, "bin", "codex");
  return fs.existsSync(file) && fs.statSync(file).size > 1_000_000 ? file : undefined;
}

/** config.toml for a run: the fake provider, no approvals, full access (infragate is the only gate), hooks on,
 *  the project trusted (Codex ignores an untrusted project's .codex/hooks.json). */
export function writeCodexConfig(project: E2eProject, apiUrl: string): string {
  const codexHome = path.join(project.home, ".codex");
  fs.mkdirSync(codexHome, { recursive: true });
  fs.writeFileSync(
    path.join(codexHome, "config.toml"),
    [
      'model = "gpt-5.1-codex"',
      'model_provider = "fake"',
      'approval_policy = "never"',
      'sandbox_mode = "danger-full-access"',
      "",
      "[model_providers.fake]",
      'name = "fake"',
      `base_url = "${apiUrl}"`,
      'wire_api = "responses"',
      'env_key = "FAKE_OPENAI_KEY"',
      "supports_websockets = false",
      "",
      "[features]",
      "hooks = true",
      "",
      `[projects."${project.dir}"]`,
      'trust_level = "trusted"',
      "",
      "[analytics]",
      "enabled = false",
      "",
    ].join("\n"),
  );
  return codexHome;
}

export interface CodexRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `codex exec` in the project. --dangerously-bypass-hook-trust: a new hook is otherwise skipped until a human
 *  trusts it in Codex (its hash under [hooks.state]); the flag stands in for that one-time review. */
export async function runCodex(binary: string, project: E2eProject, apiUrl: string, prompt: string, extraEnv: Record<string, string> = {}): Promise<CodexRun> {
  const codexHome = writeCodexConfig(project, apiUrl);
  const r = await execa(binary, ["exec", "--skip-git-repo-check", "--dangerously-bypass-hook-trust", prompt], {
    cwd: project.dir,
    extendEnv: false,
    env: project.env({ CODEX_HOME: codexHome, FAKE_OPENAI_KEY: "sk-fake", NO_COLOR: "1", ...extraEnv }),
    reject: false,
    timeout: 120_000,
    stdin: "ignore",
  });
  return { code: r.exitCode ?? -1, stdout: r.stdout, stderr: r.stderr };
}
