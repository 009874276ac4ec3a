/** Remote-state facts of object.write / object.delete operations: is the object (or, for a recursive call,
 *  the prefix) the state of a Terraform root in this workspace? Terraform's object names per backend:
 *  s3 `key` and `<workspace_key_prefix|env:>/<ws>/key`; gcs `<prefix>/<ws>.tfstate`; azurerm `key` and
 *  `key` + `env:<ws>` in `storage_account_name/container_name`. */
import path from "node:path";
import type { Operation, OperationWith } from "../clis/types.js";
import type { ObjectAccess } from "../facts/generated/31-remote-state.js";
import { openBackendCache } from "./backend-cache.js";
import { findBackends, type RemoteBackend } from "./backends.js";

interface Target {
  readonly store: string;
  readonly bucket: string;
  readonly key: string;
  readonly recursive: boolean;
}

function isObjectOp(op: Operation): op is OperationWith<ObjectAccess> {
  return op.action === "object.write" || op.action === "object.delete";
}

function targetOf(op: OperationWith<ObjectAccess>): Target {
  const c = op.context;
  return { store: c.store, bucket: c.bucket, key: c.key, recursive: c.recursive };
}

/** The part of a key before its first glob character. */
function literalPrefix(key: string): string {
  const i = key.search(/[*?[]/);
  return i < 0 ? key : key.slice(0, i);
}

/** Does an object key name the state, given the backend's state-key test? */
function names(t: Target, isState: (key: string) => boolean, stateKeys: readonly string[]): { exact: boolean; covers: boolean } {
  const glob = /[*?[]/.test(t.key);
  const exact = !glob && isState(t.key);
  const prefix = glob ? literalPrefix(t.key) : t.key;
  const covers = (t.recursive || glob) && stateKeys.some((k) => prefix === "" || k === prefix || k.startsWith(prefix.endsWith("/") || glob ? prefix : `${prefix}/`));
  return { exact, covers };
}

function s3Match(t: Target, b: RemoteBackend): { exact: boolean; covers: boolean } {
  if (t.store !== "s3" || t.bucket !== b.config.bucket) return { exact: false, covers: false };
  const key = b.config.key ?? "";
  const wkp = b.config.workspace_key_prefix ?? "env:";
  const isState = (k: string): boolean => k === key || (k.startsWith(`${wkp}/`) && k.endsWith(`/${key}`) && !k.slice(wkp.length + 1, -key.length - 1).includes("/"));
  return names(t, isState, [key, `${wkp}/`]);
}

function gcsMatch(t: Target, b: RemoteBackend): { exact: boolean; covers: boolean } {
  if (t.store !== "gcs" || t.bucket !== b.config.bucket) return { exact: false, covers: false };
  const prefix = (b.config.prefix ?? "").replace(/\/+$/, "");
  const dir = prefix === "" ? "" : `${prefix}/`;
  const isState = (k: string): boolean => k.startsWith(dir) && /^[^/]+\.tfstate$/.test(k.slice(dir.length));
  return names(t, isState, [`${dir}default.tfstate`]);
}

function azureMatch(t: Target, b: RemoteBackend): { exact: boolean; covers: boolean } {
  if (t.store !== "azure") return { exact: false, covers: false };
  const [account = "", container = ""] = t.bucket.split("/");
  const acctOk = account === "" || !b.config.storage_account_name || account === b.config.storage_account_name;
  if (!acctOk || container !== b.config.container_name) return { exact: false, covers: false };
  const key = b.config.key ?? "";
  return names(t, (k) => k === key || k.startsWith(`${key}env:`), [key]);
}

function match(t: Target, b: RemoteBackend): { exact: boolean; covers: boolean } {
  if (b.type === "s3") return s3Match(t, b);
  if (b.type === "gcs") return gcsMatch(t, b);
  return azureMatch(t, b);
}

/** Fill backendState / backendPrefix / backendRoots of object operations (reads the workspace once). */
/** `home` ($INFRAGATE_HOME) holds the cache of parsed backend files; "" reads every file. */
export function enrichRemoteState(ops: readonly Operation[], root: string, home = ""): readonly Operation[] {
  if (!ops.some(isObjectOp)) return ops;
  const backends = findBackends(root, home ? openBackendCache(home, root) : undefined);
  if (backends.length === 0) return ops;
  return ops.map((op): Operation => {
    if (!isObjectOp(op)) return op;
    const t = targetOf(op);
    let exact = false;
    let covers = false;
    const roots = new Set<string>();
    for (const b of backends) {
      const m = match(t, b);
      if (m.exact || m.covers) roots.add(path.relative(root, b.root) || ".");
      exact = exact || m.exact;
      covers = covers || m.covers;
    }
    if (roots.size === 0) return op;
    const note = `${exact ? "it is" : "its prefix holds"} the backend state of ${[...roots].join(", ")}`;
    return { ...op, context: { ...op.context, backendState: exact, backendPrefix: covers && !exact, backendRoots: [...roots] }, summary: `${op.summary} (${note})` };
  });
}
