/** mongosh / mongo: `[options] [URI | DB | HOST/DB] [FILE.js ...]`, --eval (repeatable), -f FILE, stdin.
 *  mongorestore --drop drops each collection before restoring it; mongodump and mongoexport read. */
import type { SimpleCommand } from "../../shell/types.js";
import { hasFlag, lastValue, parseArgs } from "../file-tools/args.js";
import type { Interpretation } from "../types.js";
import { dbOperation } from "./operation.js";
import { statementOperation } from "./sources.js";
import { isUrl, parseUrl, resolveTarget } from "./target.js";

const MONGOSH_SPEC = {
  shortValued: "upf",
  longValued: ["eval", "file", "host", "port", "username", "password", "authenticationDatabase", "authenticationMechanism", "tlsCAFile", "tlsCertificateKeyFile", "apiVersion", "awsAccessKeyId", "awsSecretAccessKey", "awsSessionToken", "keyVaultNamespace", "kmsURL", "sspiHostnameCanonicalization", "gssapiServiceName"],
};

function mongoTarget(cmd: SimpleCommand, address: string | undefined, host: string | undefined, port: string | undefined, db: string | undefined) {
  if (address !== undefined && isUrl(address)) {
    const u = parseUrl(address);
    return resolveTarget("mongodb", cmd, { host: host ?? u.host, port: port ?? u.port, name: db ?? u.name, url: address });
  }
  const slash = address?.indexOf("/") ?? -1;
  const parts = address !== undefined && slash > 0 ? { host: address.slice(0, slash), name: address.slice(slash + 1) } : { name: address };
  return resolveTarget("mongodb", cmd, { host: host ?? parts.host, port, name: db ?? parts.name });
}

export function interpretMongosh(cmd: SimpleCommand): Interpretation {
  const args = cmd.argv.slice(1);
  const p = parseArgs(args, MONGOSH_SPEC);
  if (hasFlag(p, "help", "h", "version")) return { operations: [], files: [] };
  const scripts = p.operands.filter((o) => /\.(c|m)?js$/.test(o));
  const address = p.operands.find((o) => !scripts.includes(o));
  const target = mongoTarget(cmd, hasFlag(p, "nodb") ? undefined : address, lastValue(p, "host"), lastValue(p, "port"), undefined);
  const inline = p.values.get("eval") ?? [];
  const files = [...(p.values.get("f") ?? []), ...(p.values.get("file") ?? []), ...scripts];
  return { operations: [statementOperation(cmd, target, { inline, files, stdinWhenNone: true })], files: [] };
}

/** mongorestore [--drop] [--uri U | --host H] [-d DB] [DIR]; mongodump / mongoexport only read. */
export function interpretMongoTool(cmd: SimpleCommand): Interpretation {
  const p = parseArgs(cmd.argv.slice(1), { shortValued: "hdcuop", longValued: ["uri", "host", "port", "db", "collection", "username", "password", "out", "archive", "nsInclude", "nsExclude", "query"] });
  if (hasFlag(p, "help", "version")) return { operations: [], files: [] };
  const target = mongoTarget(cmd, lastValue(p, "uri"), lastValue(p, "h", "host"), lastValue(p, "port"), lastValue(p, "d", "db"));
  const restore = cmd.program === "mongorestore" || cmd.program === "mongoimport";
  const drop = restore && hasFlag(p, "drop");
  const facts = drop
    ? { source: "tool" as const, known: true, effects: ["restore-clean" as const], statements: [`${cmd.program} --drop`], objects: [lastValue(p, "c", "collection") ?? "every restored collection"], flags: ["drop"] }
    : { source: "tool" as const, known: true, effects: [restore ? ("write" as const) : ("read" as const)], statements: [cmd.program] };
  return { operations: [dbOperation(cmd, target, facts)], files: [] };
}
