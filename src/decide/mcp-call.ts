/** An MCP tool call as requests: mcp.call with what the tool's name says, plus what its input carries
 *  (commands analysed like a Bash call, SQL like a database client's, paths as file actions). */
import { PROGRAM_NAMES } from "../clis/registry.js";
import type { Operation } from "../clis/types.js";
import { diskScriptReader } from "../enrich/script-files.js";
import { analyzeShell } from "../shell/analyze.js";
import type { Env, FileEffect } from "../shell/types.js";
import { describeAction, type GateAction } from "./action.js";
import { mcpSqlOperation, readMcpInput, toolVerb } from "./mcp-input.js";
import { shellOperations } from "./shell-ops.js";

/** A tool's input as facts: its top-level keys, and its JSON (truncated, for messages and coarse rules). */
export function toolInputFacts(raw: unknown): { inputKeys: string[]; input: string } {
  let input = "";
  try {
    input = JSON.stringify(raw) ?? "";
  } catch {
    input = "(unserialisable input)";
  }
  const inputKeys = raw && typeof raw === "object" ? Object.keys(raw) : [];
  return { inputKeys, input: input.length > 4096 ? input.slice(0, 4096) : input };
}

export function mcpOperations(action: Extract<GateAction, { kind: "mcp" }>, env: Env): { operations: Operation[]; files: FileEffect[]; problems: string[] } {
  const input = readMcpInput(action.tool, action.input, action.cwd);
  const operations: Operation[] = [];
  const files: FileEffect[] = [...input.files];
  const problems: string[] = [];
  for (const command of input.commands) {
    const analysis = analyzeShell(command, { cwd: action.cwd, env, names: PROGRAM_NAMES, scripts: diskScriptReader });
    const ops = shellOperations(command, analysis);
    operations.push(...ops.operations);
    files.push(...ops.files);
    problems.push(...analysis.problems);
  }
  for (const sql of input.sql) operations.push(mcpSqlOperation(action.server, action.tool, sql, action.cwd));
  const verb = toolVerb(action.tool);
  operations.unshift({
    action: "mcp.call",
    resource: { type: "McpTool", server: action.server, tool: action.tool },
    context: { ...toolInputFacts(action.input), verb, changes: verb !== "read" && verb !== "unknown", analysed: operations.length + files.length > 0 },
    summary: describeAction(action),
  });
  return { operations, files, problems };
}
