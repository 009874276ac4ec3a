/** A temporary git project with stub infrastructure CLIs first on PATH, and a temporary HOME. */
import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { BIN } from "./build.js";
import { tempDir } from "../../support/temp.js";

export const STUBS = ["terraform", "aws", "cdk", "tofu", "pulumi", "kubectl"] as const;

export interface E2eProject {
  readonly dir: string;
  readonly home: string;
  readonly infragateHome: string;
  readonly binDir: string;
  /** Each stub call appends one line `<program> <args>` here. */
  readonly callLog: string;
  stubCalls(): string[];
  read(rel: string): string | undefined;
  /** The env every agent run gets: temp HOME, stubs first on PATH, the audit under the project. */
  env(extra?: Record<string, string>): Record<string, string>;
}

export async function makeProject(prefix: string): Promise<E2eProject> {
  const base = tempDir(`infragate-e2e-${prefix}-`);
  const dir = path.join(base, "proj");
  const home = path.join(base, "home");
  const binDir = path.join(base, "bin");
  const infragateHome = path.join(base, "infragate-home");
  const callLog = path.join(base, "stub-calls.log");
  // The agent's own temporary files stay inside the project's folder (removed with it), not in /tmp.
  const tmp = path.join(base, "tmp");
  for (const d of [dir, home, binDir, infragateHome, tmp]) fs.mkdirSync(d, { recursive: true });
  for (const name of STUBS) {
    const stub = path.join(binDir, name);
    fs.writeFileSync(stub, `#!/bin/sh\necho "${name} $*" >> '${callLog}'\necho "stub ${name} ran"\n`, { mode: 0o755 });
  }
  await execa("git", ["init", "-q"], { cwd: dir });
  fs.writeFileSync(path.join(dir, "main.tf"), 'resource "null_resource" "x" {}\n');
  fs.writeFileSync(path.join(dir, "terraform.tfstate"), '{"version":4,"serial":1,"lineage":"aaaa"}\n');
  fs.writeFileSync(path.join(dir, ".env"), "TOKEN=abc\n");
  const env = (extra: Record<string, string> = {}): Record<string, string> => ({
    PATH: `${binDir}:${process.env.PATH ?? ""}`,
    HOME: home,
    INFRAGATE_HOME: infragateHome,
    TMPDIR: tmp,
    // Hooks that find no decision service would start one per project and leave it running after the test;
    // the service's own end-to-end test (claude-code-http) starts and stops its service explicitly.
    INFRAGATE_SERVE_AUTOSTART: "0",
    LANG: "C.UTF-8",
    ...extra,
  });
  return {
    dir,
    home,
    infragateHome,
    binDir,
    callLog,
    stubCalls: () => (fs.existsSync(callLog) ? fs.readFileSync(callLog, "utf8").split("\n").filter((l) => l.length > 0) : []),
    read: (rel) => (fs.existsSync(path.join(dir, rel)) ? fs.readFileSync(path.join(dir, rel), "utf8") : undefined),
    env,
  };
}

/** Run the real CLI entry (node dist/cli/bin.js ...) in the project. */
export async function infragate(project: E2eProject, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const r = await execa(process.execPath, [BIN, ...args], { cwd: project.dir, env: project.env(), extendEnv: false, reject: false });
  return { code: r.exitCode ?? -1, stdout: r.stdout, stderr: r.stderr };
}
