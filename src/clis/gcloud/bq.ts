/** `bq [global flags] COMMAND [flags] ARGS` (absl flags: `--flag=v`, `--flag v`, `--noflag`, short `-d`),
 *  in the gcloud vocabulary: `bq rm -d ds` -> `bq datasets delete`, `bq rm ds.t` -> `bq tables delete`.
 *  `bq query` is classified by its SQL: SELECT/WITH read, DROP SCHEMA a dataset delete, DROP/TRUNCATE/
 *  DELETE a table delete, anything else (or SQL infragate cannot see) a change. */
import type { Env } from "../../shell/types.js";
import { cut, type GcpCall } from "./call.js";
import { NO_FIREWALL, NO_IAM, gcloudIamFacts, type IamFacts } from "./facts.js";
import { splitGcloudArgv } from "./grammar.js";
import type { VerbClass } from "./verbs.js";

const READ = new Set(["ls", "show", "head", "version", "help", "wait", "get-iam-policy", "info"]);
const DATASET_SHORT: Readonly<Record<string, string>> = { d: "dataset", t: "table", m: "model", v: "view", r: "recursive", f: "force", j: "job", q: "quiet", a: "append_table", n: "max_results" };
const BOOL = new Set(["dataset", "table", "model", "view", "recursive", "force", "job", "quiet", "replace", "append_table", "dry_run", "use_legacy_sql", "nouse_legacy_sql", "batch", "sync", "nosync", "headless", "routine", "transfer_config", "reservation", "connection", "materialized_view", "external_table_definition_only", "nodry_run", "synchronous_mode", "no_clobber"]);

/** One statement's class by its first keyword. */
function statementClass(stmt: string): { cls: VerbClass; dataset: boolean } {
  const s = stmt.replace(/^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)+/, "").toUpperCase();
  if (s === "" || /^(SELECT|WITH|\(|DECLARE|SET)\b/.test(s)) return { cls: "read", dataset: false };
  if (/^DROP\s+(SCHEMA|DATABASE)\b/.test(s)) return { cls: "delete", dataset: true };
  if (/^(DROP|TRUNCATE|DELETE)\b/.test(s)) return { cls: "delete", dataset: false };
  return { cls: "mutate", dataset: false };
}

const RANK: Readonly<Record<VerbClass, number>> = { read: 0, secret: 1, credentials: 1, mutate: 2, delete: 3 };

export function queryClass(sql: string | undefined): { cls: VerbClass; dataset: boolean } {
  if (sql === undefined || sql.trim() === "") return { cls: "mutate", dataset: false };
  let cls: VerbClass = "read";
  let dataset = false;
  for (const stmt of sql.split(";")) {
    const c = statementClass(stmt);
    if (RANK[c.cls] > RANK[cls]) cls = c.cls;
    dataset = dataset || c.dataset;
  }
  return { cls, dataset };
}

export function bqCall(args: readonly string[], env: Env): GcpCall {
  const expanded = args.map((w) => (/^-[a-z]$/.test(w) ? `--${DATASET_SHORT[w.slice(1)] ?? w.slice(1)}` : w));
  const withBools = expanded.flatMap((w) => (w.startsWith("--") && BOOL.has(w.slice(2)) ? [`${w}=`] : [w]));
  const a = splitGcloudArgv(withBools);
  const on = (n: string): boolean => a.flags.has(n) && (a.flags.get(n)?.[0] ?? "") !== "false";
  const command = a.words[0] ?? "";
  const positionals = a.words.slice(1);
  const help = command === "" || command === "help" || command === "version" || a.flags.has("help");
  let group = "bq";
  let verb = command;
  let cls: VerbClass = help || READ.has(command) ? "read" : "mutate";
  if (command === "rm") {
    const ref = positionals[0] ?? "";
    const isDataset = on("dataset") || on("recursive") || (!on("table") && !on("model") && !on("view") && !on("job") && !on("routine") && !/\.[^.:]+$/.test(ref.replace(/^[^:]+:/, "")));
    group = isDataset ? "bq datasets" : "bq tables";
    verb = "delete";
    cls = "delete";
  } else if (command === "query") {
    const sql = positionals.length > 0 ? positionals.join(" ") : undefined;
    const q = queryClass(sql);
    cls = a.flags.has("destination_table") ? (q.cls === "read" ? "mutate" : q.cls) : q.cls;
    if (q.dataset) group = "bq datasets";
    if (q.cls === "delete") verb = "delete";
  }
  const iam: IamFacts = command.endsWith("iam-policy-binding") || command === "set-iam-policy" ? gcloudIamFacts(command, a) : NO_IAM;
  const options = [...a.flags].flatMap(([n, vs]) => vs.filter((v) => v !== "").map((v) => `${n}=${cut(v)}`));
  return {
    track: "",
    group,
    verb,
    path: [command].filter((w) => w).join(" "),
    cls,
    flags: [...a.flags.keys()],
    options,
    targets: positionals.map(cut),
    project: a.flags.get("project_id")?.at(-1) ?? env.CLOUDSDK_CORE_PROJECT ?? "",
    account: "",
    impersonate: "",
    quiet: on("force") || on("quiet"),
    inputFile: a.flags.get("flagfile")?.at(-1) ?? "",
    dryRun: on("dry_run"),
    recursive: command === "rm" && on("recursive"),
    help,
    iam,
    firewall: NO_FIREWALL,
  };
}
