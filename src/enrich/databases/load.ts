/** Load a parser package on first use with require: the hook bundle runs from a V8 code cache, where a
 *  dynamic import() has no loader, and the parsers stay outside the bundle (scripts/bundle.mjs). */
import { createRequire } from "node:module";

export function loadPackage(name: string): unknown {
  return createRequire(import.meta.url)(name);
}
