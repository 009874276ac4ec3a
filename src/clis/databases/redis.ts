/** redis-cli: connection options, then the command words (or commands on stdin, one per line). The words
 *  are classified here; the enrichment stage uses the same table for commands read from a file. */
import type { SimpleCommand } from "../../shell/types.js";
import type { Interpretation } from "../types.js";
import { dbOperation, type DbEffect, type DbFacts } from "./operation.js";
import { isComputed, parseUrl, resolveTarget } from "./target.js";

const VALUED = new Set(["-h", "-p", "-s", "-a", "-u", "-n", "-r", "-i", "-d", "--user", "--pass", "--askpass", "--sni", "--cacert", "--cacertdir", "--cert", "--key", "--tls-ciphers", "--tls-ciphersuites", "--rdb", "--functions-rdb", "--pipe-timeout", "--memkeys-samples", "--pattern", "--quoted-pattern", "--count", "--intrinsic-latency", "--eval", "--ldb-sync-mode", "--latency-dist", "-t"]);

const READ = new Set([
  "get", "mget", "getrange", "strlen", "keys", "scan", "sscan", "hscan", "zscan", "exists", "type", "ttl", "pttl", "expiretime",
  "hget", "hmget", "hgetall", "hkeys", "hvals", "hlen", "hexists", "hstrlen", "lrange", "llen", "lindex", "lpos", "smembers",
  "sismember", "smismember", "scard", "srandmember", "sinter", "sunion", "sdiff", "zrange", "zrangebyscore", "zrevrange", "zscore",
  "zcard", "zcount", "zrank", "zrevrank", "xrange", "xrevrange", "xlen", "xread", "xinfo", "xpending", "info", "ping", "echo", "dbsize",
  "time", "lastsave", "role", "select", "auth", "hello", "monitor", "subscribe", "psubscribe", "ssubscribe", "pubsub", "command",
  "object", "dump", "memory", "slowlog", "latency", "randomkey", "bitcount", "bitpos", "getbit", "pfcount", "geopos", "geodist",
  "georadius_ro", "geosearch", "json.get", "ft.search", "ft.info", "ts.get", "ts.range", "quit", "wait", "readonly", "lolwut",
]);
const READ_SUB: Readonly<Record<string, readonly string[]>> = {
  config: ["get"], acl: ["list", "users", "whoami", "getuser", "cat", "log", "dryrun"], client: ["list", "info", "getname", "id"],
  cluster: ["info", "nodes", "slots", "shards", "myid", "keyslot", "countkeysinslot", "getkeysinslot"], function: ["list", "dump", "stats"],
  script: ["exists"], module: ["list"],
};
const FLUSH = new Set(["flushall", "flushdb"]);
const ADMIN = new Set(["config", "shutdown", "debug", "replicaof", "slaveof", "acl", "client", "failover", "module", "swapdb", "bgrewriteaof", "bgsave", "save", "cluster", "sync", "psync"]);
const OPAQUE = new Set(["eval", "evalsha", "eval_ro", "evalsha_ro", "fcall", "fcall_ro"]);

export interface RedisClass {
  readonly effect: DbEffect | undefined;
  readonly statement: string;
  readonly opaque: boolean;
}

/** One command line's words -> its class. Unknown commands are writes (they may change data). */
export function classifyRedis(words: readonly string[]): RedisClass {
  const cmd = (words[0] ?? "").toLowerCase();
  const sub = (words[1] ?? "").toLowerCase();
  const statement = READ_SUB[cmd] || cmd === "function" || cmd === "script" ? `${cmd} ${sub}`.trim() : cmd;
  if (FLUSH.has(cmd) || (cmd === "function" && sub === "flush") || (cmd === "cluster" && sub === "reset")) return { effect: "flush", statement, opaque: false };
  if (READ.has(cmd) || READ_SUB[cmd]?.includes(sub)) return { effect: "read", statement, opaque: false };
  if (OPAQUE.has(cmd)) return { effect: undefined, statement, opaque: true };
  if (ADMIN.has(cmd)) return { effect: "admin", statement, opaque: false };
  return { effect: "write", statement, opaque: false };
}

