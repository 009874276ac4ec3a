/** Shannon entropy and the "looks like a random secret" test for long tokens. */

/** Shannon entropy in bits per character. */
export function shannonEntropy(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  const n = s.length;
  for (const c of counts.values()) {
    const p = c / n;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Shortest token considered by the entropy test. */
const MIN_SECRET_TOKEN = 32;

const HEX = /^[0-9a-fA-F]+$/;
const DIGEST = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/**
 * A token of >= 32 characters from the base64/hex alphabet that is random enough to be a key.
 *
 * - hex: entropy >= 2.8 bits/char (random 32-char hex measures >= ~3.0), except lowercase 40 and
 *   64 character strings, which are kept as digests (git commit ids, sha256 image digests: an
 *   audit reader needs them), and UUIDs;
 * - otherwise: at least two of lower/upper/digit classes, entropy >= 3.7 bits/char (random
 *   base64 of this length measures >= ~4.0), and not word-like: identifiers such as
 *   `MyApplicationStackProductionEuWest1` are mostly runs of 3+ lowercase letters (>= 0.7 of
 *   their characters) where random base64 rarely is (< 0.5 for ~98% of tokens).
 */
export function looksLikeSecretToken(token: string): boolean {
  if (token.length < MIN_SECRET_TOKEN) return false;
  if (UUID.test(token)) return false;
  if (HEX.test(token)) {
    if (DIGEST.test(token)) return false;
    return shannonEntropy(token) >= 2.8;
  }
  let classes = 0;
  if (/[a-z]/.test(token)) classes++;
  if (/[A-Z]/.test(token)) classes++;
  if (/[0-9]/.test(token)) classes++;
  if (classes < 2) return false;
  if (wordiness(token) >= 0.6) return false;
  return shannonEntropy(token) >= 3.7;
}

/** Share of characters inside runs of an optional capital and 3+ lowercase letters ("Stack", "prod"). */
function wordiness(token: string): number {
  let inWords = 0;
  const re = /[A-Z]?[a-z]{3,}/g;
  for (let m = re.exec(token); m; m = re.exec(token)) inWords += m[0].length;
  return inWords / token.length;
}
