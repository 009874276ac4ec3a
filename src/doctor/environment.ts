/** Standing power in the environment: long-lived AWS access keys, and a production profile as the default.
 *  Secrets are never printed: only the key id's first characters. */
import fs from "node:fs";
import path from "node:path";
import { check, homeOf, type Check, type DoctorOptions } from "./types.js";

const PROD = /(^|[^a-z])(prod|production|prd|live)([^a-z]|$)/i;

/** The first 8 characters of a key id ("AKIAIOSF..."): enough to find it, useless to an attacker. */
export function keyIdPrefix(id: string): string {
  return `${id.slice(0, 8)}...`;
}

/** [profile] -> aws_access_key_id, from an INI credentials file (only that key is read). */
/** `[name]` or `[profile name]` -> name (a loop, not a backtracking regex). */
function sectionName(line: string): string | undefined {
  if (!line.startsWith("[") || !line.endsWith("]") || line.indexOf("]") !== line.length - 1) return undefined;
  const inner = line.slice(1, -1).trim();
  const name = inner.startsWith("profile ") || inner.startsWith("profile\t") ? inner.slice(8).trim() : inner;
  return name.length > 0 ? name : undefined;
}

export function readKeyIds(text: string): { profile: string; keyId: string }[] {
  const out: { profile: string; keyId: string }[] = [];
  let profile = "";
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const section = sectionName(line);
    if (section !== undefined) {
      profile = section;
      continue;
    }
    const kv = /^aws_access_key_id\s*=\s*(\S+)/i.exec(line);
    if (kv) out.push({ profile, keyId: kv[1] as string });
  }
  return out;
}

export function checkEnvironment(opts: DoctorOptions): Check[] {
  const out: Check[] = [];
  const env = opts.env;
  const id = env.AWS_ACCESS_KEY_ID;
  if (id && id.startsWith("AKIA")) {
    out.push(check("environment", "warn", `a long-lived AWS access key is in the environment (AWS_ACCESS_KEY_ID=${keyIdPrefix(id)})`, ["the agent inherits it: prefer short-lived credentials (aws sso login, assume-role) with least privilege"]));
  }
  const credsFile = env.AWS_SHARED_CREDENTIALS_FILE || path.join(homeOf(opts), ".aws", "credentials");
  let text: string | undefined;
  try {
    text = fs.readFileSync(credsFile, "utf8");
  } catch {
    text = undefined;
  }
  for (const k of text ? readKeyIds(text) : []) {
    if (!k.keyId.startsWith("AKIA")) continue;
    out.push(check("environment", "warn", `long-lived AWS access key in ${credsFile} [${k.profile}] (${keyIdPrefix(k.keyId)})`, ["any command the agent runs can use it: move to SSO or role credentials"]));
  }
  for (const name of ["AWS_PROFILE", "AWS_DEFAULT_PROFILE"]) {
    const v = env[name];
    if (v && PROD.test(v)) out.push(check("environment", "warn", `${name}=${v} looks like production: every AWS call the agent makes goes there by default`, ["set a non-production default; name the production profile explicitly when a human means it"]));
  }
  if (out.length === 0) out.push(check("environment", "pass", "no long-lived AWS keys or production default profile found"));
  return out;
}
