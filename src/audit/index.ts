/** The tamper-evident audit log: append, verify, read, and the `infragate audit` verbs. */
export { appendAudit, auditCommits, setGroupCommit, type AppendOptions, type AppendResult, type GroupCommit } from "./append.js";
export { verifyAudit, MAX_PROBLEMS, type AnchorCheck, type ProblemKind, type VerifyOptions, type VerifyProblem, type VerifyResult } from "./verify.js";
export { readAudit, type AuditFilter, type ReadAuditResult } from "./read.js";
export { runAudit, runAuditHead, runAuditShow, runAuditVerify, AUDIT_USAGE, type AuditIo, type AuditVerb } from "./cli.js";
export { redactFacts, redactText, REDACTED, CONTENT_FIELDS } from "./redact.js";
export { canonicalJson } from "./canonical.js";
export { entryHash, GENESIS_HASH } from "./hash.js";
export { auditDir, DEFAULT_MAX_BYTES } from "./files.js";
export { AuditEntrySchema, AuditInputSchema, DecisionSchema, type AuditEntry, type AuditInput, type Decision } from "./schema.js";
