/** The decision service's runtime cache: the compiled pack, the workspace's config and policies and the Cedar
 *  engine (with its preparsed policy sets) stay loaded between decisions. Before a decision a few stats tell
 *  whether any input changed (the workspace root, the pack, `.infragate/config.json`,
 *  `.infragate/policies/*.cedar`); a change reloads, so an answer never comes from stale rules. A request that
 *  arrived before a check of its folder began is answered with what that check found: the rules it gets are
 *  then at least as fresh as a check made when it arrived (under load, one check serves a whole burst). The
 *  agent and environment are per call. */
import fs from "node:fs";
import path from "node:path";
import { findWorkspaceRoot } from "../config/load.js";
import { getInfragateHome } from "../config/home.js";
import type { DecideContext } from "../decide/index.js";
import { getPackageRoot, prebuiltPackPath } from "../policy/pack.js";
import { loadRuntime, type RuntimeOptions } from "../runtime/context.js";
import { statKey } from "./stat-key.js";

/** Everything a decision's rules depend on, as one string of stats: equal strings, equal rules. */
export function rulesSignature(root: string, packRoot: string): string {
  const parts = [statKey(prebuiltPackPath(packRoot)), statKey(path.join(root, ".infragate", "config.json"))];
  const dir = path.join(root, ".infragate", "policies");
  const dirKey = statKey(dir);
  parts.push(dirKey);
  let names: string[] = [];
  if (dirKey !== "-") {
    try {
      names = fs.readdirSync(dir).filter((n) => n.endsWith(".cedar")).sort();
    } catch {
      names = [];
    }
  }
  for (const n of names) parts.push(`${n}=${statKey(path.join(dir, n))}`);
  return parts.join("|");
}

interface Cached {
  readonly signature: string;
  readonly ctx: DecideContext;
}

/** A folder's last check: when it began (performance.now()), and what it found. */
interface Checked {
  readonly at: number;
  readonly key: string;
  readonly signature: string;
}

export interface WarmRuntime {
  /** As loadRuntime, from the cache when nothing it reads has changed. `arrivedAt` (performance.now() when the
   *  request came in) lets a check that began after it stand for this one. */
  readonly load: (opts: RuntimeOptions, arrivedAt?: number) => DecideContext;
  /** How many times rules were (re)loaded: for status and tests. */
  readonly loads: () => number;
}

export function createWarmRuntime(maxWorkspaces = 32): WarmRuntime {
  const packRoot = getPackageRoot();
  const cache = new Map<string, Cached>();
  const checks = new Map<string, Checked>();
  let loads = 0;
  return {
    load(opts, arrivedAt) {
      const home = getInfragateHome(opts.env);
      const folder = `${opts.cwd}\0${home}`;
      const last = checks.get(folder);
      if (arrivedAt !== undefined && last !== undefined && last.at >= arrivedAt) {
        const hit = cache.get(last.key);
        if (hit && hit.signature === last.signature) return loadRuntimeShell(opts, hit.ctx);
      }
      const at = performance.now();
      const root = findWorkspaceRoot(opts.cwd);
      const key = `${root}\0${home}`;
      const signature = rulesSignature(root, packRoot);
      checks.delete(folder);
      checks.set(folder, { at, key, signature });
      if (checks.size > maxWorkspaces * 4) {
        const oldest = checks.keys().next().value;
        if (oldest !== undefined) checks.delete(oldest);
      }
      const hit = cache.get(key);
      if (hit && hit.signature === signature) {
        // Fresh per call: who asks and with which environment (the rest is the same rules).
        const fresh = loadRuntimeShell(opts, hit.ctx);
        return fresh;
      }
      loads++;
      const ctx = loadRuntime(opts);
      cache.delete(key);
      cache.set(key, { signature, ctx });
      while (cache.size > maxWorkspaces) {
        const oldest = cache.keys().next().value;
        if (oldest === undefined) break;
        cache.delete(oldest);
      }
      return ctx;
    },
    loads: () => loads,
  };
}

/** The cached rules with this call's agent and environment. */
function loadRuntimeShell(opts: RuntimeOptions, cached: DecideContext): DecideContext {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(opts.env)) if (typeof v === "string") env[k] = v;
  return { ...cached, agent: opts.agent, env };
}
