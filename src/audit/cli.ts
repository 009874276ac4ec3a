/**
 * `infragate audit verify|head|show` handlers. Plain functions: args after the verb, an io with
 * output callbacks and the environment (INFRAGATE_HOME resolved by the caller). They return the
 * exit code: 0 success, 1 a broken log (verify), 2 bad usage.
 */
import { resolve } from "node:path";
import { auditDir, listLogFiles } from "./files.js";
import { readHeadFile, readTail } from "./head.js";
import { readAudit, type AuditFilter } from "./read.js";
import { DecisionSchema, HashSchema, type AuditEntry } from "./schema.js";
import { verifyAudit, type VerifyResult } from "./verify.js";
import { parseArgs } from "../util/args.js";

export interface AuditIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export type AuditVerb = (args: readonly string[], io: AuditIo) => Promise<number>;

const EXIT_OK = 0;
const EXIT_BROKEN = 1;
const EXIT_USAGE = 2;

export const AUDIT_USAGE = `usage: infragate audit <verify|head|show> [options]

  verify [--head HASH] [--json]   check the hash chain; exit 0 valid, 1 broken, 2 bad usage
  head [--json]                   print the last entry's seq and hash, to anchor elsewhere
  show [filters] [--json]         list entries (filters: --decision, --agent, --since, --until, --limit)

The log lives in $INFRAGATE_HOME/audit. Docs: docs/audit.md`;

const VERIFY_USAGE = `usage: infragate audit verify [--head HASH] [--json]

Recomputes every entry's hash and checks the prev links and seq continuity across all files.
  --head HASH   a head hash anchored elsewhere (from 'infragate audit head'): it must still be
                in the log, otherwise the log was truncated or rewritten
  --json        print the full result as JSON
Exit 0 valid, 1 broken (the first problem names the file, line and seq), 2 bad usage.`;

const HEAD_USAGE = `usage: infragate audit head [--json]

Prints the seq and hash of the last entry. Store the hash somewhere the agent cannot write
(a ticket, a chat message, another machine) and later run 'infragate audit verify --head HASH'.`;

const SHOW_USAGE = `usage: infragate audit show [--decision allow|ask|deny] [--agent NAME] [--since ISO] [--until ISO] [--limit N] [--json]

Lists entries oldest first (--limit keeps the newest N). --since is inclusive, --until exclusive.
--json prints one stored entry per line.`;

/** `infragate audit <verb> ...` */
export const runAudit: AuditVerb = async (args, io) => {
  const [verb, ...rest] = args;
  switch (verb) {
    case "verify":
      return runAuditVerify(rest, io);
    case "head":
      return runAuditHead(rest, io);
    case "show":
      return runAuditShow(rest, io);
    case "--help":
    case "-h":
    case "help":
      io.stdout(`${AUDIT_USAGE}\n`);
      return EXIT_OK;
    default:
      io.stderr(`${verb ? `infragate audit: unknown verb '${verb}'\n\n` : ""}${AUDIT_USAGE}\n`);
      return EXIT_USAGE;
  }
};

/** `infragate audit verify [--head HASH] [--json]` */
export const runAuditVerify: AuditVerb = async (args, io) => {
  const parsed = parseFlags(args, { "--head": "value", "--json": "bool" }, io, VERIFY_USAGE);
  if (parsed === "help") return EXIT_OK;
  if (!parsed) return EXIT_USAGE;
  const home = requireHome(io);
  if (!home) return EXIT_USAGE;
  const head = parsed.values["--head"]?.toLowerCase();
  if (head !== undefined && !HashSchema.safeParse(head).success) {
    io.stderr(`infragate audit verify: --head must be a 64-character hex SHA-256 hash\n`);
    return EXIT_USAGE;
  }
  let result: VerifyResult;
  try {
    result = await verifyAudit(home, head ? { head } : {});
  } catch (err) {
    io.stderr(`infragate audit verify: ${errorText(err)}\n`);
    return EXIT_BROKEN;
  }
  if (parsed.flags.has("--json")) {
    io.stdout(`${JSON.stringify(result)}\n`);
  } else {
    io.stdout(formatVerify(result));
  }
  return result.ok ? EXIT_OK : EXIT_BROKEN;
};

function formatVerify(r: VerifyResult): string {
  const lines: string[] = [];
  const files = `${r.files.length} file${r.files.length === 1 ? "" : "s"}`;
  if (r.ok) {
    lines.push(`audit log OK: ${r.entries} entries in ${files}`);
  } else {
    lines.push(`audit log BROKEN: ${r.problems.length}${r.moreProblems ? "+" : ""} problem(s) in ${r.entries} entries, ${files}`);
    for (const p of r.problems) lines.push(`  [${p.kind}] ${p.message}`);
    if (r.moreProblems) lines.push("  ... more problems not listed");
  }
  if (r.head) lines.push(`head: seq ${r.head.seq} ${r.head.hash} (${r.head.file}:${r.head.line})`);
  if (r.anchor?.found) {
    lines.push(`anchor ${r.anchor.hash} found at seq ${r.anchor.seq} (${r.anchor.entriesAfter} entries after it)`);
  }
  return `${lines.join("\n")}\n`;
}

