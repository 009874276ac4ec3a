/** `docker run IMAGE ARGS` where the image's entrypoint is a guarded CLI; `docker exec CTR CMD`. */
import type { Handler, RWord, Unwrap } from "./model.js";
import type { ProgramNames } from "./types.js";
import { lit } from "./model.js";
import { hasOpt, optValue, optValues, parseOptions } from "./options.js";
import { bindMounts, hostPathOf } from "./mounts.js";

/** `docker.io/hashicorp/terraform:1.9@sha256:..` -> `terraform` (images whose entrypoint is a CLI, from the
 *  CLI registry; a name ending in `*` is a prefix); undefined for other images. */
function imageCli(image: string, names: ProgramNames): string | undefined {
  let name = image;
  const digest = name.indexOf("@");
  if (digest >= 0) name = name.slice(0, digest);
  const slash = name.lastIndexOf("/");
  const colon = name.lastIndexOf(":");
  if (colon > slash) name = name.slice(0, colon);
  for (const prefix of ["docker.io/library/", "docker.io/", "index.docker.io/", "registry.hub.docker.com/"]) {
    if (name.startsWith(prefix)) name = name.slice(prefix.length);
  }
  name = name.toLowerCase();
  const exact = names.images[name];
  if (exact !== undefined) return exact;
  for (const [pattern, cli] of Object.entries(names.images)) {
    if (pattern.endsWith("*") && name.startsWith(pattern.slice(0, -1))) return cli;
  }
  return undefined;
}

const RUN_SPEC = {
  short: "acehlmpuvw",
  long: [
    "attach", "cpu-shares", "env", "hostname", "label", "memory", "publish", "user", "volume", "workdir", "name", "network", "net",
    "entrypoint", "mount", "platform", "add-host", "cap-add", "cap-drop", "device", "dns", "dns-search", "dns-option", "cpus",
    "cpuset-cpus", "memory-swap", "restart", "pull", "log-driver", "log-opt", "security-opt", "tmpfs", "ulimit", "gpus", "ipc",
    "pid", "runtime", "stop-signal", "stop-timeout", "shm-size", "expose", "label-file", "env-file", "cidfile", "cgroupns",
    "cgroup-parent", "group-add", "health-cmd", "health-interval", "health-retries", "health-timeout", "health-start-period",
    "volumes-from", "link", "ip", "ip6", "mac-address", "uts", "userns", "isolation", "kernel-memory", "memory-reservation",
    "oom-score-adj", "pids-limit", "storage-opt", "sysctl", "detach-keys", "domainname", "blkio-weight", "device-read-bps",
    "device-write-bps", "network-alias", "annotation", "arch", "os", "secret", "systemd", "userns-remap", "hooks-dir", "pod",
  ],
};

const GLOBAL_SPEC = { short: "Hcl", long: ["host", "context", "log-level", "config", "tlscacert", "tlscert", "tlskey", "url", "connection", "root", "runroot"] };

/** Container environment: only `-e K=V` (and `-e K`, copied from the host). */
function containerEnv(values: readonly string[], host: Readonly<Record<string, string>>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const kv of values) {
    const eq = kv.indexOf("=");
    if (eq > 0) env[kv.slice(0, eq)] = kv.slice(eq + 1);
    else if (host[kv] !== undefined) env[kv] = host[kv] as string;
  }
  return env;
}

