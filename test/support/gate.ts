/** A real gate over a temporary workspace, for case tables: the whole pipeline, the real Cedar, the
 *  schema-validated requests (a context that drifts from the schema fails the case). */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Config, type ConfigInput } from "../../src/config/schema.js";
import { decide, rememberRan, type Decided, type GateAction } from "../../src/decide/index.js";
import type { Engine } from "../../src/policy/engine.js";
import { compilePackFromSource, getPackageRoot } from "../../src/policy/pack.js";
import { compilePolicyText } from "../../src/policy/compile.js";
import { assembleEngine } from "../../src/runtime/policies.js";
import type { CedarRequest, PolicyPack } from "../../src/policy/types.js";
import { tempDir } from "./temp.js";

let cachedPack: PolicyPack | undefined;
/** Engines are stateless between requests: one pair per policy selection serves every case. */
const engineCache = new Map<string, { validating: Engine; fast: Engine }>();

export function getSourcePack(): PolicyPack {
  if (!cachedPack) {
    const { pack, problems } = compilePackFromSource(getPackageRoot());
    if (problems.length > 0) throw new Error(problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join("\n"));
    cachedPack = pack;
  }
  return cachedPack;
}

export interface GateOptions {
  readonly config?: ConfigInput;
  readonly agent?: { name?: string; mode?: string; session?: string };
  readonly env?: Record<string, string>;
  /** Extra user policies (text), as if in .infragate/policies/. */
  readonly userPolicies?: string;
}

export interface TestGate {
  /** The temporary workspace root (a git-like root: it holds .git/). */
  readonly root: string;
  readonly home: string;
  /** The schema-validating engine that decides the test cases. */
  readonly engine: Engine;
  /** The hook's engine (scope shortcut on, no schema), for the shortcut equivalence check. */
  readonly fast: Engine;
  /** The Cedar requests a decision made, rebuilt from its operations. */
  requestsOf(result: Decided): CedarRequest[];
  shell(command: string, opts?: { cwd?: string; env?: Record<string, string> }): Promise<Decided>;
  file(tool: "Write" | "Edit" | "Read" | "Delete", filePath: string): Promise<Decided>;
  run(action: GateAction, env?: Record<string, string>): Promise<Decided>;
  /** The agent's post-tool event for a shell command that ran (asked, then approved): remember its effects. */
  ran(command: string): Promise<void>;
}

export function makeGate(opts: GateOptions = {}): TestGate {
  const root = tempDir("infragate-ws-");
  fs.mkdirSync(path.join(root, ".git"));
  const home = tempDir("infragate-home-");
  const pack = getSourcePack();
  const config = Config.parse(opts.config ?? {});
  const user = opts.userPolicies
    ? compilePolicyText(opts.userPolicies, ".infragate/policies/test.cedar", { strictAnnotations: false })
    : undefined;
  if (user && user.problems.length > 0) throw new Error(user.problems.map((p) => p.message).join("\n"));
  const key = JSON.stringify([config.mode, config.disable, opts.userPolicies ?? ""]);
  let engines = engineCache.get(key);
  if (!engines) {
    const users = { policies: user ? [user.policies] : [], problems: [] };
    engines = { validating: assembleEngine(pack, users, config, { validateRequests: true }).engine, fast: assembleEngine(pack, users, config).engine };
    engineCache.set(key, engines);
  }
  const engine = engines.validating;
  const fast = engines.fast;
  const agent = { name: opts.agent?.name ?? "claude-code", mode: opts.agent?.mode ?? "bypassPermissions", session: opts.agent?.session ?? "test-session" };
  const baseEnv: Record<string, string> = { HOME: os.homedir(), PATH: process.env.PATH ?? "", ...(opts.env ?? {}) };
  const run = (action: GateAction, env: Record<string, string> = {}): Promise<Decided> =>
    decide(action, { agent, env: { ...baseEnv, ...env }, engine, config, root, home });
  const ran = (command: string): Promise<void> => rememberRan({ kind: "shell", command, cwd: root, tool: "Bash" }, { agent, env: baseEnv, engine, config, root, home });
  return {
    root,
    home,
    engine,
    fast,
    requestsOf: (result) => [...result.trace.requests],
    run,
    ran,
    shell: (command, o = {}) => run({ kind: "shell", command, cwd: o.cwd ? path.resolve(root, o.cwd) : root, tool: "Bash" }, o.env),
    file: (tool, filePath) =>
      run({
        kind: "file",
        op: tool === "Read" ? "read" : tool === "Delete" ? "delete" : "write",
        path: path.resolve(root, filePath),
        cwd: root,
        tool,
      }),
  };
}
