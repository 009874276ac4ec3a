import { readFile, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { AuditInput } from "../../src/audit/index.js";
import { listLogFiles } from "../../src/audit/files.js";
import { tempDirAsync } from "../support/temp.js";

export async function tempHome(): Promise<string> {
  return tempDirAsync("infragate-audit-");
}

export async function removeHome(home: string): Promise<void> {
  await rm(home, { recursive: true, force: true });
}

export function input(overrides: Partial<AuditInput> = {}): AuditInput {
  return {
    agent: "claude-code",
    session: "sess-1",
    cwd: "/work/infra",
    tool: "Bash",
    action: "terraform plan",
    facts: { program: "terraform", operation: "plan" },
    decision: "allow",
    policies: ["baseline.permit"],
    reason: "read-only plan",
    ...overrides,
  };
}

/** Log file names in chain order. */
export async function logFiles(home: string): Promise<string[]> {
  return listLogFiles(join(home, "audit")).map((f) => f.name);
}

export async function readLines(home: string, file: string): Promise<string[]> {
  const text = await readFile(join(home, "audit", file), "utf8");
  return text.split("\n").filter((l) => l !== "");
}

export async function writeLines(home: string, file: string, lines: readonly string[]): Promise<void> {
  await writeFile(join(home, "audit", file), lines.map((l) => `${l}\n`).join(""));
}

/** Everything stored under <home>/audit, concatenated, for grepping secrets. */
export async function rawLog(home: string): Promise<string> {
  const dir = join(home, "audit");
  const names = await readdir(dir);
  const parts = await Promise.all(names.map((n) => readFile(join(dir, n), "utf8").catch(() => "")));
  return parts.join("\n");
}
