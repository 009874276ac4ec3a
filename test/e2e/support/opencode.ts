/** Run the real OpenCode CLI (opencode-ai, the native binary of its platform package) offline: a custom
 *  OpenAI-compatible provider in the project's opencode.json pointing at the fake Chat Completions API. */
import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { ROOT } from "./build.js";
import type { E2eProject } from "./project.js";

export function opencodeBinary(): string | undefined {
  const candidates = [
    path.join(ROOT, "node_modules", `opencode-${process.platform}-${process.arch}`, "bin", "opencode"),
    path.join(ROOT, "node_modules", `opencode-${process.platform}-${process.arch}-baseline`, "bin", "opencode"),
  ];
  return candidates.find((c) => fs.existsSync(c) && fs.statSync(c).size > 1_000_000);
}

/** Keep OpenCode from npm-installing its plugin package into a config folder (what `infragate install
 *  opencode` writes into .opencode/; the user's ~/.config/opencode needs the same in a fresh HOME). */
function noPluginInstall(dir: string): void {
  fs.mkdirSync(path.join(dir, "node_modules"), { recursive: true });
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ dependencies: { "@opencode-ai/plugin": "*" } }));
  fs.writeFileSync(path.join(dir, "package-lock.json"), JSON.stringify({ lockfileVersion: 3, packages: { "": { dependencies: { "@opencode-ai/plugin": "*" } } } }));
}

export interface OpencodeRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runOpencode(binary: string, project: E2eProject, apiUrl: string, prompt: string, extraEnv: Record<string, string> = {}): Promise<OpencodeRun> {
  fs.writeFileSync(
    path.join(project.dir, "opencode.json"),
    JSON.stringify({
      $schema: "https://opencode.ai/config.json",
      provider: { fake: { npm: "@ai-sdk/openai-compatible", name: "fake", options: { baseURL: apiUrl, apiKey: "x" }, models: { m: { name: "m", tool_call: true } } } },
      model: "fake/m",
      autoupdate: false,
      share: "disabled",
    }),
  );
  noPluginInstall(path.join(project.home, ".config", "opencode"));
  const r = await execa(binary, ["run", prompt, "--format", "json"], {
    cwd: project.dir,
    extendEnv: false,
    env: project.env({ PWD: project.dir, OPENCODE_DISABLE_MODELS_FETCH: "1", OPENCODE_DISABLE_AUTOUPDATE: "1", OPENCODE_DISABLE_SHARE: "1", NO_COLOR: "1", ...extraEnv }),
    reject: false,
    timeout: 150_000,
    stdin: "ignore",
  });
  return { code: r.exitCode ?? -1, stdout: r.stdout, stderr: r.stderr };
}
