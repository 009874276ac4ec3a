/** Policy case tables: the file format (YAML or JSON), read and checked with zod. The schema is the type. */
import fs from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { CheckRequest } from "../decide/check-request.js";
import { Config } from "../config/schema.js";
import { DecisionSchema } from "../util/decision.js";

const Decision = DecisionSchema;

/** What a case adds to a `check --jsonl` request. */
const CaseExtras = z.strictObject({
  name: z.string().min(1).optional().describe("a label for reports (default: the command or tool and path)"),
  expect: Decision.describe("the decision the case must get"),
  policies: z.array(z.string().min(1)).optional().describe("ids that must be among the deciding policies (deny and ask)"),
  agent: z.string().min(1).optional().describe("agent name (default claude-code)"),
  mode: z.string().min(1).optional().describe("agent permission mode (default: default)"),
  env: z.record(z.string(), z.string()).optional().describe("environment of the agent's shell (only PATH and HOME are inherited)"),
  files: z.record(z.string(), z.string()).optional().describe("files to create first, workspace-relative (or ~/ for the case's home)"),
});

const EXTRA_KEYS: ReadonlySet<string> = new Set(Object.keys(CaseExtras.shape));

/** An MCP tool call, named as Claude Code names it: `mcp__<server>__<tool>`. */
const McpRequest = z.strictObject({
  tool: z.string().regex(/^mcp__[^_].*?__.+$/, "mcp__<server>__<tool>"),
  input: z.unknown().optional().describe("the tool's arguments"),
  cwd: z.string().min(1).optional(),
});
type McpRequest = z.infer<typeof McpRequest>;

/** What a case asks: a `check --jsonl` request, or an MCP tool call. */
export type CaseRequest = CheckRequest | McpRequest;

export function isMcp(req: CaseRequest): req is McpRequest {
  return req.tool.startsWith("mcp__");
}

/** `mcp__github__create_issue` -> server github, tool create_issue. */
export function mcpName(tool: string): { server: string; tool: string } {
  const rest = tool.slice("mcp__".length);
  const cut = rest.indexOf("__");
  return { server: rest.slice(0, cut), tool: rest.slice(cut + 2) };
}

export interface TestCase {
  readonly name: string;
  /** 1-based position in the table. */
  readonly index: number;
  readonly request: CaseRequest;
  readonly extras: z.infer<typeof CaseExtras>;
}

export interface CaseTable {
  readonly file: string;
  readonly config: z.input<typeof Config> | undefined;
  readonly cases: readonly TestCase[];
  /** Problems reading the file or its cases: each one is a failure. */
  readonly problems: readonly string[];
}

const TableFile = z.union([
  z.array(z.unknown()),
  z.strictObject({
    description: z.string().optional(),
    config: z.unknown().optional().describe("replaces .infragate/config.json for these cases"),
    cases: z.array(z.unknown()),
  }),
]);

function caseLabel(req: CaseRequest): string {
  if (isMcp(req)) return req.tool;
  return req.tool === "Bash" ? req.command : `${req.tool} ${req.file_path}`;
}

/** One raw case -> a TestCase, or the problem with it. */
function parseCase(raw: unknown, index: number): TestCase | string {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return `case ${index}: expected an object`;
  const extras: Record<string, unknown> = {};
  const request: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) (EXTRA_KEYS.has(k) ? extras : request)[k] = v;
  if (request.tool === undefined && typeof request.command === "string") request.tool = "Bash";
  const e = CaseExtras.safeParse(extras);
  if (!e.success) return `case ${index}: ${z.prettifyError(e.error)}`;
  if (typeof request.tool === "string" && request.tool.startsWith("mcp__")) {
    const m = McpRequest.safeParse(request);
    if (!m.success) return `case ${index}: ${z.prettifyError(m.error)}`;
    if (e.data.expect === "allow" && (e.data.policies?.length ?? 0) > 0) return `case ${index}: policies can only be expected with deny or ask`;
    return { name: e.data.name ?? caseLabel(m.data), index, request: m.data, extras: e.data };
  }
  const r = CheckRequest.safeParse(request);
  if (!r.success) return `case ${index}: ${z.prettifyError(r.error)}`;
  const allowed = new Set(Object.keys(r.data));
  const unknown = Object.keys(request).filter((k) => !allowed.has(k) && k !== "tool");
  if (unknown.length > 0) return `case ${index}: unknown field(s) ${unknown.join(", ")} for tool ${r.data.tool}`;
  if (e.data.expect === "allow" && (e.data.policies?.length ?? 0) > 0) {
    return `case ${index}: policies can only be expected with deny or ask (an allow names no deciding policy)`;
  }
  return { name: e.data.name ?? caseLabel(r.data), index, request: r.data, extras: e.data };
}

function parseTableText(text: string, file: string): CaseTable {
  let data: unknown;
  try {
    data = /\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    return { file, config: undefined, cases: [], problems: [`cannot parse: ${(err as Error).message}`] };
  }
  const table = TableFile.safeParse(data);
  if (!table.success) {
    return { file, config: undefined, cases: [], problems: [`expected a list of cases or {config?, cases}: ${z.prettifyError(table.error)}`] };
  }
  const rawCases = Array.isArray(table.data) ? table.data : table.data.cases;
  const problems: string[] = [];
  let config: z.input<typeof Config> | undefined;
  if (!Array.isArray(table.data) && table.data.config !== undefined) {
    const c = Config.safeParse(table.data.config);
    if (c.success) config = table.data.config as z.input<typeof Config>;
    else problems.push(`config: ${z.prettifyError(c.error)}`);
  }
  const cases: TestCase[] = [];
  rawCases.forEach((raw, i) => {
    const parsed = parseCase(raw, i + 1);
    if (typeof parsed === "string") problems.push(parsed);
    else cases.push(parsed);
  });
  if (rawCases.length === 0) problems.push("the table has no cases");
  return { file, config, cases, problems };
}

export function readTable(file: string): CaseTable {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    return { file, config: undefined, cases: [], problems: [`cannot read: ${(err as Error).message}`] };
  }
  return parseTableText(text, file);
}

export const TABLE_PATTERN = /\.(ya?ml|json)$/i;
export const USER_TABLE_PATTERN = /\.test\.(ya?ml|json)$/i;

/** Table files in a folder, sorted; none when the folder is missing. */
export function findTables(dir: string, pattern: RegExp = USER_TABLE_PATTERN): string[] {
  try {
    return fs
      .readdirSync(dir)
      .filter((n) => pattern.test(n))
      .sort()
      .map((n) => path.join(dir, n));
  } catch {
    return [];
  }
}