/** Lines of redis commands (stdin, a file) -> facts. Quotes are not unfolded: only the first two words matter. */
export function redisLinesFacts(text: string): Pick<DbFacts, "statements" | "effects" | "objects" | "unreadable"> {
  const statements: string[] = [];
  const effects: DbEffect[] = [];
  const objects: string[] = [];
  const unreadable: string[] = [];
  for (const line of text.split("\n")) {
    const words = line.trim().split(/\s+/).filter((w) => w.length > 0);
    if (words.length === 0 || words[0]?.startsWith("#")) continue;
    const c = classifyRedis(words);
    statements.push(c.statement);
    if (c.effect) effects.push(c.effect);
    if (c.opaque) unreadable.push(`script (${c.statement})`);
    if (c.effect === "flush") objects.push(c.statement === "flushdb" ? "current database" : "every database");
  }
  return { statements, effects, objects, unreadable };
}

export function interpretRedisCli(cmd: SimpleCommand): Interpretation {
  const argv = cmd.argv.slice(1);
  let host: string | undefined;
  let port: string | undefined;
  let db: string | undefined;
  let url: string | undefined;
  let i = 0;
  const modes: string[] = [];
  for (; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (!a.startsWith("-") || a === "-") break;
    if (a === "--help" || a === "--version" || a === "-v") return { operations: [], files: [] };
    if (VALUED.has(a)) {
      const v = argv[++i] ?? "";
      if (a === "-h") host = v;
      if (a === "-p") port = v;
      if (a === "-n") db = v;
      if (a === "-u") url = v;
      if (a === "--eval") modes.push("eval");
      continue;
    }
    if (["--pipe", "-x", "--rdb", "--scan", "--bigkeys", "--memkeys", "--hotkeys", "--stat", "--latency", "--latency-history", "--replica"].includes(a)) modes.push(a.replace(/^-+/, ""));
  }
  const fromUrl = url !== undefined && !isComputed(cmd, url) ? parseUrl(url) : {};
  const target = resolveTarget("redis", cmd, { host: host ?? fromUrl.host, port: port ?? fromUrl.port, name: db ?? fromUrl.name, url });
  const words = argv.slice(i);
  const flags = modes;
  let facts: DbFacts;
  if (modes.includes("eval")) facts = { source: "file", unreadable: ["lua script (--eval)"], flags };
  else if (words.length > 0) {
    const c = classifyRedis(words);
    const unresolved = words.slice(0, 2).some((w) => isComputed(cmd, w));
    facts = {
      source: "inline",
      known: !unresolved,
      statements: [c.statement],
      effects: c.effect ? [c.effect] : [],
      objects: c.effect === "flush" ? [c.statement === "flushdb" ? "current database" : "every database"] : words.slice(1, 6),
      unreadable: [...(c.opaque ? [`script (${c.statement})`] : []), ...(unresolved ? ["computed command"] : [])],
      flags,
    };
  } else if (["scan", "bigkeys", "memkeys", "hotkeys", "stat", "latency", "latency-history", "rdb", "replica"].some((m) => modes.includes(m))) {
    facts = { source: "tool", known: true, effects: ["read"], statements: modes, flags };
  } else if (cmd.stdin === "terminal") facts = { source: "interactive", known: true, effects: ["read"], flags };
  else if (cmd.stdinText !== undefined && !modes.includes("pipe")) facts = { source: "stdin", known: true, ...redisLinesFacts(cmd.stdinText), flags };
  else if (cmd.stdinPath !== undefined && !modes.includes("pipe")) facts = { source: "stdin", files: [cmd.stdinPath], flags };
  else facts = { source: "stdin", unreadable: [`unread stdin (${cmd.stdin})`], flags };
  return { operations: [dbOperation(cmd, target, facts)], files: [] };
}
