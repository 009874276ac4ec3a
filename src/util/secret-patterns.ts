/** Secret shapes recognised in two places, declared once: the audit log's redaction (src/audit/redact-patterns.ts)
 *  and the commit check's scan of added lines (src/clis/git/staged-secrets.ts). Each is a literal prefix and
 *  bounded character classes, so matching is linear in the input. */

export const PRIVATE_KEY_BEGIN = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/;
/** AWS access key ids: long-term AKIA, temporary ASIA, and the ABIA/ACCA service prefixes. */
export const AWS_ACCESS_KEY_ID = /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])/;
/** GitHub tokens: classic (ghp_, gho_, ghu_, ghs_, ghr_) and fine-grained (github_pat_). */
export const GITHUB_TOKEN = /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{20,255}|github_pat_[A-Za-z0-9_]{20,255})/;
export const SLACK_TOKEN = /(?<![A-Za-z0-9])xox[abeprs]-[A-Za-z0-9-]{8,255}/;

/** The same pattern with the global flag (for replace-all and exec loops). */
export function globalCopy(re: RegExp): RegExp {
  return new RegExp(re.source, "g");
}
