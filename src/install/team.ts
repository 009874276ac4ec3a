/** `infragate install <agent> --team`: settings meant to be committed. The command names no path of this
 *  machine: it runs the launcher of the repository's own infragate (a devDependency, in
 *  <project>/node_modules/infragate) with the node on PATH, and blocks with "run npm install" where a clone
 *  has not installed it yet. The project directory comes from the agent ($CLAUDE_PROJECT_DIR,
 *  $GEMINI_PROJECT_DIR) or, for agents that set none, from git (the repository root) or the working folder. */
import fs from "node:fs";
import path from "node:path";
import { LAUNCHER } from "../agents/settings/marker.js";

const PROJECT_DIR = '${CLAUDE_PROJECT_DIR:-${GEMINI_PROJECT_DIR:-$(git rev-parse --show-toplevel 2>/dev/null || pwd)}}';

/** The committed hook command for an agent (POSIX sh, as every agent here runs command hooks). */
export function teamCommand(agent: string): string {
  const launcher = `"$d/node_modules/infragate/${LAUNCHER}"`;
  return (
    `d="${PROJECT_DIR}"; if [ -f ${launcher} ]; then node ${launcher} ${agent}; ` +
    `else echo "infragate is not installed in $d: run npm install (infragate is a devDependency of this repository); until then every tool call is blocked" >&2; exit 2; fi`
  );
}

/** What would keep a team install from working in other clones. */
export function teamProblems(dir: string): string[] {
  const pkgFile = path.join(dir, "package.json");
  let pkg: unknown;
  try {
    pkg = JSON.parse(fs.readFileSync(pkgFile, "utf8"));
  } catch {
    return [`${pkgFile} is missing or unreadable: add infragate as a devDependency (npm install --save-dev infragate) so that every clone gets it with npm install`];
  }
  const deps = (k: string): Record<string, unknown> => {
    const v = pkg !== null && typeof pkg === "object" ? (pkg as Record<string, unknown>)[k] : undefined;
    return v !== null && typeof v === "object" ? (v as Record<string, unknown>) : {};
  };
  if (deps("devDependencies").infragate === undefined && deps("dependencies").infragate === undefined) {
    return [`infragate is not a dependency in ${pkgFile}: run 'npm install --save-dev infragate' and commit package.json and the lock file, or teammates' hooks block with "run npm install"`];
  }
  return [];
}
