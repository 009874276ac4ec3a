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
export const MIN_SECRET_TOKEN = 32;

const HEX = /^[0-9a-fA-F]+$/;
const DIGEST = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/**
 * A token of >= 32 characters from the base64/hex alphabet that is random enough to be a key.
 *
 * - hex: entropy >= 3.0 bits/char, except lowercase 40 and 64 character strings, which are kept
 *   as digests (git commit ids, sha256 image digests: an audit reader needs them);
 * - otherwise: at least two of lower/upper/digit classes and entropy >= 4.2 bits/char, which random
 *   base64 of this length clears (~4.9) and paths, words and resource names do not (~3.5-4.0).
 */
export function looksLikeSecretToken(token: string): boolean {
  if (token.length < MIN_SECRET_TOKEN) return false;
  if (UUID.test(token)) return false;
  if (HEX.test(token)) {
    if (DIGEST.test(token)) return false;
    return shannonEntropy(token) >= 3.0;
  }
  let classes = 0;
  if (/[a-z]/.test(token)) classes++;
  if (/[A-Z]/.test(token)) classes++;
  if (/[0-9]/.test(token)) classes++;
  if (classes < 2) return false;
  return shannonEntropy(token) >= 4.2;
}
