/** Instance metadata credentials fetched with curl / wget: the EC2 role credentials (IMDSv1 and v2, IPv4 and
 *  IPv6), the ECS task role endpoint, GCP service-account tokens and Azure managed-identity tokens. The
 *  IMDSv2 session token itself (`PUT /latest/api/token`) only opens the metadata service: no fact. */
import type { SimpleCommand } from "../../shell/types.js";
import type { Operation } from "../types.js";
import { printOperation } from "./printers.js";

const EC2_HOSTS = new Set(["169.254.169.254", "[fd00:ec2::254]", "instance-data", "instance-data.ec2.internal"]);
const GCP_HOSTS = new Set(["metadata.google.internal", "metadata", "169.254.169.254"]);
const ECS_HOSTS = new Set(["169.254.170.2", "169.254.170.23", "[fd00:ec2::23]"]);

interface Target {
  readonly host: string;
  readonly path: string;
}

/** `http://h/p`, `h/p` (curl and wget add the scheme), `$AWS_CONTAINER_CREDENTIALS_...`. */
function target(word: string): Target | undefined {
  const m = /^(?:[a-z]+:\/\/)?(\[[^\]]+\]|[^/:?#\s]+)(?::\d+)?(\/[^?#\s]*)?/i.exec(word);
  if (!m) return undefined;
  return { host: (m[1] ?? "").toLowerCase(), path: m[2] ?? "/" };
}

function classify(word: string): { operation: string; kind: "metadata-credentials" | "secret" } | undefined {
  if (/\$\{?AWS_CONTAINER_CREDENTIALS_(FULL|RELATIVE)_URI/.test(word)) return { operation: "ecs task credentials", kind: "metadata-credentials" };
  const t = target(word);
  if (!t) return undefined;
  const p = t.path.toLowerCase();
  if (EC2_HOSTS.has(t.host)) {
    if (/\/meta-data\/(iam\/security-credentials|identity-credentials\/)/.test(p)) return { operation: "imds credentials", kind: "metadata-credentials" };
    if (/^\/metadata\/identity\/oauth2\/token/.test(p)) return { operation: "azure managed identity token", kind: "metadata-credentials" };
    if (/^\/[^/]+\/user-data/.test(p)) return { operation: "imds user-data", kind: "secret" };
  }
  if (GCP_HOSTS.has(t.host) && /\/computemetadata\/v1\/instance\/service-accounts\/[^/]+\/(token|identity)/.test(p)) {
    return { operation: "gcp metadata token", kind: "metadata-credentials" };
  }
  if (ECS_HOSTS.has(t.host) && p !== "/") return { operation: "ecs task credentials", kind: "metadata-credentials" };
  return undefined;
}

/** Operands and --url values that name a metadata credentials endpoint. */
export function metadataOps(cmd: SimpleCommand): Operation[] {
  const out: Operation[] = [];
  const args = cmd.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    const word = a === "--url" ? (args[++i] ?? "") : a.startsWith("--url=") ? a.slice(6) : a;
    if (word.startsWith("-")) continue;
    const c = classify(word);
    if (c) out.push(printOperation(cmd, c.operation, c.kind));
  }
  return out;
}
