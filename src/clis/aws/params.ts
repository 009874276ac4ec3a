/** Operation parameters: the shapes infragate knows, abbreviation expansion, and --cli-input-json. */
import { isIndirect } from "./documents.js";
import { parseParams, type AwsParams, type ParamShape } from "./grammar.js";

/** Parameters the policies read. argparse accepts any unique prefix of an operation's parameters; infragate
 *  does not know every operation's full list, so a prefix of one of these counts as it (a wrong guess is an
 *  argparse error, so the call would not run). */
const IMPORTANT = [
  "recursive", "force", "delete", "skip-final-snapshot", "no-skip-final-snapshot", "skip-final-cluster-snapshot",
  "no-skip-final-cluster-snapshot", "force-delete-without-recovery", "with-decryption", "no-with-decryption",
  "policy-arn", "managed-policy-arn", "policy-document", "assume-role-policy-document", "inline-policy", "cidr", "port",
  "protocol", "ip-permissions", "count", "min-count", "max-count", "instance-type", "instance-types", "db-instance-class",
  "db-cluster-instance-class", "max-size", "desired-capacity", "scaling-config", "cli-input-json", "cli-input-yaml",
  "no-dry-run",
];

/** Parameters that make a call harmless: expanded from a prefix only when it cannot be something else. */
const HARMLESS: Readonly<Record<string, string>> = { "dry-run": "dry", dryrun: "dry", "generate-cli-skeleton": "generate-cli" };

export function expandParam(raw: string): readonly string[] {
  if (IMPORTANT.includes(raw) || HARMLESS[raw] !== undefined) return [raw];
  const harmless = Object.entries(HARMLESS).filter(([n, min]) => n.startsWith(raw) && raw.startsWith(min)).map(([n]) => n);
  if (harmless.length > 0) return harmless;
  const hits = raw.length >= 2 ? IMPORTANT.filter((n) => n.startsWith(raw)) : [];
  return hits.length > 0 ? hits : [raw];
}

const S3_BOOL = [
  "recursive", "dryrun", "quiet", "force", "only-show-errors", "no-progress", "follow-symlinks", "no-follow-symlinks",
  "guess-mime-type", "no-guess-mime-type", "exact-timestamps", "size-only", "delete", "ignore-glacier-warnings",
  "force-glacier-transfer", "human-readable", "summarize", "no-overwrite", "progress-multiline", "no-progress-multiline",
];
const S3_VALUED = [
  "include", "exclude", "acl", "grants", "sse", "sse-c", "sse-c-key", "sse-kms-key-id", "sse-c-copy-source",
  "sse-c-copy-source-key", "storage-class", "website-redirect", "content-type", "cache-control", "content-disposition",
  "content-encoding", "content-language", "expires", "source-region", "page-size", "metadata", "metadata-directive",
  "expected-size", "checksum-mode", "checksum-algorithm", "copy-props", "index-document", "error-document", "expires-in",
  "request-payer", "bucket-name-prefix", "bucket-region", "tags",
];
const S3_SHAPE: ParamShape = { booleans: new Set(S3_BOOL), known: [...S3_BOOL, ...S3_VALUED], scalar: true, optionalValue: { "request-payer": "requester" } };

/** Operations that write their answer to a trailing OUTFILE positional. */
const OUTFILE_OPS = new Set([
  "s3api get-object", "s3api get-object-torrent", "s3api select-object-content", "lambda invoke",
  "sagemaker-runtime invoke-endpoint", "bedrock-runtime invoke-model", "polly synthesize-speech",
]);

/** Operations with positional words (`configure get KEY`, `logs tail GROUP`). */
const POSITIONAL_OPS = new Set(["configure get", "configure set", "logs tail", "configure export-credentials"]);

export function shapeFor(service: string, operation: string): ParamShape {
  if (service === "s3") return S3_SHAPE;
  const key = `${service} ${operation}`;
  if (OUTFILE_OPS.has(key) || POSITIONAL_OPS.has(key)) return { scalar: true };
  return {};
}

export function hasOutfile(service: string, operation: string): boolean {
  return OUTFILE_OPS.has(`${service} ${operation}`);
}

/** `SkipFinalSnapshot` -> `skip-final-snapshot`. */
function kebab(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, "$1-$2").replace(/([A-Z])([A-Z][a-z])/g, "$1-$2").toLowerCase();
}

export interface ParsedParams {
  readonly params: AwsParams;
  /** --cli-input-json|yaml given as a file or URL (or YAML inline, which is not parsed): its value; "" otherwise. */
  readonly inputFile: string;
}

/** Parse the words after the operation; inline --cli-input-json is merged as if its keys were written. */
export function readParams(service: string, operation: string, words: readonly string[]): ParsedParams {
  const params = parseParams(words, shapeFor(service, operation), expandParam);
  const input = [...(params.values.get("cli-input-json") ?? []), ...(params.values.get("cli-input-yaml") ?? [])];
  let inputFile = "";
  const isYaml = params.values.has("cli-input-yaml");
  for (const v of input) {
    if (isIndirect(v) || isYaml) {
      inputFile = v;
      continue;
    }
    let doc: unknown;
    try {
      doc = JSON.parse(v);
    } catch {
      inputFile = v.slice(0, 200);
      continue;
    }
    if (!doc || typeof doc !== "object" || Array.isArray(doc)) continue;
    for (const [k, val] of Object.entries(doc as Record<string, unknown>)) {
      const name = kebab(k);
      if (val === true || val === false) {
        params.order.push(val ? name : `no-${name}`);
        params.values.set(name, params.values.get(name) ?? []);
        continue;
      }
      const text = typeof val === "string" ? val : JSON.stringify(val);
      params.values.set(name, [...(params.values.get(name) ?? []), text]);
      params.order.push(name);
    }
  }
  return { params, inputFile };
}
