/** `heroku` (oclif, `topic:command`; commands and aliases from heroku/cli src/commands/**). A topic alone
 *  runs its index command (`heroku apps` lists, `heroku config` prints every config var). */
import type { Group } from "./grammar.js";
import type { PaasSpec } from "./operation.js";

const PG_STATS =
  "info,bloat,blocking,cache-hit,calls,extensions,index-size,index-usage,locks,long-running-queries,outliers,ps," +
  "records-rank,seq-scans,table-indexes-size,table-size,table_size,total-index-size,total-table-size,total_table_size," +
  "unused-indexes,unused_indexes,user-connections,vacuum-stats,diagnose,wait,mandelbrot,links,settings,upgrade-wait";

const TREE: Group = {
  sub: {
    apps: {
      kind: "app",
      verbs: true,
      sub: { "destroy|delete": "delete", "errors,diff,favorites": "read", "join,leave,lock,unlock,transfer": "write", stacks: { verbs: true, sub: { set: "write" } } },
    },
    // Root aliases of apps:* and auth:*.
    destroy: "delete:app", create: "write:app", info: "read", open: "read", "join,leave,lock,unlock": "write:app",
    "login,logout": "context", whoami: "read",
    pg: {
      kind: "database",
      verbs: true,
      sub: {
        // pg:reset empties the database; pg:copy overwrites the target ("this will DESTROY all data in TARGET").
        "reset,copy": "delete", [PG_STATS]: "read",
        "psql,kill,killall,promote,pull,push,unfollow,maintenance,upgrade,fdwsql,stats-reset": "write",
        backups: {
          kind: "backup",
          verbs: true,
          sub: { "info,schedules,download": "read", delete: "delete", restore: "delete:database", capture: "write", "schedule,unschedule": "write", url: "secret" },
        },
        credentials: { kind: "credential", bare: "secret", verbs: true, sub: { url: "secret", "create,rotate,repair-default": "write", destroy: "delete" } },
        "connection-pooling": { verbs: true },
      },
    },
    psql: "write:database",
    data: { sub: { pg: { kind: "database", verbs: true, sub: { "psql,fork,migrate": "write", credentials: { verbs: true, sub: { url: "secret" } }, attachments: { verbs: true } } }, maintenances: { verbs: true } } },
    redis: { kind: "database", verbs: true, sub: { cli: "write", credentials: "secret", "maxmemory,timeout,keyspace-notifications,stats-reset,promote": "write" } },
    addons: { kind: "addon", verbs: true, sub: { "destroy|remove": "delete", "docs,plans,services": "read", downgrade: "write" } },
    config: { kind: "config", bare: "secret", sub: { get: "secret", "set|add,unset|remove,edit": "secret-write" } },
    auth: { sub: { token: "token", whoami: "read", "login,logout": "context", "2fa|twofactor": { verbs: true } } },
    authorizations: { kind: "token", verbs: true, sub: { "create,rotate": "token", info: "token", "revoke|destroy": "write" } },
    "ps|dyno": {
      kind: "dyno",
      verbs: true,
      sub: { "scale,type|resize,autoscale": "write", restart: "deploy", "stop|kill": "write", "exec,copy,forward,socks": "write" },
    },
    "run,console,rake,repl": "write",
    local: "read",
    logs: "read",
    releases: { verbs: true, sub: { output: "read", "rollback,retry": "deploy" } },
    rollback: "deploy",
    container: { sub: { "push,release": "deploy", "login,logout": "context", pull: "read", "rm,run": "write" } },
    domains: { kind: "domain", verbs: true, sub: { remove: "delete", clear: "delete" } },
    spaces: { kind: "space", verbs: true, sub: { "hosts,topology,ps": "read", vpn: { verbs: true }, peerings: { verbs: true }, "trusted-ips": { verbs: true }, drains: { verbs: true } } },
    pipelines: { kind: "pipeline", verbs: true, sub: { "connect,setup,transfer": "write" } },
    git: { sub: { "remote,clone": "read", credentials: "token" } },
    "maintenance|features|labs|buildpacks|certs|drains|keys|members|access|webhooks|reviewapps|ci|telemetry|sessions|clients|orgs|teams|accounts|notifications|plugins|autocomplete|regions|status|version|update|help|usage|dashboard|stack|stacks":
      { verbs: true, sub: { "on,off": "write", "set": "write", "install,uninstall,link,unlink,update": "write", "rerun,run,migrate-manifest": "write" } },
  },
};

export const HEROKU: PaasSpec = {
  program: "heroku",
  tree: TREE,
  colonTopics: true,
  flags: {
    valued: new Set([
      "app", "remote", "confirm", "team", "space", "region", "size", "type", "num", "source", "dyno", "env", "exit-code",
      "process", "tail-lines", "json-output", "plan", "as", "name", "stack", "buildpack", "addons", "description", "expires-in",
      "scope", "role", "wait-interval", "version", "at", "by", "to",
    ]),
    short: { a: "app", r: "remote", c: "confirm", t: "team", s: "space", n: "num", d: "dyno", e: "env", h: "help", j: "json", x: "exit-code", p: "process", f: "force" },
  },
  noPrompt: ["confirm", "force", "yes"],
};
