/** Find top-level `lineage` and `serial` in a JSON state file of any size without parsing it: a byte
 *  scanner that tracks nesting and strings, reads in chunks and stops once both are found. It does not
 *  trust their position (terraform writes them near the top, a hand-made file need not). */
import fs from "node:fs";

interface ScannedHeader {
  readonly lineage: string | undefined;
  readonly serial: number | undefined;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MAX_CAPTURE = 256;

export function scanHeader(file: string, chunkSize = 1 << 20, maxBytes = Number.MAX_SAFE_INTEGER): ScannedHeader {
  let depth = 0;
  let inString = false;
  let escape = false;
  let expectKey = false;
  let lastKey = "";
  let capture: number[] | undefined;
  let captureIsKey = false;
  let number: string | undefined;
  let lineage: string | undefined;
  let serial: number | undefined;

  const endNumber = (): void => {
    if (number !== undefined && /^-?\d+$/.test(number)) serial = Number(number);
    number = undefined;
  };

  const fd = fs.openSync(file, "r");
  try {
    const buf = Buffer.alloc(chunkSize);
    let total = 0;
    for (;;) {
      const n = fs.readSync(fd, buf, 0, chunkSize, null);
      if (n <= 0) break;
      total += n;
      for (let i = 0; i < n; i++) {
        const b = buf[i] as number;
        if (inString) {
          if (escape) escape = false;
          else if (b === BACKSLASH) escape = true;
          else if (b === QUOTE) {
            inString = false;
            if (capture) {
              const text = Buffer.from(capture).toString("utf8");
              if (captureIsKey) lastKey = text;
              else lineage = text;
              capture = undefined;
            }
            continue;
          }
          if (capture && capture.length < MAX_CAPTURE) capture.push(b);
          continue;
        }
        if (number !== undefined) {
          if ((b >= 0x30 && b <= 0x39) || b === 0x2d) {
            number += String.fromCharCode(b);
            continue;
          }
          endNumber();
        }
        switch (b) {
          case QUOTE:
            inString = true;
            if (depth === 1 && expectKey) {
              capture = [];
              captureIsKey = true;
            } else if (depth === 1 && lastKey === "lineage") {
              capture = [];
              captureIsKey = false;
            }
            break;
          case 0x7b: // {
          case 0x5b: // [
            depth++;
            if (depth === 1) expectKey = b === 0x7b;
            break;
          case 0x7d: // }
          case 0x5d: // ]
            depth--;
            break;
          case 0x2c: // ,
            if (depth === 1) {
              expectKey = true;
              lastKey = "";
            }
            break;
          case 0x3a: // :
            if (depth === 1) expectKey = false;
            break;
          default:
            if (depth === 1 && !expectKey && lastKey === "serial" && ((b >= 0x30 && b <= 0x39) || b === 0x2d)) {
              number = String.fromCharCode(b);
            }
        }
        if (lineage !== undefined && serial !== undefined) return { lineage, serial };
      }
      if (total >= maxBytes) break;
    }
    endNumber();
  } finally {
    fs.closeSync(fd);
  }
  return { lineage, serial };
}