function runContainer(tool: string, w: readonly RWord[], at: number, host: Readonly<Record<string, string>>, names: ProgramNames, cwd: string): Unwrap | undefined {
  const p = parseOptions(w, at, RUN_SPEC);
  const image = w[p.index];
  if (!image) return undefined;
  const args = w.slice(p.index + 1);
  const entrypoint = optValue(p, "entrypoint");
  const cli = image.unresolved ? undefined : imageCli(image.value, names);
  const words: RWord[] = entrypoint ? [lit(entrypoint), ...args] : cli ? [lit(cli), ...args] : args;
  if (words.length === 0) return undefined;
  const env = containerEnv(optValues(p, "e", "env"), host);
  const mounts = bindMounts(optValues(p, "v", "volume"), optValues(p, "mount"), cwd, host.HOME);
  const workdir = optValue(p, "w") ?? optValue(p, "workdir");
  // With a working directory inside a bind mount, relative paths land in the mounted host folder.
  const chdir = workdir !== undefined && mounts.length > 0 && workdir.startsWith("/") ? hostPathOf(workdir, mounts) : undefined;
  return {
    kind: "inner",
    wrapper: `${tool} run`,
    words,
    env,
    clearEnv: true,
    emitSelf: true,
    unresolved: image.unresolved,
    ...(mounts.length > 0 ? { mounts } : {}),
    ...(chdir !== undefined && chdir !== workdir ? { chdir } : {}),
  };
}

function execContainer(tool: string, w: readonly RWord[], at: number, host: Readonly<Record<string, string>>): Unwrap | undefined {
  const p = parseOptions(w, at, { short: "euw", long: ["env", "env-file", "user", "workdir", "detach-keys"] });
  const words = w.slice(p.index + 1);
  if (words.length === 0 || hasOpt(p, "d", "detach")) return undefined;
  const env = containerEnv(optValues(p, "e", "env"), host);
  return { kind: "inner", wrapper: `${tool} exec`, words, env, clearEnv: true, emitSelf: true };
}

const COMPOSE_GLOBAL = { short: "fp", long: ["file", "project-name", "profile", "env-file", "project-directory", "ansi", "parallel", "progress"] };
const COMPOSE_RUN = { short: "elpuvw", long: ["env", "label", "publish", "user", "volume", "workdir", "entrypoint", "name", "env-from-file", "cap-add", "cap-drop", "index", "pull"] };

/** `docker compose [-f F] run|exec [opts] SERVICE [CMD ARGS]`: the command runs in the service's container.
 *  Without CMD the service runs its own command from the compose file, which the shell stage cannot read. */
function compose(tool: string, w: readonly RWord[], at: number, host: Readonly<Record<string, string>>): Unwrap | undefined {
  const g = parseOptions(w, at, COMPOSE_GLOBAL);
  const sub = w[g.index]?.value;
  if (sub !== "run" && sub !== "exec") return undefined;
  const p = parseOptions(w, g.index + 1, COMPOSE_RUN);
  if (hasOpt(p, "d", "detach") && sub === "exec") return undefined;
  const args = w.slice(p.index + 1);
  const entrypoint = optValue(p, "entrypoint");
  const words: RWord[] = entrypoint ? [lit(entrypoint), ...args] : args;
  if (words.length === 0) return undefined;
  const env = containerEnv(optValues(p, "e", "env"), host);
  return { kind: "inner", wrapper: `${tool} ${sub}`, words, env, clearEnv: true, emitSelf: true };
}

function container(tool: string): Handler {
  return (w, inv, names) => {
    const g = parseOptions(w, 1, GLOBAL_SPEC);
    let i = g.index;
    if (w[i]?.value === "container") i++;
    const sub = w[i]?.value;
    if (sub === "run") return runContainer(tool, w, i + 1, inv.env, names, inv.cwd);
    if (sub === "exec") return execContainer(tool, w, i + 1, inv.env);
    if (sub === "compose") return compose(`${tool} compose`, w, i + 1, inv.env);
    return undefined;
  };
}

export const CONTAINERS: Readonly<Record<string, Handler>> = {
  docker: container("docker"),
  podman: container("podman"),
  nerdctl: container("nerdctl"),
  finch: container("finch"),
  "docker-compose": (w, inv) => compose("docker-compose", w, 1, inv.env),
  "podman-compose": (w, inv) => compose("podman-compose", w, 1, inv.env),
};
