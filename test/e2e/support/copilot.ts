/** Run the real GitHub Copilot CLI (@github/copilot) offline: bring-your-own-key against the fake Chat
 *  Completions API, no login, no update check, no telemetry (research/agent-e2e.md). */
import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { ROOT } from "./build.js";
import type { E2eProject } from "./project.js";

const LOADER = path.join(ROOT, "node_modules", "@github", "copilot", "npm-loader.js");
/** Copilot unpacks ~235 MB on first run under a HOME; one shared cache outside the temp projects. */
const PKG_CACHE = path.join(ROOT, "node_modules", ".cache", "infragate-e2e-copilot");

export function copilotInstalled(): boolean {
  return fs.existsSync(LOADER);
}

export interface CopilotRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCopilot(project: E2eProject, apiUrl: string, prompt: string, extraEnv: Record<string, string> = {}): Promise<CopilotRun> {
  fs.mkdirSync(PKG_CACHE, { recursive: true });
  const r = await execa(process.execPath, [LOADER, "-p", prompt, "--allow-all-tools", "--trust-folder", "--no-auto-update", "--disable-client-telemetry"], {
    cwd: project.dir,
    extendEnv: false,
    env: project.env({
      COPILOT_OFFLINE: "true",
      COPILOT_PROVIDER_BASE_URL: apiUrl,
      COPILOT_PROVIDER_API_KEY: "x",
      COPILOT_MODEL: "gpt-4.1",
      COPILOT_PKG_CACHE_HOME: PKG_CACHE,
      NO_COLOR: "1",
      ...extraEnv,
    }),
    reject: false,
    timeout: 150_000,
    stdin: "ignore",
  });
  return { code: r.exitCode ?? -1, stdout: r.stdout, stderr: r.stderr };
}
