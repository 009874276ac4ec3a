/** Which word of a gcloud line is the command, and its verb class (research/iac-semantics.md section 0):
 *  reads allow, changes ask, deletes ask (the data-store ones deny in policies/gcloud.cedar), secret and
 *  credential printers are secret reads. An unknown command word is a change, never a read. */

export type VerbClass = "read" | "mutate" | "delete" | "secret" | "credentials";

/** Top-level gcloud commands (the first word is otherwise always a group: `gcloud deploy` is Cloud Deploy). */
const TOP_COMMANDS: Readonly<Record<string, VerbClass>> = {
  version: "read", info: "read", help: "read", "cheat-sheet": "read", init: "mutate", feedback: "read",
  docker: "mutate", survey: "read", interactive: "mutate",
};

/** Command words that read (the exact word, or its first hyphenated part for READ_PREFIXES). */
const READ_WORDS = new Set([
  "list", "describe", "get", "read", "tail", "log", "ls", "cat", "du", "hash", "show", "info", "version", "help",
  "sign-url", "validate", "check", "diff", "explain", "wait", "lookup", "browse", "print-settings", "get-credentials",
  "status", "query", "analyze-iam-policy", "troubleshoot", "estimate", "simulate",
]);
const READ_PREFIXES = new Set(["list", "describe", "get", "search", "test", "validate", "check", "lookup", "analyze", "preview"]);

const DELETE_WORDS = new Set(["delete", "rm", "rb", "destroy", "purge", "bulk-delete"]);
const DELETE_PREFIXES = new Set(["delete"]);

/** Other command words (so that a group named like a verb is not taken for the command). */
const MUTATE_WORDS = new Set([
  "create", "update", "patch", "deploy", "set", "unset", "add", "remove", "replace", "import", "export", "restore",
  "start", "stop", "restart", "reset", "resume", "suspend", "enable", "disable", "run", "execute", "submit", "publish",
  "cp", "mv", "rsync", "ssh", "scp", "connect", "login", "revoke", "activate", "promote", "failover", "clone", "move",
  "resize", "rollback", "cancel", "approve", "reject", "apply", "attach", "detach", "upgrade", "undelete", "snapshot",
  "proxy", "acquire", "release", "sync", "abandon", "recreate", "migrate", "switchover", "print-access-token",
  "print-identity-token", "access", "config-helper", "sign-blob", "sign-jwt", "decrypt", "asymmetric-decrypt",
  "generate-login-token", "reset-windows-password", "get-auth-string", "mb", "compose", "rewrite", "setmeta",
  "mk", "load", "insert", "truncate", "ch", "configure-docker",
]);
const MUTATE_PREFIXES = new Set(["add", "remove", "set", "create", "update", "print", "enable", "disable", "reset", "patch", "import", "export", "attach", "detach"]);

function firstPart(word: string): string {
  const i = word.indexOf("-");
  return i < 0 ? word : word.slice(0, i);
}

export function isCommandWord(word: string): boolean {
  if (READ_WORDS.has(word) || DELETE_WORDS.has(word) || MUTATE_WORDS.has(word)) return true;
  const p = firstPart(word);
  return p !== word && (READ_PREFIXES.has(p) || DELETE_PREFIXES.has(p) || MUTATE_PREFIXES.has(p));
}

export interface CommandPath {
  /** The groups before the command ("sql instances"). */
  readonly group: string;
  /** The command word ("delete"); "" for a bare `gcloud`. */
  readonly verb: string;
  /** The command's positional arguments. */
  readonly positionals: readonly string[];
  /** The command word was recognised (else the last leading word was taken). */
  readonly known: boolean;
}

/** Split the non-flag words into groups, the command and its positionals. */
export function commandPath(words: readonly string[]): CommandPath {
  if (words.length === 0) return { group: "", verb: "", positionals: [], known: true };
  const first = words[0] as string;
  if (first in TOP_COMMANDS) return { group: "", verb: first, positionals: words.slice(1), known: true };
  for (let i = 1; i < words.length; i++) {
    if (isCommandWord(words[i] as string)) {
      return { group: words.slice(0, i).join(" "), verb: words[i] as string, positionals: words.slice(i + 1), known: true };
    }
  }
  const lastWord = words.length - 1;
  return { group: words.slice(0, lastWord).join(" "), verb: words[lastWord] as string, positionals: [], known: false };
}

/** group -> command words that print a secret (ask) or a credential (deny when the agent would see it). */
const SECRET_COMMANDS: Readonly<Record<string, readonly string[]>> = {
  "secrets versions": ["access"],
  kms: ["decrypt", "asymmetric-decrypt", "raw-decrypt"],
  "iam service-accounts keys": ["create"],
  "iam service-accounts": ["sign-blob", "sign-jwt"],
  "compute": ["reset-windows-password"],
  "redis instances": ["get-auth-string"],
};
const CREDENTIAL_COMMANDS: Readonly<Record<string, readonly string[]>> = {
  auth: ["print-access-token", "print-identity-token"],
  "auth application-default": ["print-access-token"],
  config: ["config-helper"],
  sql: ["generate-login-token"],
};

function listed(table: Readonly<Record<string, readonly string[]>>, group: string, verb: string): boolean {
  return table[group]?.includes(verb) ?? false;
}

export function verbClass(group: string, verb: string, known: boolean): VerbClass {
  if (verb === "") return "read";
  if (group === "" && verb in TOP_COMMANDS) return TOP_COMMANDS[verb] as VerbClass;
  if (!known) return "mutate";
  if (listed(CREDENTIAL_COMMANDS, group, verb)) return "credentials";
  if (listed(SECRET_COMMANDS, group, verb)) return "secret";
  if (DELETE_WORDS.has(verb) || DELETE_PREFIXES.has(firstPart(verb))) return "delete";
  if (READ_WORDS.has(verb) || (READ_PREFIXES.has(firstPart(verb)) && firstPart(verb) !== verb)) return "read";
  return "mutate";
}
