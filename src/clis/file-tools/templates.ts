/** `cp terraform.tfvars.example terraform.tfvars`, `cp .env.example .env`: creating a secrets file from its
 *  committed template is setup, not a change to secrets. Such a write is `via: "cp template"`; the enrich
 *  stage turns it back into a plain `cp` when the destination already exists (an overwrite). Pure. */
import path from "node:path";
import type { FileEffect } from "../../shell/types.js";

export const TEMPLATE_COPY_VIA = "cp template";
const TEMPLATE_SUFFIXES = [".example", ".sample", ".template", ".dist", ".defaults"];

/** Mark cp's writes that land on the name of their template source. */
export function markTemplateCopies(effects: readonly FileEffect[]): FileEffect[] {
  const sources = effects.filter((e) => e.op === "read" && e.via === "cp").map((e) => path.basename(e.path));
  if (sources.length !== 1) return [...effects];
  const source = sources[0] ?? "";
  return effects.map((e) =>
    e.op === "write" && e.via === "cp" && e.archive === undefined && TEMPLATE_SUFFIXES.some((s) => `${path.basename(e.path)}${s}` === source)
      ? { ...e, via: TEMPLATE_COPY_VIA }
      : e,
  );
}
