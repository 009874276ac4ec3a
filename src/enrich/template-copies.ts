/** A copy from a template (`cp .env.example .env`) creates the secrets file; over an existing one it is an
 *  overwrite of secrets, and is read as a plain `cp` again. */
import fs from "node:fs";
import { TEMPLATE_COPY_VIA } from "../clis/file-tools/templates.js";
import type { FileEffect } from "../shell/types.js";

export function settleTemplateCopies(files: readonly FileEffect[]): readonly FileEffect[] {
  return files.map((f) => (f.via === TEMPLATE_COPY_VIA && fs.existsSync(f.path) ? { ...f, via: "cp" } : f));
}
