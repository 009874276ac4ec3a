/** Objects in a cloud object store (S3, Cloud Storage, Azure Blob) that a CLI call writes or deletes: an
 *  `object.write` / `object.delete` request each, so that writing or deleting a Terraform state object is
 *  decided like a local state swap (policies/remote-state.cedar). The name facts are pure; whether the object
 *  is the state of a Terraform root in the workspace (backend blocks) is filled by the enrichment stage. */
import path from "node:path";
import type { FileEffect, SimpleCommand } from "../shell/types.js";
import { effectOf, resolvePath } from "./file-tools/args.js";
import type { Operation } from "./types.js";
import { trimTrailingSlashes } from "../util/text.js";

export type ObjectStore = "s3" | "gcs" | "azure";

export interface ObjectRef {
  readonly store: ObjectStore;
  /** Bucket; for Azure `account/container` ("" account when not given). */
  readonly bucket: string;
  /** Object key, "" for the whole bucket; may hold a glob. */
  readonly key: string;
}

/** `s3://b/k`, `gs://b/k`, `https://acct.blob.core.windows.net/container/blob`; undefined for a local path. */
export function parseObjectUrl(url: string): ObjectRef | undefined {
  const m = /^(s3|gs):\/\/([^/]+)\/?(.*)$/.exec(url);
  if (m) return { store: m[1] === "s3" ? "s3" : "gcs", bucket: m[2] as string, key: m[3] as string };
  const az = /^https?:\/\/([^./]+)\.blob\.core\.windows\.net\/([^/?]+)\/?([^?]*)/i.exec(url);
  if (az) return { store: "azure", bucket: `${az[1]}/${az[2]}`, key: az[3] as string };
  return undefined;
}

export function objectUrl(ref: ObjectRef): string {
  if (ref.store === "azure") return `azure://${ref.bucket}/${ref.key}`;
  return `${ref.store === "s3" ? "s3" : "gs"}://${ref.bucket}/${ref.key}`;
}

/** A Terraform state by its name: `*.tfstate`, `*.tfstate.backup`, `*.tfstate.<n>.backup` (globs as written). */
export function isStateName(key: string): boolean {
  const base = key.split("/").pop() ?? "";
  return /\.tfstate$/i.test(base) || /\.tfstate(\.\d+)?\.(backup|bak)$/i.test(base);
}

/** The key an upload writes: a destination ending in `/` (or a bucket), or one of several sources, or a
 *  recursive copy, is a prefix that the source's base name is appended to. */
export function uploadKey(destKey: string, source: string, intoPrefix: boolean): string {
  if (!intoPrefix && destKey !== "" && !destKey.endsWith("/")) return destKey;
  const base = path.posix.basename(trimTrailingSlashes(source));
  const prefix = destKey === "" || destKey.endsWith("/") ? destKey : `${destKey}/`;
  return `${prefix}${base}`;
}

export interface ObjectAccess {
  readonly op: "write" | "delete";
  readonly ref: ObjectRef;
  /** Every object under `key` as a prefix (recursive copy, sync, rm -r, a bucket delete with its objects). */
  readonly recursive: boolean;
  /** The objects could be named (false: names read from stdin or a file). */
  readonly known?: boolean;
}

/** One object.<op> request. backendState / backendPrefix / backendRoots start empty: src/enrich fills them. */
export function objectOperation(cmd: SimpleCommand, via: string, a: ObjectAccess): Operation {
  const url = objectUrl(a.ref);
  return {
    action: `object.${a.op}`,
    resource: { type: "StoredObject", url },
    context: {
      command: cmd.text,
      program: cmd.program,
      via,
      store: a.ref.store,
      bucket: a.ref.bucket,
      key: a.ref.key,
      recursive: a.recursive,
      known: a.known ?? true,
      stateName: isStateName(a.ref.key),
      backendState: false,
      backendPrefix: false,
      backendRoots: [],
      cwd: cmd.cwd,
    },
    summary: `${via}: ${a.op} ${url}${a.recursive ? " (recursive)" : ""}`,
  };
}

/** The local files a download of `names` (object base names) to `dest` writes: `dest` itself, and
 *  `dest/<name>` when dest is a directory: certainly for `.`, `..` or a trailing `/`, else when the
 *  enrichment stage finds an existing directory there (FileEffect.ifDirectory). */
export function downloadEffects(cmd: SimpleCommand, dest: string, names: readonly string[], via: string): FileEffect[] {
  const abs = resolvePath(cmd, dest);
  const certainlyDir = dest === "." || dest === ".." || dest.endsWith("/") || dest.endsWith("/.");
  const out: FileEffect[] = certainlyDir ? [] : [effectOf(cmd, "write", abs, via)];
  for (const n of names) {
    if (n === "" || n === "." || n === "..") continue;
    out.push(effectOf(cmd, "write", path.join(abs, n), via, certainlyDir ? {} : { ifDirectory: abs }));
  }
  return out;
}
