/** Member names of a zip file from its central directory: pure TypeScript, no process, bounded reads. */
import fs from "node:fs/promises";

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const MAX_COMMENT = 0xffff;
/** A central directory larger than this is not read (the listing stays unknown). */
const MAX_CENTRAL_BYTES = 32 * 1024 * 1024;

interface ZipListing {
  readonly names: readonly string[];
  /** More entries than the cap: names holds the first `cap`. */
  readonly capped: boolean;
}

async function readAt(fh: fs.FileHandle, offset: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, offset);
  return buf.subarray(0, bytesRead);
}

function findEocd(tail: Buffer): number {
  for (let i = tail.length - 22; i >= 0; i--) if (tail.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/** List a zip's member names. Throws on anything that is not a readable zip. */
export async function listZip(file: string, cap: number): Promise<ZipListing> {
  const fh = await fs.open(file, "r");
  try {
    const size = (await fh.stat()).size;
    const tailLen = Math.min(size, 22 + MAX_COMMENT + 20);
    const tailStart = size - tailLen;
    const tail = await readAt(fh, tailStart, tailLen);
    const at = findEocd(tail);
    if (at < 0) throw new Error("not a zip file (no end of central directory)");
    let count = tail.readUInt16LE(at + 10);
    let cdSize = tail.readUInt32LE(at + 12);
    let cdOffset = tail.readUInt32LE(at + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      const loc = at - 20;
      if (loc < 0 || tail.readUInt32LE(loc) !== ZIP64_LOCATOR) throw new Error("zip64 locator missing");
      const recOffset = Number(tail.readBigUInt64LE(loc + 8));
      const rec = await readAt(fh, recOffset, 56);
      if (rec.length < 56 || rec.readUInt32LE(0) !== ZIP64_EOCD) throw new Error("zip64 record missing");
      count = Number(rec.readBigUInt64LE(32));
      cdSize = Number(rec.readBigUInt64LE(40));
      cdOffset = Number(rec.readBigUInt64LE(48));
    }
    if (cdSize > MAX_CENTRAL_BYTES || cdOffset + cdSize > size) throw new Error("central directory too large or out of range");
    const cd = await readAt(fh, cdOffset, cdSize);
    const names: string[] = [];
    let pos = 0;
    for (let n = 0; n < count; n++) {
      if (pos + 46 > cd.length || cd.readUInt32LE(pos) !== CENTRAL) throw new Error("corrupt central directory");
      const flags = cd.readUInt16LE(pos + 8);
      const nameLen = cd.readUInt16LE(pos + 28);
      const extraLen = cd.readUInt16LE(pos + 30);
      const commentLen = cd.readUInt16LE(pos + 32);
      const raw = cd.subarray(pos + 46, pos + 46 + nameLen);
      if (names.length >= cap) return { names, capped: true };
      names.push(raw.toString(flags & 0x800 ? "utf8" : "latin1"));
      pos += 46 + nameLen + extraLen + commentLen;
    }
    return { names, capped: false };
  } finally {
    await fh.close();
  }
}
