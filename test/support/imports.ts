/** The import graph of src/: static imports, re-exports, side-effect imports and dynamic `import()`, resolved to
 *  files; and its strongly connected components (import circles), for test/architecture.test.ts. */
import fs from "node:fs";
import path from "node:path";

const SPECIFIER = /(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)["'](\.{1,2}\/[^"']+)["']/gm;

/** The src files a file imports (relative specifiers only; `.js` resolves to the `.ts` source). */
export function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const out = new Set<string>();
  for (const m of text.matchAll(SPECIFIER)) {
    const target = path.resolve(path.dirname(file), (m[1] as string).replace(/\.js$/, ".ts"));
    if (fs.existsSync(target)) out.add(target);
    else if (fs.existsSync(path.join(target, "index.ts"))) out.add(path.join(target, "index.ts"));
  }
  return [...out];
}

/** Strongly connected components with more than one node (Tarjan): each is an import circle. */
export function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}
