/** Find the workspace root and read its `.infragate/config.json`. */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { Config } from "./schema.js";

interface LoadedConfig {
  readonly root: string;
  readonly config: Config;
  /** Problems reading the config: the caller fails closed on them. */
  readonly problems: readonly string[];
}

/** The nearest ancestor of cwd holding `.infragate/` or `.git`; cwd itself when there is none. */
export function findWorkspaceRoot(cwd: string): string {
  let dir = path.resolve(cwd);
  for (;;) {
    if (fs.existsSync(path.join(dir, ".infragate")) || fs.existsSync(path.join(dir, ".git"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(cwd);
    dir = parent;
  }
}

export function loadConfig(root: string): LoadedConfig {
  const file = path.join(root, ".infragate", "config.json");
  let raw: string;
  try {
    raw = fs.readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { root, config: Config.parse({}), problems: [] };
    return { root, config: Config.parse({}), problems: [`cannot read ${file}: ${(err as Error).message}`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    return { root, config: Config.parse({}), problems: [`${file} is not valid JSON: ${(err as Error).message}`] };
  }
  const parsed = Config.safeParse(json);
  if (!parsed.success) {
    return { root, config: Config.parse({}), problems: [`${file} is invalid:\n${z.prettifyError(parsed.error)}`] };
  }
  return { root, config: parsed.data, problems: [] };
}
