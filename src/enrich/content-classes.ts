/** Where a file's name says one thing and its content another: a `*.key` that is a zip (an Apple Keynote
 *  document) holds no private key, and a `*.plan` that is not a zip is no Terraform plan (`terraform plan
 *  -out` writes a zip). Only existing files are looked at (their first bytes); a file that does not exist
 *  yet keeps the classes of its name. Never throws. */
import fs from "node:fs";
import type { FileEffect } from "../shell/types.js";

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The first bytes of a regular file, or undefined. */
function head(abs: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    if (!fs.statSync(abs).isFile()) return undefined;
    fd = fs.openSync(abs, "r");
    const buf = Buffer.alloc(4);
    const n = fs.readSync(fd, buf, 0, 4, 0);
    return buf.subarray(0, n);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function unlikeOf(abs: string): string[] {
  const lower = abs.toLowerCase();
  const isKey = lower.endsWith(".key");
  const isPlan = lower.endsWith(".plan") && !lower.endsWith(".tfplan");
  if (!isKey && !isPlan) return [];
  const bytes = head(abs);
  if (bytes === undefined) return [];
  const zip = bytes.length === 4 && bytes.equals(ZIP_MAGIC);
  if (isKey && zip) return ["secret"];
  if (isPlan && !zip) return ["plan"];
  return [];
}

export function settleContentClasses(files: readonly FileEffect[]): readonly FileEffect[] {
  return files.map((f) => {
    if (f.archive !== undefined || f.search !== undefined) return f;
    const unlike = unlikeOf(f.path);
    return unlike.length > 0 ? { ...f, unlike } : f;
  });
}
