/** Where the decision service keeps its files: $INFRAGATE_HOME/serve/ (mode 0700, so only the user can enter
 *  it and reach the socket). The thin client (hooks/serve-client.cjs) computes the same paths by hand. */
import fs from "node:fs";
import path from "node:path";

export interface ServePaths {
  /** $INFRAGATE_HOME/serve: the directory only the user can enter. */
  readonly dir: string;
  /** The Unix socket every command-hook client talks to. */
  readonly socket: string;
  /** pid and port of the running service, written when it listens. */
  readonly pidFile: string;
  /** The per-user secret the HTTP hook sends, and the port it listens on (written by install --http). */
  readonly httpConfig: string;
  /** The service's own log (start, stop, reloads, errors; never decisions: those go to the audit log). */
  readonly log: string;
}

export function servePaths(home: string): ServePaths {
  const dir = path.join(home, "serve");
  return {
    dir,
    socket: path.join(dir, "sock"),
    pidFile: path.join(dir, "serve.pid"),
    httpConfig: path.join(dir, "http.json"),
    log: path.join(dir, "serve.log"),
  };
}

/** Create the directory 0700 and make sure nobody else can enter it (an existing one is tightened). */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = fs.statSync(dir);
  if (typeof process.getuid === "function" && st.uid !== process.getuid()) {
    throw new Error(`${dir} belongs to another user (uid ${st.uid}); the decision service will not use it`);
  }
  if ((st.mode & 0o077) !== 0) fs.chmodSync(dir, 0o700);
}
