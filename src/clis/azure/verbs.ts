/** Verb classes of az commands: from the command word (the last word of the command path), with the
 *  secret and credential printers by group. An unknown command word is a change, never a read. */
export type VerbClass = "read" | "mutate" | "delete" | "secret" | "credentials";

const READ_WORDS = new Set(["list", "show", "get", "exists", "wait", "what-if", "validate", "version", "find", "browse", "tail", "check-name-availability", "query", "download", "show-deleted", "list-deleted", "help", "download-batch"]);
const READ_PREFIXES = new Set(["list", "show", "get", "check"]);
const DELETE_WORDS = new Set(["delete", "purge", "delete-batch"]);

/** "group verb" -> class for the printers and the exceptions to the word rule. */
const BY_COMMAND: Readonly<Record<string, VerbClass>> = {
  "account get-access-token": "credentials",
  "storage account keys list": "credentials",
  "storage account show-connection-string": "credentials",
  "cosmosdb keys list": "credentials",
  "cosmosdb list-keys": "credentials",
  "cosmosdb list-connection-strings": "credentials",
  "redis list-keys": "credentials",
  "acr credential show": "credentials",
  "search admin-key show": "credentials",
  "cognitiveservices account keys list": "credentials",
  "eventhubs namespace authorization-rule keys list": "credentials",
  "servicebus namespace authorization-rule keys list": "credentials",
  "keyvault secret show": "secret",
  "keyvault secret download": "secret",
  "keyvault secret backup": "secret",
  "keyvault key backup": "secret",
  "keyvault certificate download": "read",
  "ad sp create-for-rbac": "secret",
  "ad sp credential reset": "secret",
  "ad app credential reset": "secret",
  "storage container generate-sas": "secret",
  "storage blob generate-sas": "secret",
  "storage account generate-sas": "secret",
  "webapp deployment list-publishing-credentials": "secret",
  "webapp deployment list-publishing-profiles": "secret",
  "functionapp keys list": "secret",
  "functionapp function keys list": "secret",
  "group export": "read",
  "bicep build": "read",
  "bicep build-params": "read",
  "bicep lint": "read",
  "bicep format": "read",
  "bicep decompile": "read",
  "bicep version": "read",
  "login": "mutate",
  "logout": "mutate",
};

export function verbClass(path: readonly string[]): VerbClass {
  const key = path.join(" ");
  const fixed = BY_COMMAND[key];
  if (fixed) return fixed;
  const verb = path[path.length - 1] ?? "";
  if (verb === "") return "read";
  if (verb === "list-keys" || verb === "list-connection-strings" || (verb === "list" && path[path.length - 2] === "keys")) return "credentials";
  if (DELETE_WORDS.has(verb) || verb.startsWith("delete-")) return "delete";
  const first = verb.split("-")[0] as string;
  if (READ_WORDS.has(verb) || (first !== verb && READ_PREFIXES.has(first))) return "read";
  return "mutate";
}
