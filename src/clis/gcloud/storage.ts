/** Object effects of `gcloud storage` and `gsutil` copies, moves, syncs and removes: object.write /
 *  object.delete requests (remote Terraform state) and the local files a download writes. */
import type { FileEffect, SimpleCommand } from "../../shell/types.js";
import { downloadEffects, parseObjectUrl, uploadKey, type ObjectAccess } from "../remote-objects.js";
import { trimTrailingSlashes } from "../../util/text.js";

export interface StorageCall {
  /** cp | mv | rm | rsync | other */
  readonly verb: string;
  readonly urls: readonly string[];
  readonly recursive: boolean;
  /** rsync: delete destination objects missing from the source. */
  readonly deleteExtra: boolean;
  /** rm -I / cp -I: the names come from stdin. */
  readonly fromStdin: boolean;
}

export interface StorageEffects {
  readonly objects: readonly ObjectAccess[];
  readonly files: readonly FileEffect[];
}

function hasGlob(key: string): boolean {
  return /[*?[]/.test(key);
}

export function storageEffects(cmd: SimpleCommand, via: string, c: StorageCall): StorageEffects {
  const objects: ObjectAccess[] = [];
  const files: FileEffect[] = [];
  if (c.verb === "rm") {
    for (const u of c.urls) {
      const ref = parseObjectUrl(u);
      if (ref) objects.push({ op: "delete", ref, recursive: c.recursive || hasGlob(ref.key) || ref.key === "" });
    }
    if (c.fromStdin) objects.push({ op: "delete", ref: { store: "gcs", bucket: "", key: "" }, recursive: true, known: false });
    return { objects, files };
  }
  if (c.verb !== "cp" && c.verb !== "mv" && c.verb !== "rsync") return { objects, files };
  const dest = c.urls[c.urls.length - 1];
  const sources = c.urls.slice(0, -1);
  if (dest === undefined || sources.length === 0) return { objects, files };
  const destRef = parseObjectUrl(dest);
  if (destRef) {
    const intoPrefix = sources.length > 1 || c.recursive || c.verb === "rsync";
    for (const s of sources) {
      const key = c.verb === "rsync" ? destRef.key : uploadKey(destRef.key, s, intoPrefix);
      objects.push({ op: "write", ref: { ...destRef, key }, recursive: c.recursive || c.verb === "rsync" });
    }
    if (c.verb === "rsync" && c.deleteExtra) objects.push({ op: "delete", ref: destRef, recursive: true });
  } else if (dest !== "-") {
    // A download: the local file (or `dir/<object name>` when the destination is a directory).
    const remote = sources.filter((s) => parseObjectUrl(s) !== undefined);
    const names = remote.map((s) => trimTrailingSlashes(s).split("/").pop() ?? "");
    files.push(...downloadEffects(cmd, dest, names, via));
  }
  if (c.verb === "mv") {
    for (const s of sources) {
      const ref = parseObjectUrl(s);
      if (ref) objects.push({ op: "delete", ref, recursive: c.recursive });
    }
  }
  return { objects, files };
}
