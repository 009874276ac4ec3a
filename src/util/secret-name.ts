/**
 * Does a variable, flag or fact name look like it holds a secret?
 *
 * Names are normalised first (`--client-secret` -> `CLIENT_SECRET`, `dbPassword` -> `DB_PASSWORD`)
 * and then matched against `*_KEY`, `*SECRET*`, `*TOKEN*`, `*PASSWORD*`, `*PASSWD*`, `*PASSPHRASE*`,
 * `*CREDENTIAL*`, `*PRIVATE_KEY*`, `*API_KEY*`, `*_PWD`. Names that only point at a secret
 * (`*_FILE`, `*_PATH`, `*_ID`, `*_NAME`, `*_ARN`, `*_STDIN`, ...) and negations (`NO_*`) are not
 * secret themselves: `--secret-id prod/db` and `AWS_SHARED_CREDENTIALS_FILE=~/.aws/credentials`
 * stay readable, which is what someone reconstructing an incident needs.
 */
export function isSecretName(name: string): boolean {
  if (name.length < 3 || !QUICK.test(name)) return false;
  const norm = normaliseName(name);
  if (norm.length === 0 || norm.length > 128) return false;
  if (norm.startsWith("NO_") || POINTER_SUFFIX.test(norm)) return false;
  return SECRET_NAME.test(norm);
}

/** Every secret name contains one of these; most names do not, and skip the normalisation. */
const QUICK = /key|secret|token|passw|passphrase|credential|pwd/i;
const SECRET_NAME = /(?:_KEY$|SECRET|TOKEN|PASSWORD|PASSWD|PASSPHRASE|CREDENTIAL|PRIVATE_?KEY|API_?KEY|_PWD$|^PWD_)/;
const POINTER_SUFFIX =
  /_(?:FILE|FILES|PATH|PATHS|DIR|ID|IDS|NAME|NAMES|ARN|ARNS|STDIN|URL|TYPE|LENGTH|COUNT|TTL|EXPIRY|EXPIRES|ENV|PROMPT)$/;

/** `--client-secret` -> `CLIENT_SECRET`, `apiKey` -> `API_KEY`, `db.password` -> `DB_PASSWORD`. */
export function normaliseName(name: string): string {
  if (name.length > 256) return "";
  return name
    .replace(/^-{1,2}/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]/g, "_")
    .toUpperCase();
}
