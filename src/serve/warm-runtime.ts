/** The decision service's runtime cache: the compiled pack, the workspace's config and policies and the Cedar
 *  engine (with its preparsed policy sets) stay loaded between decisions. Before every decision a few stats
 *  tell whether any input changed (the pack, `.infragate/config.json`, `.infragate/policies/*.cedar`); a change
 *  reloads, so an answer never comes from stale rules. The agent and environment are per call. */
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

export interface WarmRuntime {
  /** As loadRuntime, from the cache when nothing it reads has changed. */
  readonly load: (opts: RuntimeOptions) => DecideContext;
  /** How many times rules were (re)loaded: for status and tests. */
  readonly loads: () => number;
}

export function createWarmRuntime(maxWorkspaces = 32): WarmRuntime {
  const packRoot = getPackageRoot();
  const cache = new Map<string, Cached>();
  let loads = 0;
  return {
    load(opts) {
      const root = findWorkspaceRoot(opts.cwd);
      const key = `${root}\0${getInfragateHome(opts.env)}`;
      const signature = rulesSignature(root, packRoot);
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
