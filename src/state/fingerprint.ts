/** One look at the state an operation will use: the data dir's selection (backend, workspace) and the
 *  state file's header. Cheap: small files are read, the state file only when its stamp changed. */
import { locate, type LocateInput } from "./locate.js";
import { readStateHeader, ABSENT, type StateHeader } from "./read.js";
import type { Fingerprint } from "./store.js";

/** cached: earlier headers (any path); one whose stamp still matches the file is reused. */
export function takeFingerprint(input: LocateInput, cached: readonly (StateHeader | undefined)[] = []): Fingerprint {
  const loc = locate(input);
  const headers = cached.filter((c): c is StateHeader => c !== undefined);
  return {
    dataDir: loc.dataDirAbs,
    selection: { workspace: loc.selected, backendType: loc.backend.type, backendHash: loc.backend.hash },
    workspace: loc.workspace,
    statePath: loc.statePath,
    header: loc.statePath ? readStateHeader(loc.statePath, headers) : ABSENT,
    workspaceEnv: input.workspaceEnv,
    stateOption: input.stateOption,
  };
}

/** The inputs that locate the same state again (for `state accept` and `state show`). */
export function inputsOf(dir: string, fp: Fingerprint): LocateInput {
  return { dir, dataDir: fp.dataDir, workspaceEnv: fp.workspaceEnv, stateOption: fp.stateOption };
}

/** The selection (workspace, backend) a data dir makes today. */
export function readSelection(dir: string, dataDirAbs: string): Fingerprint["selection"] {
  const loc = locate({ dir, dataDir: dataDirAbs, workspaceEnv: "", stateOption: "" });
  return { workspace: loc.selected, backendType: loc.backend.type, backendHash: loc.backend.hash };
}
