// Placeholder until archive listing lands: archive members stay unknown (a fact policies decide on).
import type { FileEffect } from "../shell/types.js";

/** List archives that an extraction would unpack, where they exist. */
export async function listArchiveMembers(files: readonly FileEffect[]): Promise<readonly FileEffect[]> {
  return files;
}