/** `infragate audit head [--json]` */
export const runAuditHead: AuditVerb = async (args, io) => {
  const parsed = parseFlags(args, { "--json": "bool" }, io, HEAD_USAGE);
  if (parsed === "help") return EXIT_OK;
  if (!parsed) return EXIT_USAGE;
  const home = requireHome(io);
  if (!home) return EXIT_USAGE;
  try {
    const dir = auditDir(resolve(home));
    const { head } = readTail(dir, listLogFiles(dir));
    const hint = readHeadFile(dir);
    if (hint && (hint.seq !== head.seq || hint.hash !== head.hash)) {
      io.stderr(`warning: head.json (seq ${hint.seq}) disagrees with the log (seq ${head.seq}); run 'infragate audit verify'\n`);
    }
    if (parsed.flags.has("--json")) {
      io.stdout(`${JSON.stringify({ seq: head.seq, hash: head.hash, file: head.file })}\n`);
    } else {
      io.stdout(head.seq === 0 ? `seq 0 ${head.hash} (empty log)\n` : `seq ${head.seq} ${head.hash}\n`);
    }
    return EXIT_OK;
  } catch (err) {
    io.stderr(`infragate audit head: ${errorText(err)}\n`);
    return EXIT_BROKEN;
  }
};

/** `infragate audit show [filters] [--json]` */
export const runAuditShow: AuditVerb = async (args, io) => {
  const parsed = parseFlags(
    args,
    { "--decision": "value", "--agent": "value", "--since": "value", "--until": "value", "--limit": "value", "--json": "bool" },
    io,
    SHOW_USAGE,
  );
  if (parsed === "help") return EXIT_OK;
  if (!parsed) return EXIT_USAGE;
  const filter = showFilter(parsed.values, io);
  if (!filter) return EXIT_USAGE;
  const home = requireHome(io);
  if (!home) return EXIT_USAGE;
  let entries: AuditEntry[];
  let invalidLines: number;
  try {
    ({ entries, invalidLines } = await readAudit(home, filter));
  } catch (err) {
    io.stderr(`infragate audit show: ${errorText(err)}\n`);
    return EXIT_BROKEN;
  }
  if (invalidLines > 0) {
    io.stderr(`warning: ${invalidLines} line(s) could not be read and were skipped; run 'infragate audit verify'\n`);
  }
  if (parsed.flags.has("--json")) {
    io.stdout(entries.map((e) => `${JSON.stringify(e)}\n`).join(""));
  } else {
    io.stdout(formatTable(entries));
  }
  return EXIT_OK;
};

function showFilter(values: Readonly<Record<string, string>>, io: AuditIo): AuditFilter | undefined {
  const filter: { -readonly [K in keyof AuditFilter]: AuditFilter[K] } = {};
  const decision = values["--decision"];
  if (decision !== undefined) {
    const d = DecisionSchema.safeParse(decision);
    if (!d.success) return usageError(io, `--decision must be allow, ask or deny (got '${decision}')`);
    filter.decision = d.data;
  }
  if (values["--agent"] !== undefined) filter.agent = values["--agent"];
  for (const key of ["--since", "--until"] as const) {
    const v = values[key];
    if (v === undefined) continue;
    if (Number.isNaN(Date.parse(v))) return usageError(io, `${key} must be an ISO time (got '${v}')`);
    filter[key === "--since" ? "since" : "until"] = v;
  }
  const limit = values["--limit"];
  if (limit !== undefined) {
    if (!/^\d{1,9}$/.test(limit)) return usageError(io, `--limit must be a non-negative integer (got '${limit}')`);
    filter.limit = Number(limit);
  }
  return filter;
}

function formatTable(entries: readonly AuditEntry[]): string {
  if (entries.length === 0) return "no entries\n";
  const rows = entries.map((e) => [
    String(e.seq),
    e.time,
    e.decision,
    e.agent,
    e.tool,
    clip(e.action.replace(/\s+/g, " "), 70),
    e.policies.join(",") || "-",
  ]);
  const header = ["SEQ", "TIME", "DECISION", "AGENT", "TOOL", "ACTION", "POLICIES"];
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] as string).length)));
  return `${all.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] as number))).join("  ")).join("\n")}\n`;
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 3)}...`;
}

interface Flags {
  readonly flags: Set<string>;
  readonly values: Record<string, string>;
}

/** Reads `--flag`, `--flag value` and `--flag=value` with the CLI's argument reader (src/util/args.ts). Returns
 *  "help" after printing usage, undefined on a usage error. */
function parseFlags(
  args: readonly string[],
  spec: Readonly<Record<string, "bool" | "value">>,
  io: AuditIo,
  usage: string,
): Flags | "help" | undefined {
  const names = Object.keys(spec).map((n) => n.slice(2));
  const p = parseArgs(args, { flags: [...names.filter((n) => spec[`--${n}`] === "bool"), "help", "h"], values: names.filter((n) => spec[`--${n}`] === "value") });
  if (p.flags.has("help") || p.flags.has("h")) {
    io.stdout(`${usage}\n`);
    return "help";
  }
  const bad = [...p.unknown, ...p.positionals, ...(p.rest !== undefined ? ["--"] : [])][0];
  if (bad !== undefined) {
    const name = bad.split("=")[0] as string;
    const why = spec[name] === "value" ? `${name} needs a value` : spec[name] === "bool" ? `${name} takes no value` : `unknown argument '${bad}'`;
    io.stderr(`${why}\n\n${usage}\n`);
    return undefined;
  }
  return { flags: new Set([...p.flags].map((f) => `--${f}`)), values: Object.fromEntries([...p.values].map(([k, v]) => [`--${k}`, v])) };
}

function requireHome(io: AuditIo): string | undefined {
  const home = io.env.INFRAGATE_HOME;
  if (!home) {
    io.stderr("infragate audit: INFRAGATE_HOME is not set\n");
    return undefined;
  }
  return home;
}

function usageError(io: AuditIo, message: string): undefined {
  io.stderr(`infragate audit show: ${message}\n\n${SHOW_USAGE}\n`);
  return undefined;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
