/** `gsutil [-m -q -d -D -h H -o O -u P -i SA] COMMAND [flags] ARGS`, in the gcloud vocabulary
 *  (`gsutil rb` -> `storage buckets delete`, `gsutil rm` -> `storage rm`, `gsutil iam ch` -> an IAM grant). */
import type { Env } from "../../shell/types.js";
import { cut, type GcpCall } from "./call.js";
import { NO_FIREWALL, NO_IAM, normaliseMember, normaliseRole, type IamFacts } from "./facts.js";
import { bulkUrl } from "./gcloud.js";
import type { VerbClass } from "./verbs.js";

const TOP_VALUED = new Set(["h", "o", "u", "i"]);
/** Short options that take a value, per command. */
const VALUED: Readonly<Record<string, string>> = { cp: "azjLsx", mv: "azjLsx", rsync: "axyjs", rm: "", acl: "pu", defacl: "pu", mb: "bcklps", setmeta: "h", signurl: "dmpru" };

const READ = new Set(["ls", "cat", "du", "stat", "hash", "version", "help", "signurl", "test", "list"]);
const SUBCOMMAND_READ = new Set(["get", "list"]);
const MAPPED: Readonly<Record<string, [string, string]>> = {
  rb: ["storage buckets", "delete"],
  mb: ["storage buckets", "create"],
  rm: ["storage", "rm"],
  cp: ["storage", "cp"],
  mv: ["storage", "mv"],
  rsync: ["storage", "rsync"],
};

interface Parsed {
  readonly shorts: Set<string>;
  readonly values: Map<string, string[]>;
  readonly positionals: string[];
}

function parseShort(words: readonly string[], valued: string): Parsed {
  const shorts = new Set<string>();
  const values = new Map<string, string[]>();
  const positionals: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (w === "--") {
      positionals.push(...words.slice(i + 1));
      break;
    }
    if (/^-[A-Za-z]+$/.test(w)) {
      for (let j = 1; j < w.length; j++) {
        const c = w[j] as string;
        shorts.add(c);
        if (valued.includes(c)) {
          const v = j + 1 < w.length ? w.slice(j + 1) : words[++i];
          if (v !== undefined) values.set(c, [...(values.get(c) ?? []), v]);
          break;
        }
      }
      continue;
    }
    positionals.push(w);
  }
  return { shorts, values, positionals };
}

/** `gsutil iam ch [-d] MEMBER:ROLE[,ROLE] ... URL`, `acl ch -u|-g|-p ENTITY:PERM`, `acl|defacl|iam set`. */
function iamFacts(command: string, sub: string, p: Parsed): IamFacts {
  if (command === "iam" && sub === "set") return { given: true, known: false, grant: true, roles: [], members: [] };
  if ((command === "acl" || command === "defacl") && sub === "set") {
    const canned = p.positionals[0] ?? "";
    const pub = /^public-/.test(canned);
    return { given: true, known: /^[a-z-]+$/.test(canned), grant: true, roles: pub ? ["roles/storage.objectViewer"] : [], members: pub ? ["allUsers"] : [] };
  }
  if (sub !== "ch" || (command !== "iam" && command !== "acl" && command !== "defacl")) return NO_IAM;
  const grants = command === "iam" ? p.positionals.filter((w) => !w.startsWith("gs://")) : [...p.values.values()].flat();
  const roles: string[] = [];
  const members: string[] = [];
  for (const g of grants) {
    const i = g.lastIndexOf(":");
    if (i < 0) continue;
    members.push(normaliseMember(g.slice(0, i)));
    for (const r of g.slice(i + 1).split(",")) if (r) roles.push(normaliseRole(r));
  }
  return { given: true, known: true, grant: !p.shorts.has("d"), roles, members };
}

export function gsutilCall(args: readonly string[], env: Env): GcpCall {
  let i = 0;
  const top: string[] = [];
  let project = "";
  for (; i < args.length; i++) {
    const w = args[i] as string;
    if (!/^-[A-Za-z]+$/.test(w)) break;
    top.push(w.slice(1));
    const last = w[w.length - 1] as string;
    if (TOP_VALUED.has(last)) {
      const v = args[++i] ?? "";
      if (last === "u") project = v;
    }
  }
  const command = args[i] ?? "";
  const rest = args.slice(i + 1);
  const hasSub = ["iam", "acl", "defacl", "lifecycle", "cors", "versioning", "web", "label", "logging", "retention", "notification", "kms", "autoclass", "requesterpays", "ubla", "pap", "rpo", "bucketpolicyonly", "hmac"].includes(command);
  const sub = hasSub ? (rest[0] ?? "") : "";
  const p = parseShort(hasSub ? rest.slice(1) : rest, VALUED[command] ?? "");
  const help = command === "" || command === "help" || command === "version";
  const recursive = p.shorts.has("r") || p.shorts.has("R") || p.shorts.has("I") || (command === "rm" && p.positionals.some(bulkUrl));
  const [group, verb] = MAPPED[command] ?? ["storage", hasSub ? `${command}-${sub}` : command];
  let cls: VerbClass = "mutate";
  if (help || READ.has(command) || SUBCOMMAND_READ.has(sub)) cls = "read";
  else if (command === "rm" || command === "rb" || (command === "hmac" && sub === "delete")) cls = "delete";
  else if (command === "hmac" && sub === "create") cls = "secret";
  else if ((command === "cp" || command === "rsync") && p.positionals.length >= 2 && !(p.positionals[p.positionals.length - 1] as string).startsWith("gs://") && !p.shorts.has("d")) cls = "read";
  const storage = ["cp", "mv", "rm", "rsync"].includes(command)
    ? { verb: command, urls: p.positionals, recursive: p.shorts.has("r") || p.shorts.has("R"), deleteExtra: command === "rsync" && p.shorts.has("d"), fromStdin: p.shorts.has("I") }
    : undefined;
  const options = [...p.values].flatMap(([n, vs]) => vs.map((v) => `${n}=${cut(v)}`));
  return {
    track: "",
    group,
    verb,
    path: [command, sub].filter((w) => w).join(" "),
    cls,
    flags: [...p.shorts, ...top],
    options,
    targets: p.positionals.map(cut),
    project: project || env.CLOUDSDK_CORE_PROJECT || "",
    account: "",
    impersonate: "",
    quiet: true,
    inputFile: "",
    dryRun: command === "rsync" && p.shorts.has("n"),
    recursive,
    help,
    iam: iamFacts(command, sub, p),
    firewall: NO_FIREWALL,
    ...(storage ? { storage } : {}),
  };
}
