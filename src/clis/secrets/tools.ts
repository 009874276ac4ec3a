/** Token printers that are their own programs: vault, the docker credential helpers, and git's credential
 *  plumbing (called from the git interpreter). Pure. */
import type { SimpleCommand } from "../../shell/types.js";
import type { Operation } from "../types.js";
import { printOperation } from "./printers.js";

/** vault: secrets read (`kv get`, `read`, `write` that may answer with one) ask; tokens printed deny. */
export function vaultOps(cmd: SimpleCommand): Operation[] {
  const words = cmd.argv.slice(1).filter((a) => !a.startsWith("-"));
  const flags = cmd.argv.slice(1).filter((a) => a.startsWith("-"));
  const [sub = "", sub2 = ""] = words;
  if (flags.some((f) => f === "-h" || f === "-help" || f === "--help")) return [];
  if (sub === "kv" && (sub2 === "get" || sub2 === "patch")) return [printOperation(cmd, `kv ${sub2}`, "secret")];
  if (sub === "read" && !/^(sys|auth\/token\/lookup-accessor)\//.test(sub2)) return [printOperation(cmd, "read", "secret")];
  if (sub === "write") return [printOperation(cmd, "write", "secret")];
  if (sub === "token" && (sub2 === "create" || sub2 === "lookup")) return [printOperation(cmd, `token ${sub2}`, "credential")];
  if (sub === "print" && sub2 === "token") return [printOperation(cmd, "print token", "credential")];
  if (sub === "login" && !flags.includes("-no-print") && !flags.includes("--no-print")) return [printOperation(cmd, "login", "credential")];
  return [];
}

/** docker-credential-<helper> get: prints the stored registry secret; list prints URLs and user names. */
export function credentialHelperOps(cmd: SimpleCommand): Operation[] {
  return cmd.argv[1] === "get" ? [printOperation(cmd, "get", "credential")] : [];
}

export const CREDENTIAL_HELPERS: readonly string[] = [
  "docker-credential-desktop", "docker-credential-osxkeychain", "docker-credential-secretservice", "docker-credential-pass",
  "docker-credential-wincred", "docker-credential-ecr-login", "docker-credential-gcloud", "docker-credential-gcr",
  "docker-credential-acr-env",
];

/** git credential fill / credential-store get / credential-cache get: prints the stored password or token. */
export function gitCredentialOps(cmd: SimpleCommand, subcommand: string, args: readonly string[]): Operation[] {
  const action = args.find((a) => !a.startsWith("-")) ?? "";
  if (subcommand === "credential" && action === "fill") return [printOperation(cmd, "credential fill", "credential")];
  if (/^credential-/.test(subcommand) && action === "get") return [printOperation(cmd, `${subcommand} get`, "credential")];
  return [];
}
