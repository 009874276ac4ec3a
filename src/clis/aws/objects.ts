/** What an aws call does to S3 objects and local files: object.write / object.delete requests for uploads,
 *  moves, syncs and removes (remote Terraform state, src/clis/remote-objects.ts), and the local file a
 *  download or an OUTFILE operation writes (a directory destination resolved to the file it writes). */
import path from "node:path";
import type { FileEffect, SimpleCommand } from "../../shell/types.js";
import { effectOf } from "../file-tools/args.js";
import { downloadEffects, parseObjectUrl, uploadKey, type ObjectAccess } from "../remote-objects.js";
import { paramValue, type AwsParams } from "./grammar.js";
import { hasOutfile } from "./params.js";
import { trimTrailingSlashes } from "../../util/text.js";

/** Objects an s3 / s3api call writes or deletes. */
export function s3Objects(service: string, operation: string, p: AwsParams, names: readonly string[]): ObjectAccess[] {
  const [src, dst] = p.positionals;
  const recursive = names.includes("recursive");
  if (service === "s3") {
    const out: ObjectAccess[] = [];
    const srcRef = src ? parseObjectUrl(src) : undefined;
    const dstRef = dst ? parseObjectUrl(dst) : undefined;
    if (operation === "rm" && srcRef) out.push({ op: "delete", ref: srcRef, recursive });
    if (operation === "rb" && srcRef) out.push({ op: "delete", ref: { ...srcRef, key: "" }, recursive: names.includes("force") });
    if (["cp", "mv", "sync"].includes(operation) && dstRef && src !== undefined) {
      const tree = recursive || operation === "sync";
      out.push({ op: "write", ref: { ...dstRef, key: tree ? dstRef.key : uploadKey(dstRef.key, src, false) }, recursive: tree });
      if (operation === "sync" && names.includes("delete")) out.push({ op: "delete", ref: dstRef, recursive: true });
    }
    if (operation === "mv" && srcRef) out.push({ op: "delete", ref: srcRef, recursive });
    return out;
  }
  if (service !== "s3api") return [];
  const bucket = paramValue(p, "bucket") ?? "";
  const key = paramValue(p, "key") ?? "";
  const ref = { store: "s3" as const, bucket, key };
  if (operation === "put-object" || operation === "copy-object" || operation === "restore-object") return [{ op: "write", ref, recursive: false }];
  if (operation === "delete-object") return [{ op: "delete", ref, recursive: false }];
  if (operation === "delete-objects") return [{ op: "delete", ref: { ...ref, key: "" }, recursive: true, known: false }];
  return [];
}

/** Local files an s3 download or an OUTFILE operation writes. */
export function localWrites(cmd: SimpleCommand, service: string, operation: string, positionals: readonly string[]): FileEffect[] {
  const via = `aws ${service} ${operation}`;
  if (service === "s3" && ["cp", "mv", "sync"].includes(operation)) {
    const [src, dst] = positionals;
    if (!src?.startsWith("s3://") || dst === undefined || dst.startsWith("s3://") || dst === "-") return [];
    const name = operation === "sync" ? [] : [trimTrailingSlashes(src).split("/").pop() ?? ""];
    return downloadEffects(cmd, dst, name, via);
  }
  if (!hasOutfile(service, operation)) return [];
  const dest = positionals[positionals.length - 1];
  if (dest === undefined || dest === "-") return [];
  return [effectOf(cmd, "write", path.resolve(cmd.cwd, dest), via)];
}
