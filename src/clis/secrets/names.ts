/** Which environment variables hold secrets, for the printers of the environment: the audit log's secret
 *  names (`*_KEY`, `*SECRET*`, `*TOKEN*`, `*PASSWORD*` ..., not pointers such as `*_FILE` / `*_ID`), less the
 *  names known to hold public values, plus connection strings (`DATABASE_URL`, `*_DSN`) and any URL with a
 *  password in it. */
import { isSecretName } from "../../util/secret-name.js";

/** Names that match a secret pattern but hold public values (browser-bundled keys, key schemas, tuning knobs). */
const PUBLIC_NAME = /^(?:NEXT_PUBLIC_|VITE_|REACT_APP_|EXPO_PUBLIC_|NUXT_PUBLIC_|GATSBY_)|_(?:PUBLIC|PUBLISHABLE|PARTITION|SORT|PRIMARY|HASH|RANGE)_KEY$|^TOKENIZERS_PARALLELISM$/;

/** Connection strings that carry the password in them. */
const CONNECTION_NAME = /^(?:[A-Z0-9_]*_)?(?:DATABASE|DB|POSTGRES|POSTGRESQL|PG|MYSQL|MARIADB|MONGO|MONGODB|REDIS|AMQP|RABBITMQ|BROKER|CACHE|ELASTICSEARCH)_(?:URL|URI|DSN)$|_DSN$|^DSN$|CONNECTION_STRING$/;

/** `scheme://user:password@host`: a URL with a password in it. */
const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^/@:\s]*:[^/@\s]+@/i;

export function holdsSecret(name: string, value?: string): boolean {
  if (value !== undefined && URL_WITH_PASSWORD.test(value)) return true;
  if (CONNECTION_NAME.test(name)) return true;
  return isSecretName(name) && !PUBLIC_NAME.test(name);
}

/** Secret-holding names among the environment's (what `env`, `printenv`, `declare -p`, `set` print). */
export function secretNamesIn(env: Readonly<Record<string, string>>): string[] {
  return Object.keys(env)
    .filter((n) => holdsSecret(n, env[n]))
    .sort();
}

/** Variable names expanded in words as written (`$TOKEN`, `${DB_PASSWORD}`, `${X:-default}`). */
export function expandedNames(words: readonly string[]): string[] {
  const out = new Set<string>();
  for (const w of words) for (const m of w.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) out.add(m[1] ?? "");
  out.delete("");
  return [...out];
}
