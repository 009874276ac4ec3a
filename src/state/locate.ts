/** Which state an operation will use: data dir, workspace, backend config, and the local state path.
 *  Follows terraform's own rules (iac-semantics.md §3.3, §3.4): TF_DATA_DIR replaces `.terraform`,
 *  TF_WORKSPACE overrides `<data dir>/environment`, `-state=PATH` overrides the local state path,
 *  non-default workspaces live in `terraform.tfstate.d/<ws>/terraform.tfstate`, and a backend other
 *  than `local` keeps the state remotely (not readable here). */
import path from "node:path";
import { readBackend, readSmallText, type BackendInfo } from "./read.js";

export interface LocateInput {
  /** Absolute effective directory of the operation. */
  readonly dir: string;
  /** TF_DATA_DIR as given (relative to dir), "" when unset. */
  readonly dataDir: string;
  /** TF_WORKSPACE as given, "" when unset. */
  readonly workspaceEnv: string;
  /** The -state=PATH option as given, "" when absent. */
  readonly stateOption: string;
}

interface Location extends LocateInput {
  /** Absolute data dir (`<dir>/.terraform` unless TF_DATA_DIR). */
  readonly dataDirAbs: string;
  /** The workspace `<data dir>/environment` selects ("default" without one). */
  readonly selected: string;
  /** The workspace in effect: TF_WORKSPACE, else the selected one. */
  readonly workspace: string;
  readonly backend: BackendInfo;
  /** Absolute path of the local state file; "" when the state is remote. */
  readonly statePath: string;
}

const DEFAULT_WORKSPACE = "default";

function str(v: unknown): string {
  return typeof v === "string" ? v : "";
}

export function locate(input: LocateInput): Location {
  const dataDirAbs = path.resolve(input.dir, input.dataDir || ".terraform");
  const selected = readSmallText(path.join(dataDirAbs, "environment"))?.trim() || DEFAULT_WORKSPACE;
  const workspace = input.workspaceEnv || selected;
  const backend = readBackend(path.join(dataDirAbs, "terraform.tfstate"));
  let statePath = "";
  if (backend.type === "" || backend.type === "local") {
    const config = backend.config;
    if (input.stateOption) {
      statePath = path.resolve(input.dir, input.stateOption);
    } else if (workspace === DEFAULT_WORKSPACE) {
      statePath = path.resolve(input.dir, str(config.path) || "terraform.tfstate");
    } else {
      statePath = path.resolve(input.dir, str(config.workspace_dir) || "terraform.tfstate.d", workspace, "terraform.tfstate");
    }
  }
  return { ...input, dataDirAbs, selected, workspace, backend, statePath };
}
