/** Run case tables against the pack plus a workspace's policies and config, each case in a fresh
 *  temporary workspace (a copy of the workspace's .infragate/), with its own HOME and $INFRAGATE_HOME,
 *  so that files and state written by a case never touch the real tree. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { requestToAction, type CheckRequest } from "../decide/check-request.js";
import { loadConfig } from "../config/load.js";
import { Config } from "../config/schema.js";
import type { GateAction } from "../decide/action.js";
import { decide } from "../decide/index.js";
import type { Engine } from "../policy/engine.js";
import { compilePackFromSource, getPackageRoot } from "../policy/pack.js";
import type { DecisionKind, PolicyPack } from "../policy/types.js";
import { assembleEngine, loadUserPolicies } from "../runtime/policies.js";
import { isMcp, mcpName, type CaseRequest, type CaseTable, type TestCase } from "./table.js";

interface RunOptions {
  /** The workspace whose .infragate/ (policies, config) is under test; undefined: the pack alone. */
  readonly workspace: string | undefined;
  /** PATH for the cases (default: this process's). */
  readonly path?: string | undefined;
}

export interface CaseResult {
  readonly file: string;
  readonly index: number;
  readonly name: string;
  readonly ok: boolean;
  readonly request: CaseRequest;
  readonly expected: { readonly decision: DecisionKind; readonly policies: readonly string[] };
  readonly actual: { readonly decision: DecisionKind; readonly policies: readonly string[] };
  readonly reason: string;
  /** Cedar errors and problems (invalid config, broken policies): any of them fails the case. */
  readonly errors: readonly string[];
  /** Why the case failed, one line each. */
  readonly failures: readonly string[];
}

export interface TableResult {
  readonly file: string;
  readonly results: readonly CaseResult[];
  readonly problems: readonly string[];
}

let packCache: { pack: PolicyPack; problems: string[] } | undefined;

function sourcePack(): { pack: PolicyPack; problems: string[] } {
  if (!packCache) {
    const { pack, problems } = compilePackFromSource(getPackageRoot());
    packCache = { pack, problems: problems.map((p) => `${p.file}:${p.line}: ${p.message}`) };
  }
  return packCache;
}

interface Setup {
  readonly engine: Engine;
  readonly config: Config;
  readonly problems: readonly string[];
}

/** The engine for one table: the pack, the workspace's policies, the table's config or the workspace's. */
function setupFor(table: CaseTable, opts: RunOptions): Setup {
  const { pack, problems: packProblems } = sourcePack();
  const problems = [...packProblems];
  const user = opts.workspace ? loadUserPolicies(opts.workspace) : { policies: [], problems: [] };
  let config: Config;
  if (table.config !== undefined) {
    config = Config.parse(table.config);
  } else if (opts.workspace) {
    const loaded = loadConfig(opts.workspace);
    config = loaded.config;
    problems.push(...loaded.problems);
  } else {
    config = Config.parse({});
  }
  const assembled = assembleEngine(pack, user, config, { validateRequests: true });
  problems.push(...assembled.problems);
  return { engine: assembled.engine, config, problems };
}

function tempDir(prefix: string): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}

function writeFiles(files: Readonly<Record<string, string>>, root: string, home: string): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = rel.startsWith("~/") ? path.join(home, rel.slice(2)) : path.resolve(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
}

/** `~/x` in a file path means the case's home. */
function withHome(req: CheckRequest, home: string): CheckRequest {
  if (req.tool === "Bash" || !req.file_path.startsWith("~/")) return req;
  return { ...req, file_path: path.join(home, req.file_path.slice(2)) };
}

function toAction(req: CaseRequest, root: string, home: string): GateAction {
  if (!isMcp(req)) return requestToAction(withHome(req, home), root);
  const { server, tool } = mcpName(req.tool);
  return { kind: "mcp", server, tool, input: req.input ?? {}, cwd: path.resolve(root, req.cwd ?? ".") };
}

async function runCase(c: TestCase, table: CaseTable, setup: Setup, opts: RunOptions): Promise<CaseResult> {
  const root = tempDir("infragate-case-");
  const home = tempDir("infragate-case-home-");
  const stateHome = tempDir("infragate-case-state-");
  try {
    fs.mkdirSync(path.join(root, ".git"));
    if (opts.workspace && fs.existsSync(path.join(opts.workspace, ".infragate"))) {
      fs.cpSync(path.join(opts.workspace, ".infragate"), path.join(root, ".infragate"), { recursive: true });
    }
    writeFiles(c.extras.files ?? {}, root, home);
    const env: Record<string, string> = { HOME: home, PATH: opts.path ?? process.env.PATH ?? "", INFRAGATE_HOME: stateHome, ...(c.extras.env ?? {}) };
    const action = toAction(c.request, root, home);
    const agent = { name: c.extras.agent ?? "claude-code", mode: c.extras.mode ?? "default", session: `policy-test-${c.index}` };
    const decided = await decide(action, { agent, env, engine: setup.engine, config: setup.config, root, home: stateHome, problems: setup.problems });
    const errors = [...decided.findings.flatMap((f) => f.errors)];
    const expected = { decision: c.extras.expect, policies: c.extras.policies ?? [] };
    const actual = { decision: decided.decision, policies: [...decided.policies] };
    const failures: string[] = [];
    if (actual.decision !== expected.decision) failures.push(`decision: expected ${expected.decision}, got ${actual.decision}`);
    const missing = expected.policies.filter((id) => !actual.policies.includes(id));
    if (missing.length > 0) failures.push(`policies: expected ${missing.join(", ")} among the deciding policies, got ${actual.policies.join(", ") || "none"}`);
    if (errors.length > 0) failures.push(`errors: ${errors.join("; ")}`);
    const reason = decided.reason.split(root).join("<workspace>").split(home).join("~");
    return { file: table.file, index: c.index, name: c.name, ok: failures.length === 0, request: c.request, expected, actual, reason, errors, failures };
  } finally {
    for (const dir of [root, home, stateHome]) fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function runTable(table: CaseTable, opts: RunOptions): Promise<TableResult> {
  if (table.cases.length === 0) return { file: table.file, results: [], problems: table.problems };
  const setup = setupFor(table, opts);
  const results: CaseResult[] = [];
  for (const c of table.cases) results.push(await runCase(c, table, setup, opts));
  return { file: table.file, results, problems: table.problems };
}

export interface Summary {
  readonly passed: number;
  readonly failed: number;
  readonly problems: number;
}

export function summarize(tables: readonly TableResult[]): Summary {
  const all = tables.flatMap((t) => t.results);
  return {
    passed: all.filter((r) => r.ok).length,
    failed: all.filter((r) => !r.ok).length,
    problems: tables.reduce((n, t) => n + t.problems.length, 0),
  };
}
