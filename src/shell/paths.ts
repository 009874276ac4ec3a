/** Pure path arithmetic (no fs): resolve shell paths against the tracked cwd. */
import { posix } from "node:path";

/** Resolve `p` against `cwd`; `~` is expanded by the word resolver before this. */
export function resolvePath(cwd: string, p: string): string {
  if (p === "") return cwd;
  return posix.resolve(cwd.startsWith("/") ? cwd : "/" + cwd, p);
}

const DEVICES = new Set(["/dev/null", "/dev/stdout", "/dev/stderr", "/dev/tty", "/dev/stdin", "/dev/zero"]);

/** Device paths that are not files the policy cares about. */
export function isDevicePath(abs: string): boolean {
  return DEVICES.has(abs) || abs.startsWith("/dev/fd/") || abs.startsWith("/proc/self/fd/");
}

export function basename(p: string): string {
  const trimmed = p.endsWith("/") && p.length > 1 ? p.slice(0, -1) : p;
  const i = trimmed.lastIndexOf("/");
  return i >= 0 ? trimmed.slice(i + 1) : trimmed;
}
