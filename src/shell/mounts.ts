/** Bind mounts of `docker run` / `podman run`: `-v HOST:CONTAINER[:opts]`, `--volume`, and
 *  `--mount type=bind,source=HOST,target=CONTAINER`. Named volumes (`data:/var/lib/x`) and anonymous ones are
 *  not host paths and are left out. Pure. */
import path from "node:path";
import type { BindMount } from "./types.js";

function hostPath(raw: string, cwd: string, home: string | undefined): string | undefined {
  if (raw.startsWith("~")) return home && (raw === "~" || raw.startsWith("~/")) ? path.join(home, raw.slice(1)) : undefined;
  if (raw.startsWith("/") || raw.startsWith("./") || raw.startsWith("../") || raw === "." || raw === "..") return path.resolve(cwd, raw);
  return undefined; // a named volume
}

/** `HOST:CONTAINER[:ro,z]` */
function fromVolume(spec: string, cwd: string, home: string | undefined): BindMount | undefined {
  const parts = spec.split(":");
  if (parts.length < 2) return undefined;
  const host = hostPath(parts[0] ?? "", cwd, home);
  const container = parts[1] ?? "";
  return host && container.startsWith("/") ? { host, container: path.posix.normalize(container) } : undefined;
}

/** `type=bind,source=/h,target=/c,readonly` */
function fromMount(spec: string, cwd: string, home: string | undefined): BindMount | undefined {
  const kv = new Map(spec.split(",").map((p) => [p.slice(0, p.indexOf("=") < 0 ? p.length : p.indexOf("=")), p.slice(p.indexOf("=") + 1)] as const));
  if ((kv.get("type") ?? "volume") !== "bind") return undefined;
  const src = kv.get("source") ?? kv.get("src");
  const dst = kv.get("target") ?? kv.get("destination") ?? kv.get("dst");
  if (!src || !dst?.startsWith("/")) return undefined;
  const host = hostPath(src, cwd, home);
  return host ? { host, container: path.posix.normalize(dst) } : undefined;
}

export function bindMounts(volumes: readonly string[], mounts: readonly string[], cwd: string, home: string | undefined): BindMount[] {
  return [
    ...volumes.map((v) => fromVolume(v, cwd, home)),
    ...mounts.map((m) => fromMount(m, cwd, home)),
  ].filter((m): m is BindMount => m !== undefined);
}

/** A path inside the container as the host path it is mounted from (the longest matching mount), else itself. */
export function hostPathOf(p: string, mounts: readonly BindMount[]): string {
  let best: BindMount | undefined;
  for (const m of mounts) {
    const rel = path.posix.relative(m.container, p);
    if (rel.startsWith("..") || path.isAbsolute(rel)) continue;
    if (!best || m.container.length > best.container.length) best = m;
  }
  if (!best) return p;
  const rel = path.posix.relative(best.container, p);
  return rel === "" ? best.host : path.join(best.host, rel);
}
