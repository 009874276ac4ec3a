/** The user's policies, validated against the schema in the hook too: a forbid on a misspelt action or
 *  attribute would otherwise load and silently never match. Validation needs Cedar and the schema (tens of
 *  milliseconds), so a passing result is remembered under $INFRAGATE_HOME, keyed by a hash of the schema and
 *  the policies; any change validates again. */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getPackageRoot } from "../policy/pack.js";
import { joinSchemaFragments } from "../policy/schema.js";
import type { CompiledPolicies } from "../policy/types.js";
import { validatePolicies } from "../policy/validate.js";

function cacheFile(home: string, key: string): string {
  return path.join(home, "cache", `policies-valid-${key}`);
}

/** Problems ("file:line: message") of the user's policies checked with the whole set; [] when valid. */
export function validateUserPolicies(home: string, policies: CompiledPolicies, userIds: readonly string[]): string[] {
  if (userIds.length === 0) return [];
  let schema: string;
  try {
    schema = joinSchemaFragments(path.join(getPackageRoot(), "schemas", "cedar"));
  } catch (err) {
    return [`cannot read the Cedar schema to validate .infragate/policies: ${(err as Error).message}`];
  }
  const hash = crypto.createHash("sha256").update(schema);
  for (const id of [...userIds].sort()) hash.update(`\0${id}\0${policies.texts[id] ?? ""}`);
  const key = hash.digest("hex").slice(0, 32);
  if (fs.existsSync(cacheFile(home, key))) return [];
  const problems = validatePolicies(schema, policies)
    .filter((p) => p.file.startsWith(".infragate/"))
    .map((p) => `${p.file}:${p.line}: ${p.message}${p.help ? ` (hint: ${p.help})` : ""}`);
  if (problems.length === 0) {
    try {
      fs.mkdirSync(path.join(home, "cache"), { recursive: true });
      fs.writeFileSync(cacheFile(home, key), "valid\n");
    } catch {
      // an unwritable home only costs the validation next time
    }
  }
  return problems;
}
