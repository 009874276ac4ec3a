/** The path context every stage classifies paths with (workspace, home, $INFRAGATE_HOME, kubeconfigs, the
 *  running installation, case sensitivity), built
 *  once per decision from the runtime context. */
import os from "node:os";
import path from "node:path";
import type { PathContext } from "../clis/path-classes.js";
import type { Env } from "../shell/types.js";
import { caseInsensitiveFs, runningInstalls } from "./installs.js";

export function pathContextOf(root: string, env: Env, infragateHome: string): PathContext {
  const home = env.HOME || os.homedir();
  const kubeconfigs = (env.KUBECONFIG ?? "")
    .split(path.delimiter)
    .filter((p) => p.length > 0)
    .map((p) => path.resolve(root, p.startsWith("~/") ? path.join(home, p.slice(2)) : p));
  return { root, home, infragateHome, kubeconfigs, installs: runningInstalls(), caseInsensitive: caseInsensitiveFs(env) };
}
