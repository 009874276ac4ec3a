/** mongosh scripts (--eval, script files, stdin), parsed with acorn (loaded on first use). Method calls are
 *  the facts: dropDatabase(), drop(), deleteMany({}) / remove({}) with an empty filter, updateMany({}),
 *  runCommand({ dropDatabase: 1 }), ... Shell helpers (`use db`, `show dbs`) are read as such. */
import type { DbEffect } from "../../clis/databases/operation.js";
import { loadPackage } from "./load.js";
import { emptyClassified, nodes, rec, str, type Classified } from "./classified.js";

type ParseFn = (code: string, opts: { ecmaVersion: "latest"; allowAwaitOutsideFunction: boolean; allowReturnOutsideFunction: boolean }) => unknown;

let acorn: Promise<ParseFn> | undefined;

function loadAcorn(): Promise<ParseFn> {
  acorn ??= Promise.resolve().then(() => {
    const parse = rec(loadPackage("acorn"))?.parse;
    if (typeof parse !== "function") throw new Error("acorn: unexpected module shape");
    const fn: ParseFn = (code, opts) => Reflect.apply(parse, undefined, [code, opts]);
    return fn;
  });
  return acorn;
}

const WRITE = new Set(["insert", "insertOne", "insertMany", "updateOne", "replaceOne", "deleteOne", "findOneAndDelete", "findOneAndUpdate", "findOneAndReplace", "findAndModify", "bulkWrite", "save", "initializeOrderedBulkOp", "initializeUnorderedBulkOp"]);
const SCHEMA = new Set(["createCollection", "createView", "createIndex", "createIndexes", "ensureIndex", "dropIndex", "dropIndexes", "renameCollection", "createSearchIndex", "dropSearchIndex", "hideIndex", "unhideIndex"]);
const ADMIN = new Set(["createUser", "dropUser", "dropAllUsers", "updateUser", "grantRolesToUser", "revokeRolesFromUser", "createRole", "dropRole", "dropAllRoles", "shutdownServer", "fsyncLock", "setProfilingLevel", "adminCommand", "killOp"]);
const READ = new Set(["find", "findOne", "count", "countDocuments", "estimatedDocumentCount", "distinct", "aggregate", "getCollection", "getCollectionNames", "getCollectionInfos", "getSiblingDB", "getMongo", "getName", "stats", "dataSize", "storageSize", "totalIndexSize", "getIndexes", "explain", "toArray", "forEach", "map", "limit", "skip", "sort", "pretty", "hasNext", "next", "itcount", "size", "printjson", "print", "log", "stringify", "serverStatus", "hostInfo", "version", "isMaster", "hello", "listCollections", "listDatabases", "getDBs", "getDBNames", "currentOp", "watch", "tojson", "getUsers", "getRoles", "ping"]);
const DROP_COMMANDS: Readonly<Record<string, DbEffect>> = { dropDatabase: "drop-database", drop: "drop-table" };

/** The collection a call is made on: `db.users.drop()`, `db.getCollection("users").drop()`, `db["users"]`. */
function collectionOf(callee: Record<string, unknown>): string {
  const obj = rec(callee.object);
  if (!obj) return "";
  if (obj.type === "MemberExpression") {
    const prop = rec(obj.property);
    return str(prop?.name) || str(prop?.value);
  }
  if (obj.type === "CallExpression") {
    const arg = rec(Array.isArray(obj.arguments) ? obj.arguments[0] : undefined);
    return str(arg?.value);
  }
  return "";
}

function isEmptyFilter(arg: unknown): boolean {
  const a = rec(arg);
  return a === undefined || (a.type === "ObjectExpression" && Array.isArray(a.properties) && a.properties.length === 0);
}

function classifyCall(call: Record<string, unknown>, out: Classified): void {
  const callee = rec(call.callee);
  if (!callee || callee.type !== "MemberExpression") return;
  const prop = rec(callee.property);
  const method = callee.computed === true ? str(prop?.value) : str(prop?.name);
  if (method === "") {
    out.unreadable.push("computed method name");
    return;
  }
  const args = Array.isArray(call.arguments) ? call.arguments : [];
  const coll = collectionOf(callee);
  out.statements.push(method);
  if (method === "dropDatabase") {
    out.effects.push("drop-database");
    out.objects.push("current database");
  } else if (method === "drop") {
    out.effects.push("drop-table");
    out.objects.push(coll);
  } else if (method === "deleteMany" || method === "remove" || method === "updateMany" || method === "update") {
    const all = isEmptyFilter(args[0]) && (method !== "update" || rec(args[2])?.type === "ObjectExpression");
    out.effects.push(all ? (method === "updateMany" || method === "update" ? "update-all" : "delete-all") : "write");
    if (all) out.objects.push(coll);
  } else if (method === "runCommand" || method === "adminCommand") {
    const keys = (Array.isArray(rec(args[0])?.properties) ? (rec(args[0])?.properties as unknown[]) : []).map((p) => str(rec(rec(p)?.key)?.name) || str(rec(rec(p)?.key)?.value));
    const drop = keys.map((k) => DROP_COMMANDS[k]).find((e) => e !== undefined);
    if (drop) {
      out.effects.push(drop);
      out.objects.push(keys.join(","));
    } else out.effects.push(keys.length > 0 && keys.every((k) => /^(ping|serverStatus|listDatabases|listCollections|dbStats|collStats|buildInfo|hello|isMaster|count|find|aggregate|explain)$/.test(k)) ? "read" : "admin");
  } else if (WRITE.has(method)) out.effects.push("write");
  else if (SCHEMA.has(method)) out.effects.push("schema");
  else if (ADMIN.has(method)) out.effects.push("admin");
  else if (READ.has(method)) out.effects.push("read");
  else out.statements.pop();
}

/** `use db`, `show dbs`, `it`, `exit`: mongosh shell syntax, not JavaScript. */
function shellHelpers(code: string, out: Classified): string {
  return code
    .split("\n")
    .map((line) => {
      const m = /^\s*(use|show|it|exit|quit)\b(.*)$/.exec(line);
      if (!m || /^\s*[=(.]/.test(m[2] ?? "")) return line;
      out.statements.push(`${m[1]}`);
      out.effects.push("read");
      return "";
    })
    .join("\n");
}

export async function classifyMongo(code: string): Promise<Classified> {
  const out = emptyClassified();
  const js = shellHelpers(code, out);
  if (js.trim() === "") return out;
  const parse = await loadAcorn();
  let tree: unknown;
  try {
    tree = parse(js, { ecmaVersion: "latest", allowAwaitOutsideFunction: true, allowReturnOutsideFunction: true });
  } catch (e) {
    out.unreadable.push(`parse error: ${e instanceof Error ? e.message.slice(0, 120) : "unknown"}`);
    return out;
  }
  for (const n of nodes(tree)) {
    if (n.type === "CallExpression") classifyCall(n, out);
    else if ((n.type === "Identifier" && (n.name === "eval" || n.name === "Function" || n.name === "load"))) out.unreadable.push(`computed code (${str(n.name)})`);
  }
  return out;
}
