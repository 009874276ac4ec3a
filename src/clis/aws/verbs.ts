/** Verb classes of aws operations (research/iac-semantics.md section 6): from the operation's first word,
 *  with the exceptions that section lists. */
import type { ActionsWith } from "../../facts/index.js";
import type { AwsCall } from "../../facts/generated/30-aws.js";

export type VerbClass = "read" | "mutate" | "delete" | "secret" | "credentials";

/** First words of operations that only read. `get` is read except for the secret getters below. */
const READ_VERBS = new Set([
  "list", "describe", "get", "head", "search", "lookup", "query", "scan", "filter", "validate", "estimate", "simulate",
  "wait", "tail", "ls", "presign", "help", "verify", "decode", "check", "detect", "batch-get", "preview", "test-dns-answer",
]);

const DELETE_VERBS = new Set(["delete", "terminate", "purge", "destroy"]);

/** service -> operations that are read-only although their first word says otherwise. */
const READ_OPS: Readonly<Record<string, readonly string[]>> = {
  kms: ["encrypt", "verify", "verify-mac"],
  logs: ["start-live-tail", "tail"],
  iam: ["generate-credential-report", "generate-service-last-accessed-details", "generate-organizations-access-report"],
  sso: ["login", "logout"],
  configure: ["list", "list-profiles", "get"],
  history: ["list", "show"],
  s3: ["ls", "presign"],
  dynamodb: ["batch-get-item", "transact-get-items"],
  sts: ["get-caller-identity", "get-access-key-info", "decode-authorization-message"],
};

/** service -> operations that are deletes although their first word says otherwise. */
const DELETE_OPS: Readonly<Record<string, readonly string[]>> = {
  s3: ["rm", "rb"],
  kms: ["schedule-key-deletion", "delete-imported-key-material"],
  organizations: ["leave-organization", "close-account"],
};

/** service -> operations whose answer holds a secret or a credential (ask). */
const SECRET_OPS: Readonly<Record<string, readonly string[]>> = {
  secretsmanager: ["get-secret-value", "batch-get-secret-value"],
  kms: ["decrypt", "generate-data-key", "generate-data-key-pair"],
  iam: ["create-access-key", "create-login-profile", "update-login-profile", "create-service-specific-credential", "reset-service-specific-credential"],
  ec2: ["get-password-data"],
  ecr: ["get-authorization-token"],
  "ecr-public": ["get-authorization-token"],
  codeartifact: ["get-authorization-token"],
  redshift: ["get-cluster-credentials", "get-cluster-credentials-with-iam"],
  "redshift-serverless": ["get-credentials"],
  sso: ["get-role-credentials"],
  rds: ["generate-db-auth-token"],
  dsql: ["generate-db-connect-auth-token", "generate-db-connect-admin-auth-token"],
  eks: ["get-token"],
  lambda: ["get-function", "get-function-configuration", "list-functions"],
  ecs: ["describe-task-definition"],
  "cognito-identity": ["get-credentials-for-identity", "get-open-id-token"],
};

/** service -> operations whose answer is itself a credential: keys, tokens or passwords to log in with (deny). */
const CREDENTIAL_OPS: Readonly<Record<string, readonly string[]>> = {
  ecr: ["get-login-password"],
  "ecr-public": ["get-login-password"],
  sts: ["assume-role", "assume-role-with-saml", "assume-role-with-web-identity", "assume-root", "get-session-token", "get-federation-token"],
  lightsail: ["get-instance-access-details", "get-relational-database-master-user-password"],
};

/** apigateway get-api-key(s): the key values only with --include-value(s). */
const API_KEY_GETTERS = new Set(["get-api-key", "get-api-keys"]);

/** ssm reads that reveal SecureString values only with --with-decryption. */
const SSM_DECRYPTABLE = new Set(["get-parameter", "get-parameters", "get-parameters-by-path", "get-parameter-history"]);

/** `configure get` keys that are long-lived secrets. */
export const CREDENTIAL_KEYS = new Set(["aws_secret_access_key", "aws_session_token"]);

function has(table: Readonly<Record<string, readonly string[]>>, service: string, operation: string): boolean {
  return table[service]?.includes(operation) ?? false;
}

export interface VerbInput {
  readonly service: string;
  readonly operation: string;
  readonly withDecryption: boolean;
  /** configure get: the key's last dotted part (`profile.x.aws_secret_access_key` -> `aws_secret_access_key`). */
  readonly configureKey: string;
  /** s3 cp / sync from S3 to the local disk (or stdout) without --delete. */
  readonly s3Download: boolean;
  /** apigateway --include-value / --include-values. */
  readonly includeValue?: boolean;
}

export function verbClass(v: VerbInput): VerbClass {
  const { service, operation } = v;
  if (service === "configure") {
    if (operation === "export-credentials") return "credentials";
    if (operation === "get" && CREDENTIAL_KEYS.has(v.configureKey)) return "credentials";
    return has(READ_OPS, service, operation) ? "read" : "mutate";
  }
  if (service === "help" || operation === "help" || operation === "wait") return "read";
  if (has(CREDENTIAL_OPS, service, operation)) return "credentials";
  if (service === "apigateway" && API_KEY_GETTERS.has(operation) && v.includeValue) return "credentials";
  if (has(SECRET_OPS, service, operation)) return "secret";
  if (service === "ssm" && SSM_DECRYPTABLE.has(operation)) return v.withDecryption ? "secret" : "read";
  if (has(DELETE_OPS, service, operation)) return "delete";
  if (has(READ_OPS, service, operation)) return "read";
  if (service === "s3" && (operation === "cp" || operation === "sync") && v.s3Download) return "read";
  if (operation === "") return "mutate";
  const first = operation.split("-")[0] as string;
  if (DELETE_VERBS.has(first)) return "delete";
  if (READ_VERBS.has(first) || READ_VERBS.has(operation) || operation.startsWith("batch-get-")) return "read";
  return "mutate";
}

/** The Cedar action for a verb class. */
export function actionFor(cls: VerbClass, dryRun: boolean): ActionsWith<AwsCall> {
  if (dryRun) return "aws.dry-run";
  switch (cls) {
    case "read":
      return "aws.read";
    case "delete":
      return "aws.delete";
    case "secret":
    case "credentials":
      return "aws.secret";
    case "mutate":
      return "aws.mutate";
  }
}
