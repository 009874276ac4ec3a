/** Where infragate keeps its state: $INFRAGATE_HOME, else $XDG_STATE_HOME/infragate, else ~/.local/state/infragate. */
import os from "node:os";
import path from "node:path";

export function getInfragateHome(env: Readonly<Record<string, string | undefined>>): string {
  const explicit = env.INFRAGATE_HOME;
  if (explicit && explicit.length > 0) return path.resolve(explicit);
  const xdg = env.XDG_STATE_HOME;
  if (xdg && xdg.length > 0) return path.join(path.resolve(xdg), "infragate");
  return path.join(env.HOME && env.HOME.length > 0 ? env.HOME : os.homedir(), ".local", "state", "infragate");
}
