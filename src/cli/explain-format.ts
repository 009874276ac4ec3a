/** Human output of `infragate explain`: sections for commands, files, requests and the decision.
 *  Plain text when NO_COLOR is set or stdout is not a TTY. */
import type { CedarValue } from "../policy/types.js";
import type { EntityData, Uid } from "../policy/types.js";
import type { Explanation, ExplainedCommand, ExplainedRequest } from "./explanation.js";
import { useColor } from "./format.js";

type Paint = (code: string, text: string) => string;

const DECISION_COLOR = { allow: "32", ask: "33", deny: "31" } as const;

function uid(u: Uid): string {
  return `${u.type}::${JSON.stringify(u.id)}`;
}

/** A Cedar value on one line: sets as [a, b], records as {k: v}. */
function valueText(v: CedarValue): string {
  if (Array.isArray(v)) return `[${v.map((x) => valueText(x as CedarValue)).join(", ")}]`;
  if (v !== null && typeof v === "object") {
    return `{${Object.entries(v as Record<string, CedarValue>).map(([k, x]) => `${k}: ${valueText(x)}`).join(", ")}}`;
  }
  return typeof v === "string" ? JSON.stringify(v) : String(v);
}

function recordLines(rec: Readonly<Record<string, CedarValue>>, pad: string): string[] {
  const keys = Object.keys(rec);
  const width = Math.min(18, Math.max(0, ...keys.map((k) => k.length)));
  return keys.map((k) => `${pad}${k.padEnd(width)}  ${valueText(rec[k] as CedarValue)}`);
}

function commandLines(c: ExplainedCommand, i: number, paint: Paint): string[] {
  const out = [`  ${i + 1}. ${paint("1", c.text)}`];
  out.push(`       program   ${c.program || "(unresolved)"}`);
  out.push(`       argv      ${JSON.stringify(c.argv)}`);
  out.push(`       cwd       ${c.cwd}`);
  const flags = [`depth ${c.depth}`, `stdin ${c.stdin}`, ...(c.unresolved ? ["unresolved"] : []), ...(c.inlineCode ? ["inline code"] : [])];
  out.push(`       facts     ${flags.join(", ")}`);
  if (c.wrappers.length > 0) out.push(`       wrappers  ${c.wrappers.join(" > ")} (removed)`);
  if (c.via.length > 0) out.push(`       via       ${c.via.join(" -> ")} (project scripts followed)`);
  for (const e of c.env) out.push(`       env       ${e.name}=${e.value}${e.from === "line" ? " (set on the line)" : " (inherited)"}`);
  return out;
}

function entityLines(e: EntityData, role: string): string[] {
  const parents = e.parents.length > 0 ? ` in ${e.parents.map(uid).join(", ")}` : "";
  return [`       ${role.padEnd(10)}${uid(e.uid)}${parents}`, ...recordLines(e.attrs, "                   ")];
}

function requestLines(r: ExplainedRequest, i: number, paint: Paint): string[] {
  const word = r.decision.toUpperCase();
  const out = [`  ${i + 1}. ${paint("1", r.request.action.id)}  ${r.summary}  -> ${paint(DECISION_COLOR[r.decision], word)}`];
  const find = (u: Uid): EntityData | undefined => r.entities.find((e) => e.uid.type === u.type && e.uid.id === u.id);
  const principal = find(r.request.principal);
  const resource = find(r.request.resource);
  out.push(`       principal ${uid(r.request.principal)}${principal ? ` ${valueText(principal.attrs)}` : ""}`);
  out.push(`       action    ${uid(r.request.action)}`);
  out.push(...(resource ? entityLines(resource, "resource") : [`       resource  ${uid(r.request.resource)}`]));
  out.push("       context");
  out.push(...recordLines(r.request.context, "         "));
  if (r.matched.length === 0) out.push("       policies  none matched");
  for (const m of r.matched) {
    const tag = m.deciding ? paint(DECISION_COLOR[m.says === "permit" ? "allow" : m.says], `${m.says} (decides)`) : m.says;
    out.push(`       policy    ${m.id} ${tag}  ${m.source}`);
    out.push(`                 ${m.reason}`);
  }
  for (const e of r.errors) out.push(`       error     ${paint("31", e)}`);
  return out;
}

export function formatExplain(x: Explanation, env: Readonly<Record<string, string | undefined>>): string {
  const color = useColor(env);
  const paint: Paint = (code, text) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const out: string[] = [];
  out.push(`${paint("1", "action")}     ${x.action}`);
  out.push(`workspace  ${x.workspace}`);
  out.push(`agent      ${x.agent.name} (mode ${x.agent.mode})`);
  if (x.commands.length > 0) {
    out.push("", paint("1", `simple commands (${x.commands.length})`));
    x.commands.forEach((c, i) => out.push(...commandLines(c, i, paint)));
  }
  if (x.files.length > 0) {
    out.push("", paint("1", `file effects (${x.files.length})`));
    for (const f of x.files) {
      const members = f.archive ? ` from ${f.archive}${f.membersKnown ? ` (${f.members?.length ?? 0} members)` : " (members unknown)"}` : "";
      out.push(`  ${f.op.padEnd(6)} ${f.path}  via ${f.via}${members}`);
    }
  }
  out.push("", paint("1", `Cedar requests (${x.requests.length})`));
  x.requests.forEach((r, i) => out.push(...requestLines(r, i, paint)));
  if (x.problems.length > 0) {
    out.push("", paint("1", "problems"));
    for (const p of x.problems) out.push(`  ${p}`);
  }
  out.push("", `${paint("1", "decision")}   ${paint(DECISION_COLOR[x.decision], x.decision.toUpperCase())}${x.policies.length > 0 ? ` by ${x.policies.join(", ")}` : ""}`);
  out.push(...x.reason.split("\n").map((l) => `  ${l}`));
  return `${out.join("\n")}\n`;
}
