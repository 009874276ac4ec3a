/**
 * Redacts secrets recognisable by their shape, wherever they appear: private key blocks, AWS
 * access key ids, GitHub and Slack tokens, `Bearer`/`Basic` credentials, the password in
 * `scheme://user:password@host`, and long high-entropy tokens.
 *
 * Every regex here is a literal prefix or a single bounded character class per position, with no
 * nested or adjacent overlapping quantifiers, so matching is linear in the input (the tests run
 * each against a 1 MiB adversarial string).
 */
import { AWS_ACCESS_KEY_ID, GITHUB_TOKEN, PRIVATE_KEY_BEGIN, SLACK_TOKEN, globalCopy } from "../util/secret-patterns.js";
import { looksLikeSecretToken } from "./entropy.js";
import { REDACTED } from "./redact-command.js";

const KEY_BEGIN = globalCopy(PRIVATE_KEY_BEGIN);
const KEY_END = /-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;

/** Replaces each private key block, BEGIN to END line inclusive (to the end of the text if unterminated). */
function redactPrivateKeys(text: string): string {
  if (!text.includes("PRIVATE KEY")) return text;
  const out: string[] = [];
  let at = 0;
  KEY_BEGIN.lastIndex = 0;
  for (;;) {
    const begin = KEY_BEGIN.exec(text);
    if (!begin) break;
    out.push(text.slice(at, begin.index), REDACTED);
    KEY_END.lastIndex = begin.index + begin[0].length;
    const end = KEY_END.exec(text);
    if (!end) {
      at = text.length;
      break;
    }
    at = end.index + end[0].length;
    KEY_BEGIN.lastIndex = at;
  }
  out.push(text.slice(at));
  return out.join("");
}

interface Pattern {
  /** A cheap test that must pass before `re` runs at all. */
  readonly hint: RegExp;
  readonly re: RegExp;
  /** Replacement: keeps the capture groups named here, redacts the rest of the match. */
  readonly replace: (match: string, ...groups: string[]) => string;
}

const whole = (): string => REDACTED;

const PATTERNS: readonly Pattern[] = [
  // AWS access key ids, GitHub and Slack tokens (src/util/secret-patterns.ts, shared with the commit check).
  { hint: /AKIA|ASIA|ABIA|ACCA/, re: globalCopy(AWS_ACCESS_KEY_ID), replace: whole },
  { hint: /gh[pousr]_|github_pat_/, re: globalCopy(GITHUB_TOKEN), replace: whole },
  { hint: /xox[abeprs]-/, re: globalCopy(SLACK_TOKEN), replace: whole },
  // `Authorization: <scheme> <credential>` (any scheme, including GitHub's `token`).
  {
    hint: /[Aa]uthorization:/,
    re: /(\b[Aa]uthorization:[ \t]{0,8}(?:[A-Za-z]{1,20}[ \t]{1,8})?)[^\s'"]{4,8192}/g,
    replace: (_m, prefix) => `${prefix}${REDACTED}`,
  },
  // `Bearer <token>` / `Basic <credential>` anywhere (an -H argument, an env value).
  {
    hint: /[Bb]earer|Basic/,
    re: /\b([Bb]earer|Basic)([ \t]{1,8})[A-Za-z0-9._~+/=-]{6,8192}/g,
    replace: (_m, scheme, blank) => `${scheme}${blank}${REDACTED}`,
  },
];

/** Candidates for the entropy test: runs of the base64/base64url/hex alphabet. */
const TOKEN_RUN = /[A-Za-z0-9+/=_-]{32,}/g;

export function redactPatterns(text: string): string {
  let out = redactPrivateKeys(text);
  for (const p of PATTERNS) {
    if (!p.hint.test(out)) continue;
    p.re.lastIndex = 0;
    out = out.replace(p.re, p.replace as (substring: string, ...args: unknown[]) => string);
  }
  out = redactUrlPasswords(out);
  return out.replace(TOKEN_RUN, (run) => redactRun(run));
}

/** After `://`: `user:` then the password up to `@` (bounded, sticky, tried once per `://`). */
const USERINFO = /[^\s/:@'"]{0,256}:([^\s/@'"]{1,1024})@/y;

/** `scheme://user:password@host` -> `scheme://user:[REDACTED]@host`. */
function redactUrlPasswords(text: string): string {
  const out: string[] = [];
  let at = 0;
  for (let i = text.indexOf("://"); i >= 0; i = text.indexOf("://", i + 3)) {
    USERINFO.lastIndex = i + 3;
    const m = USERINFO.exec(text);
    if (!m) continue;
    const passwordStart = USERINFO.lastIndex - 1 - (m[1] as string).length;
    out.push(text.slice(at, passwordStart), REDACTED);
    at = USERINFO.lastIndex - 1;
    i = at - 3 > i ? at - 3 : i;
  }
  if (out.length === 0) return text;
  out.push(text.slice(at));
  return out.join("");
}

/** A run may be `a/b/c` (a path) or `key=value`: test the whole run and then its pieces. */
function redactRun(run: string): string {
  if (looksLikeSecretToken(run)) return REDACTED;
  if (!/[/=]/.test(run)) return run;
  return run.replace(/[^/=]{32,}/g, (piece) => (looksLikeSecretToken(piece) ? REDACTED : piece));
}
