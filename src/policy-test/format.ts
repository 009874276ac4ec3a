/** Reports for `policy test`: a line per failure with a diff of expected and actual, then a summary. */
import path from "node:path";
import type { CaseResult, Summary, TableResult } from "./run.js";
import { isMcp } from "./table.js";

interface Style {
  readonly color: boolean;
  /** Paths are shown relative to this folder. */
  readonly base: string;
}

const paint = (on: boolean, code: string, text: string): string => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

function describeRequest(r: CaseResult["request"]): string {
  if (isMcp(r)) return `${r.tool} ${JSON.stringify(r.input ?? {})}`;
  const where = r.cwd ? ` (cwd ${r.cwd})` : "";
  return r.tool === "Bash" ? `Bash: ${r.command}${where}` : `${r.tool} ${r.file_path}${where}`;
}

function decisionText(d: { decision: string; policies: readonly string[] }): string {
  return d.policies.length > 0 ? `${d.decision} by ${d.policies.join(", ")}` : d.decision;
}

function indent(text: string, pad: string): string {
  return text.split("\n").join(`\n${pad}`);
}

export function formatFailure(r: CaseResult, style: Style): string {
  const file = path.relative(style.base, r.file) || r.file;
  const lines = [
    `${paint(style.color, "31", "FAIL")} ${file} #${r.index} ${JSON.stringify(r.name)}`,
    `    request   ${describeRequest(r.request)}`,
    paint(style.color, "32", `  - expected  ${decisionText(r.expected)}`),
    paint(style.color, "31", `  + actual    ${decisionText(r.actual)}`),
    `    reason    ${indent(r.reason, "              ")}`,
  ];
  for (const f of r.failures) lines.push(`    why       ${f}`);
  return lines.join("\n");
}

export function formatReport(tables: readonly TableResult[], summary: Summary, style: Style): string {
  const out: string[] = [];
  for (const t of tables) {
    const file = path.relative(style.base, t.file) || t.file;
    for (const p of t.problems) out.push(`${paint(style.color, "31", "ERROR")} ${file}: ${p}`);
    for (const r of t.results) if (!r.ok) out.push(formatFailure(r, style));
    const passed = t.results.filter((r) => r.ok).length;
    out.push(`${passed === t.results.length && t.problems.length === 0 ? paint(style.color, "32", "ok  ") : paint(style.color, "31", "FAIL")} ${file}: ${passed}/${t.results.length} cases pass`);
  }
  const total = summary.passed + summary.failed;
  const head = summary.failed === 0 && summary.problems === 0 ? paint(style.color, "32", "PASS") : paint(style.color, "31", "FAIL");
  out.push(`${head}: ${summary.passed}/${total} cases pass in ${tables.length} table(s)${summary.problems > 0 ? `, ${summary.problems} table problem(s)` : ""}`);
  return `${out.join("\n")}\n`;
}
