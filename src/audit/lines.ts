/** Reads the log back, line by line, through the zod schema. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { AuditEntrySchema, type AuditEntry } from "./schema.js";
import type { LogFileName } from "./files.js";

type LogLine =
  | { readonly file: string; readonly line: number; readonly ok: true; readonly raw: Record<string, unknown>; readonly entry: AuditEntry }
  | { readonly file: string; readonly line: number; readonly ok: false; readonly raw?: Record<string, unknown>; readonly error: string };

/** Parses one stored line: JSON, then the entry schema. */
export function parseLine(text: string): { ok: true; raw: Record<string, unknown>; entry: AuditEntry } | { ok: false; raw?: Record<string, unknown>; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: "not valid JSON (a torn or hand-edited line)" };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, error: "not a JSON object" };
  }
  const raw = value as Record<string, unknown>;
  const parsed = AuditEntrySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join(".") : "entry";
    return { ok: false, raw, error: `does not match the entry schema (${where}: ${issue?.message ?? "invalid"})` };
  }
  return { ok: true, raw, entry: parsed.data };
}

/** Every line of every file in chain order; line numbers are 1-based. A final empty line is not a line. */
export async function* readLogLines(dir: string, files: readonly LogFileName[]): AsyncGenerator<LogLine> {
  for (const f of files) {
    const text = await readFile(join(dir, f.name), "utf8");
    const lines = text.split("\n");
    if (lines[lines.length - 1] === "") lines.pop();
    for (let i = 0; i < lines.length; i++) {
      const parsed = parseLine(lines[i] as string);
      yield { file: f.name, line: i + 1, ...parsed };
    }
  }
}
