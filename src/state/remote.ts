/** Remote-state facts of object.write / object.delete operations: is the object (or, for a recursive call,
 *  the prefix) the state of a Terraform root in this workspace? Terraform's object names per backend:
 *  s3 `key` and `<workspace_key_prefix|env:>/<ws>/key`; gcs `<prefix>/<ws>.tfstate`; azurerm `key` and
 *  `key` + `env:<ws>` in `storage_account_name/container_name`. */
import path from "node:path";
import type { Operation, OperationWith } from "../clis/types.js";
import type { ObjectAccess } from "../facts/generated/31-remote-state.js";
import { openBackendCache } from "./backend-cache.js";
import { findBackends, type RemoteBackend } from "./backends.js";
import { trimTrailingSlashes } from "../util/text.js";

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

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A backend attribute as a pattern: an interpolation (terragrunt's `${path_relative_to_include()}`,
 *  `${local.env}`) stands for any text. `literal` is the text before the first interpolation, `open`
 *  whether one follows. */
interface Pattern {
  readonly re: string;
  readonly literal: string;
  readonly open: boolean;
}

function pattern(value: string): Pattern {
  const parts = value.split(/\$\{[^}]*\}/);
  return { re: parts.map(escapeRe).join(".+"), literal: parts[0] ?? "", open: parts.length > 1 };
}

function whole(re: string, text: string): boolean {
  return new RegExp(`^(?:${re})$`).test(text);
}

const NONE = { exact: false, covers: false };

/** Does an object key name the state, given the backend's state-key test and where its state keys start? */
function names(t: Target, isState: (key: string) => boolean, stateKeys: readonly Pattern[]): { exact: boolean; covers: boolean } {
  const glob = /[*?[]/.test(t.key);
  const exact = !glob && isState(t.key);
  const prefix = glob ? literalPrefix(t.key) : t.key;
  const dir = prefix.endsWith("/") || glob ? prefix : `${prefix}/`;
  const covers =
    (t.recursive || glob) &&
    stateKeys.some((k) => prefix === "" || k.literal === prefix || k.literal.startsWith(dir) || (k.open && prefix.startsWith(k.literal)));
  return { exact, covers };
}

function s3Match(t: Target, b: RemoteBackend): { exact: boolean; covers: boolean } {
  if (t.store !== "s3" || !whole(pattern(b.config.bucket ?? "").re, t.bucket)) return NONE;
  const key = pattern(b.config.key ?? "");
  const wkp = b.config.workspace_key_prefix ?? "env:";
  const isState = (k: string): boolean => whole(`${key.re}|${escapeRe(wkp)}/[^/]+/(?:${key.re})`, k);
  return names(t, isState, [key, { re: "", literal: `${wkp}/`, open: true }]);
}

function gcsMatch(t: Target, b: RemoteBackend): { exact: boolean; covers: boolean } {
  if (t.store !== "gcs" || !whole(pattern(b.config.bucket ?? "").re, t.bucket)) return NONE;
  const prefix = pattern(trimTrailingSlashes(b.config.prefix ?? ""));
  const dirRe = prefix.re === "" ? "" : `${prefix.re}/`;
  const isState = (k: string): boolean => whole(`${dirRe}[^/]+\\.tfstate`, k);
  return names(t, isState, [{ re: "", literal: prefix.literal === "" || prefix.open ? prefix.literal : `${prefix.literal}/`, open: true }]);
}

function azureMatch(t: Target, b: RemoteBackend): { exact: boolean; covers: boolean } {
  if (t.store !== "azure") return NONE;
  const [account = "", container = ""] = t.bucket.split("/");
  const acctOk = account === "" || !b.config.storage_account_name || whole(pattern(b.config.storage_account_name).re, account);
  if (!acctOk || !whole(pattern(b.config.container_name ?? "").re, container)) return NONE;
  const key = pattern(b.config.key ?? "");
  return names(t, (k) => whole(`(?:${key.re})(?:env:.+)?`, k), [key]);
}

/** Object names are at most 1024 bytes in S3, Cloud Storage and Azure Blob: a longer key names no object
 *  (the call fails), and the patterns never run on attacker-sized input. */
const MAX_KEY = 1024;

function match(t: Target, b: RemoteBackend): { exact: boolean; covers: boolean } {
  if (t.key.length > MAX_KEY || t.bucket.length > MAX_KEY) return NONE;
  if (b.type === "s3") return s3Match(t, b);
  if (b.type === "gcs") return gcsMatch(t, b);
  return azureMatch(t, b);
}

/** Fill backendState / backendPrefix / backendRoots of object operations (reads the workspace once).
 *  `home` ($INFRAGATE_HOME) holds the cache of parsed backend files; "" reads every file. */
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
