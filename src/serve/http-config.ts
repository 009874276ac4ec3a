/** The HTTP listener's settings, written by `infragate install claude-code --http` into
 *  $INFRAGATE_HOME/serve/http.json (0600): the loopback port the installed hook URL names, and the per-user
 *  secret the installed hook sends in a header, so no other user on the machine can ask the service. */
import crypto from "node:crypto";
import fs from "node:fs";
import { z } from "zod";
import { ensurePrivateDir, servePaths } from "./paths.js";

export const HTTP_TOKEN_HEADER = "x-infragate-token";

const HttpConfigSchema = z.object({ port: z.number().int().min(1024).max(65535), token: z.string().min(32) });
export type HttpConfig = z.infer<typeof HttpConfigSchema>;

/** undefined when not installed; throws when the file exists but is unreadable or malformed. */
export function readHttpConfig(home: string): HttpConfig | undefined {
  const file = servePaths(home).httpConfig;
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  const parsed = HttpConfigSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return parsed.data;
}

/** A port for this user in 20000-39999, stable across installs (the installed URL names it). */
export function defaultHttpPort(): number {
  const uid = typeof process.getuid === "function" ? process.getuid() : 1000;
  return 20000 + ((uid * 7919 + 4001) % 20000);
}

/** The existing config, or a new one with a fresh secret (kept when the port is unchanged). */
export function ensureHttpConfig(home: string, port?: number): HttpConfig {
  const paths = servePaths(home);
  ensurePrivateDir(paths.dir);
  const existing = readHttpConfig(home);
  const wanted = port ?? existing?.port ?? defaultHttpPort();
  if (existing && existing.port === wanted) return existing;
  const config: HttpConfig = { port: wanted, token: existing?.token ?? crypto.randomBytes(32).toString("hex") };
  fs.writeFileSync(paths.httpConfig, `${JSON.stringify(config)}\n`, { mode: 0o600 });
  fs.chmodSync(paths.httpConfig, 0o600);
  return config;
}

export function tokenMatches(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
