/** Human output for verdicts: plain when NO_COLOR is set or stdout is not a TTY. */
import type { Decided } from "../decide/index.js";

export function useColor(env: Readonly<Record<string, string | undefined>>): boolean {
  return !env.NO_COLOR && process.stdout.isTTY === true && env.TERM !== "dumb";
}

const COLORS = { allow: "\u001b[32m", ask: "\u001b[33m", deny: "\u001b[31m" } as const;

export function formatVerdict(result: Decided, env: Readonly<Record<string, string | undefined>>): string {
  const word = result.decision.toUpperCase();
  const head = useColor(env) ? `${COLORS[result.decision]}${word}\u001b[0m` : word;
  const lines = [`${head}: ${result.reason}`];
  for (const p of result.problems) lines.push(`  problem: ${p}`);
  return `${lines.join("\n")}\n`;
}
