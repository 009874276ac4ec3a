/**
 * Verifies the whole chain: every line parses and matches the schema, every hash recomputes, every
 * `prev` is the hash of the entry before it (across files), and seq goes up by exactly one from 1.
 *
 * What each kind of tampering looks like:
 * - an edited field: that entry's hash no longer recomputes ("hash");
 * - an edited entry whose hash was recomputed, a deleted, inserted or reordered entry: the next
 *   entry's `prev` no longer matches ("prev"), usually with a seq jump ("seq");
 * - deleted leading entries or files: the first entry does not start the chain ("genesis");
 * - truncation of the end, or a rewrite of the end with recomputed hashes: invisible to the chain
 *   itself, caught by an anchored head. If the anchored hash is in the log (at the end or earlier:
 *   entries appended after anchoring are fine) the anchor holds; if it is absent, the log was
 *   truncated or rewritten ("anchor"). `head.json` is checked the same way, as a local anchor.
 */
import { resolve } from "node:path";
import { auditDir, listLogFiles } from "./files.js";
import { entryHash, GENESIS_HASH } from "./hash.js";
import { readHeadFile, type Head } from "./head.js";
import { readLogLines } from "./lines.js";
import { HashSchema } from "./schema.js";

export type ProblemKind = "parse" | "schema" | "hash" | "prev" | "seq" | "genesis" | "anchor" | "head-file" | "io";

export interface VerifyProblem {
  readonly kind: ProblemKind;
  /** Log file name ("" for problems not tied to a line). */
  readonly file: string;
  /** 1-based line within the file (0 when not tied to a line). */
  readonly line: number;
  readonly seq?: number;
  readonly message: string;
}

export interface AnchorCheck {
  readonly hash: string;
  readonly found: boolean;
  readonly seq?: number;
  readonly file?: string;
  readonly line?: number;
  /** Entries appended after the anchored one. */
  readonly entriesAfter?: number;
}

export interface VerifyResult {
  readonly ok: boolean;
  /** Lines examined (valid or not). */
  readonly entries: number;
  readonly files: string[];
  /** The last valid entry, or undefined for an empty log. */
  readonly head?: Head & { readonly line: number };
  readonly anchor?: AnchorCheck;
  /** In log order; the first one is where the chain broke. At most `MAX_PROBLEMS`. */
  readonly problems: VerifyProblem[];
  /** More problems were found than listed. */
  readonly moreProblems: boolean;
}

export interface VerifyOptions {
  /** A head hash recorded elsewhere (`infragate audit head`): it must still be in the log. */
  readonly head?: string;
}

export const MAX_PROBLEMS = 100;

export async function verifyAudit(home: string, options: VerifyOptions = {}): Promise<VerifyResult> {
  const problems: VerifyProblem[] = [];
  let moreProblems = false;
  const report = (p: VerifyProblem): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
    else moreProblems = true;
  };

  if (options.head !== undefined && !HashSchema.safeParse(options.head).success) {
    throw new TypeError("verifyAudit: head must be 64 lowercase hex characters");
  }
  const dir = auditDir(resolve(home));
  const files = listLogFiles(dir);
  const wanted = new Set<string>();
  if (options.head) wanted.add(options.head);
  const hint = readHeadFile(dir);
  if (hint && hint.seq > 0) wanted.add(hint.hash);
  const seen = new Map<string, { seq: number; file: string; line: number; index: number }>();

  let count = 0;
  let last: { seq: number; hash: string; file: string; line: number } | undefined;
  try {
    for await (const l of readLogLines(dir, files)) {
      count++;
      if (!l.ok) {
        report({ kind: l.raw ? "schema" : "parse", file: l.file, line: l.line, ...seqOf(l.raw), message: `${where(l.file, l.line)} ${l.error}` });
        continue;
      }
      const e = l.entry;
      const at = `${where(l.file, l.line)} (seq ${e.seq})`;
      const recomputed = entryHash(l.raw);
      if (recomputed !== e.hash) {
        report({ kind: "hash", file: l.file, line: l.line, seq: e.seq, message: `${at}: stored hash does not match its content: the entry was edited` });
      }
      if (!last && count > 1) {
        report({
          kind: "prev", file: l.file, line: l.line, seq: e.seq,
          message: `${at}: cannot be linked to the start of the chain: every line before it is unreadable`,
        });
      } else if (!last) {
        if (e.prev !== GENESIS_HASH || e.seq !== 1) {
          report({
            kind: "genesis", file: l.file, line: l.line, seq: e.seq,
            message: `${at}: the log starts at seq ${e.seq} with a non-genesis prev: earlier entries or files were deleted`,
          });
        }
      } else {
        const reasons: string[] = [];
        let kind: ProblemKind = "prev";
        if (e.prev !== last.hash) {
          reasons.push(`prev does not match the hash of the preceding entry (seq ${last.seq} at ${where(last.file, last.line)}): an entry before it was deleted, inserted, reordered or rewritten`);
        }
        if (e.seq !== last.seq + 1) {
          if (reasons.length === 0) kind = "seq";
          const gap = e.seq > last.seq + 1 ? `${e.seq - last.seq - 1} missing` : "out of order or repeated";
          reasons.push(`seq goes from ${last.seq} to ${e.seq} (${gap})`);
        }
        if (reasons.length > 0) report({ kind, file: l.file, line: l.line, seq: e.seq, message: `${at}: ${reasons.join("; ")}` });
      }
      if (wanted.has(e.hash) && !seen.has(e.hash)) seen.set(e.hash, { seq: e.seq, file: l.file, line: l.line, index: count });
      last = { seq: e.seq, hash: e.hash, file: l.file, line: l.line };
    }
  } catch (err) {
    report({ kind: "io", file: "", line: 0, message: `could not read the log: ${err instanceof Error ? err.message : String(err)}` });
  }

  let anchor: AnchorCheck | undefined;
  if (options.head) {
    const hit = seen.get(options.head);
    anchor = hit
      ? { hash: options.head, found: true, seq: hit.seq, file: hit.file, line: hit.line, entriesAfter: count - hit.index }
      : { hash: options.head, found: false };
    if (!hit) {
      report({ kind: "anchor", file: "", line: 0, message: `the anchored head ${options.head} is not in the log: the log was truncated or rewritten after it was anchored` });
    }
  }
  if (hint && hint.seq > 0 && !seen.has(hint.hash)) {
    report({
      kind: "head-file", file: "", line: 0, seq: hint.seq,
      message: `head.json records seq ${hint.seq} (${hint.hash}) which is not in the log: the log was truncated or rewritten`,
    });
  }

  return {
    ok: problems.length === 0 && !moreProblems,
    entries: count,
    files: files.map((f) => f.name),
    ...(last ? { head: { seq: last.seq, hash: last.hash, file: last.file, line: last.line } } : {}),
    ...(anchor ? { anchor } : {}),
    problems,
    moreProblems,
  };
}

function where(file: string, line: number): string {
  return `${file}:${line}`;
}

function seqOf(raw: Record<string, unknown> | undefined): { seq?: number } {
  return raw && typeof raw.seq === "number" ? { seq: raw.seq } : {};
}
