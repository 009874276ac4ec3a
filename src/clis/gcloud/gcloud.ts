/** `gcloud` lines -> GcpCall. */
import type { Env } from "../../shell/types.js";
import { cut, optionFacts, type GcpCall } from "./call.js";
import { NO_FIREWALL, firewallFacts, gcloudIamFacts } from "./facts.js";
import { flagValue, hasFlag, isOn, splitGcloudArgv } from "./grammar.js";
import { commandPath, verbClass } from "./verbs.js";

const STORAGE_VERBS = new Set(["cp", "mv", "rm", "rsync"]);

/** An rm URL that names many objects: a bucket, or a wildcard. */
export function bulkUrl(url: string): boolean {
  return /^gs:\/\/[^/]+\/?$/.test(url) || (url.startsWith("gs://") && /[*?[]/.test(url));
}

/** Flags of `gcloud storage cp|mv|rsync|rm` that take a value (the others are booleans), and their short forms. */
const STORAGE_VALUED = new Set([
  "predefined-acl", "exclude-name-pattern", "storage-class", "gzip-local", "gzip-in-flight", "manifest-path", "cache-control",
  "content-disposition", "content-encoding", "content-language", "content-type", "custom-time", "custom-metadata",
  "update-custom-metadata", "remove-custom-metadata", "encryption-key", "decryption-keys", "additional-headers", "project",
  "billing-project", "format", "account", "impersonate-service-account", "configuration", "verbosity", "flags-file",
  "trace-token", "preserve-acl", "retain-until", "retention-mode", "if-generation-match", "if-metageneration-match",
  "a", "x", "s", "z", "j", "L",
]);

/** The operands of a storage command, read with the storage command's own flags: a boolean gcloud flag
 *  infragate does not know must not swallow a source or a destination URL. */
function storageOperands(args: readonly string[], verb: string): string[] {
  const out: string[] = [];
  const at = args.indexOf(verb);
  for (let i = at + 1; i < args.length; i++) {
    const w = args[i] as string;
    if (w === "--") {
      out.push(...args.slice(i + 1));
      break;
    }
    if (w.startsWith("-") && w.length > 1) {
      const name = w.startsWith("--") ? w.slice(2) : w.slice(-1);
      if (!w.includes("=") && STORAGE_VALUED.has(name)) i++;
      continue;
    }
    out.push(w);
  }
  return out;
}

export function gcloudCall(args: readonly string[], env: Env): GcpCall {
  const a = splitGcloudArgv(args);
  const help = hasFlag(a, "help") || a.words[0] === "help";
  const { group, verb, positionals, known } = commandPath(a.words);
  const { names, options } = optionFacts(a.flags);
  const recursive = hasFlag(a, "r", "R", "recursive");
  const storage =
    group === "storage" && STORAGE_VERBS.has(verb)
      ? {
          verb,
          urls: storageOperands(args, verb),
          recursive,
          deleteExtra: hasFlag(a, "delete-unmatched-destination-objects"),
          fromStdin: hasFlag(a, "I", "read-paths-from-stdin"),
        }
      : undefined;
  const cls = help ? "read" : verbClass(group, verb, known);
  return {
    track: a.track,
    group,
    verb,
    path: [a.track, ...a.words.slice(0, a.words.length - positionals.length)].filter((w) => w).join(" "),
    cls,
    flags: names,
    options,
    targets: positionals.map(cut),
    project: flagValue(a, "project") ?? env.CLOUDSDK_CORE_PROJECT ?? env.GOOGLE_CLOUD_PROJECT ?? "",
    account: flagValue(a, "account") ?? env.CLOUDSDK_CORE_ACCOUNT ?? "",
    impersonate: flagValue(a, "impersonate-service-account") ?? env.CLOUDSDK_AUTH_IMPERSONATE_SERVICE_ACCOUNT ?? "",
    quiet: hasFlag(a, "quiet") || /^(1|true)$/i.test(env.CLOUDSDK_CORE_DISABLE_PROMPTS ?? ""),
    inputFile: flagValue(a, "flags-file") ?? "",
    dryRun: !help && (isOn(a, "dry-run") || isOn(a, "validate-only")),
    recursive: recursive || (storage?.fromStdin ?? false) || (verb === "rm" && positionals.some(bulkUrl)),
    help,
    iam: gcloudIamFacts(verb, a),
    firewall: help ? NO_FIREWALL : firewallFacts(group, verb, a),
    ...(storage ? { storage } : {}),
  };
}
