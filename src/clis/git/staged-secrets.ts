/** The staged change of a commit (`infragate hook git`): secret-looking values in added lines (a kind, where, a
 *  redacted preview) become git.staged-secret requests (policies/commit.cedar). Linear-time regexes only. */
import path from "node:path";
import { AWS_ACCESS_KEY_ID, GITHUB_TOKEN, PRIVATE_KEY_BEGIN, SLACK_TOKEN } from "../../util/secret-patterns.js";
import type { Operation } from "../types.js";

export interface SecretHit {
  readonly kind: string;
  readonly file: string;
  /** 1-based line number in the staged file. */
  readonly line: number;
  /** The line with the value masked (never the value itself). */
  readonly preview: string;
  /** The value is a documented placeholder (AWS's ...EXAMPLE keys, all-X values). */
  readonly placeholder: boolean;
}

interface Rule {
  readonly kind: string;
  readonly re: RegExp;
}

const RULES: readonly Rule[] = [
  { kind: "private-key", re: PRIVATE_KEY_BEGIN },
  { kind: "aws-access-key-id", re: AWS_ACCESS_KEY_ID },
  { kind: "aws-secret-access-key", re: /aws_?secret_?access_?key["']?\s{0,4}[:=]\s{0,4}["']?[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/i },
  { kind: "github-token", re: GITHUB_TOKEN },
  { kind: "slack-token", re: SLACK_TOKEN },
  { kind: "google-api-key", re: /(?<![A-Za-z0-9])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/ },
  { kind: "stripe-live-key", re: /(?<![A-Za-z0-9])(?:sk|rk)_live_[0-9A-Za-z]{20,255}/ },
  { kind: "terraform-cloud-token", re: /(?<![A-Za-z0-9])[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_-]{60,255}/ },
];

function isPlaceholder(value: string): boolean {
  return /EXAMPLE/i.test(value) || /^(?:AKIA|ASIA)?X{10,}$/i.test(value) || /(.)\1{15,}/.test(value);
}

function mask(line: string, value: string): string {
  const shown = value.length > 8 ? `${value.slice(0, 4)}…` : "…";
  const text = line.replace(value, `${shown}[REDACTED]`);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

/** Scan one added line. A line longer than 64 KiB is scanned in its first 64 KiB only. */
export function scanLine(file: string, line: number, text: string): SecretHit[] {
  const hits: SecretHit[] = [];
  const t = text.length > 65536 ? text.slice(0, 65536) : text;
  for (const rule of RULES) {
    const m = rule.re.exec(t);
    if (!m) continue;
    hits.push({ kind: rule.kind, file, line, preview: mask(t.trim(), m[0]), placeholder: isPlaceholder(m[0]) });
  }
  return hits;
}

/** Added lines per file from `git diff --cached -U0` output. */
export function addedLines(diff: string): { file: string; line: number; text: string }[] {
  const out: { file: string; line: number; text: string }[] = [];
  let file = "";
  let next = 0;
  for (const raw of diff.split("\n")) {
    if (raw.startsWith("+++ ")) {
      const name = raw.slice(4).replace(/\t$/, "");
      file = name === "/dev/null" ? "" : name.replace(/^"?b\//, "").replace(/"$/, "");
      continue;
    }
    if (raw.startsWith("@@")) {
      const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(raw);
      next = m ? Number(m[1]) : 0;
      continue;
    }
    if (raw.startsWith("+") && file !== "" && next > 0) {
      out.push({ file, line: next, text: raw.slice(1) });
      next++;
    }
  }
  return out;
}

export function scanDiff(diff: string): SecretHit[] {
  return addedLines(diff).flatMap((l) => scanLine(l.file, l.line, l.text));
}

/** One git.staged-secret request per secret-looking value added by the staged diff of the repository at `root`. */
export function stagedSecretOperations(diff: string, root: string): Operation[] {
  return scanDiff(diff).map((hit) => ({
    action: "git.staged-secret",
    resource: { type: "File", path: path.join(root, hit.file) },
    context: { kind: hit.kind, file: hit.file, line: hit.line, placeholder: hit.placeholder },
    summary: `${hit.file}:${hit.line}: ${hit.kind} (${hit.preview})`,
  }));
}
