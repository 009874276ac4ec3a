/** The user's home directory as the agent would see it: $HOME when set, else the OS's. */
import os from "node:os";

export function homeDir(env: Readonly<Record<string, string | undefined>>): string {
  return env.HOME && env.HOME.length > 0 ? env.HOME : os.homedir();
}
