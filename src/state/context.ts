/** Where the state stage reads and remembers: infragate's home, the agent session, the workspace, the env. */
import type { PathContext } from "../clis/path-classes.js";
import type { Env } from "../shell/types.js";

export interface StateContext {
  /** $INFRAGATE_HOME */
  readonly home: string;
  /** The agent session id ("" when the agent gives none). */
  readonly session: string;
  readonly root: string;
  readonly env: Env;
  /** How paths are classified (src/decide/paths.ts builds it once per decision). */
  readonly paths: PathContext;
}
