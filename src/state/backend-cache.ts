/** A per-workspace cache of the backend blocks read from *.tf and *.tfbackend files, under
 *  $INFRAGATE_HOME/backends/<hash of the root>.json, keyed by each file's size, mtime and inode: a file that
 *  did not change is not read again, so hcl2-parser is loaded only when a backend file changed. Written
 *  atomically; a cache that cannot be read or written is ignored (the files are read instead). */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { sha256 } from "./read.js";

const Entry = z.object({
  stamp: z.string(),
  /** Backend blocks of a .tf file, or the attributes of a .tfbackend file (type ""). */
  blocks: z.array(z.object({ type: z.string(), config: z.record(z.string(), z.string()) })),
});
const CacheFile = z.object({ version: z.literal(1), files: z.record(z.string(), Entry) });

export type CachedBlocks = z.infer<typeof Entry>["blocks"];

export interface BackendCache {
  /** Cached blocks of a file, or read them with `read` (and remember them). */
  blocks(file: string, read: () => CachedBlocks): CachedBlocks;
  save(): void;
}

function stampOf(file: string): string {
  try {
    const st = fs.statSync(file, { bigint: true });
    return `${st.size}:${st.mtimeNs}:${st.ino}`;
  } catch {
    return "";
  }
}

export function openBackendCache(home: string, root: string): BackendCache {
  const file = path.join(home, "backends", `${sha256(root).slice(0, 32)}.json`);
  let old: Record<string, z.infer<typeof Entry>> = {};
  try {
    const parsed = CacheFile.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
    if (parsed.success) old = parsed.data.files;
  } catch {
    // No cache yet, or an unreadable one: read the files.
  }
  const now: Record<string, z.infer<typeof Entry>> = {};
  let changed = false;
  return {
    blocks(f, read) {
      const stamp = stampOf(f);
      const hit = old[f];
      if (hit && stamp !== "" && hit.stamp === stamp) {
        now[f] = hit;
        return hit.blocks;
      }
      const blocks = read();
      now[f] = { stamp, blocks };
      changed = true;
      return blocks;
    },
    save() {
      if (!changed && Object.keys(now).length === Object.keys(old).length) return;
      try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, JSON.stringify({ version: 1, files: now }));
        fs.renameSync(tmp, file);
      } catch {
        // Best effort: the next call reads the files again.
      }
    },
  };
}
