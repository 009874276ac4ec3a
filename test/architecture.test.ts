/** The project's own rules, checked: the layer direction, one case table per policy file and per interpreter,
 *  policy ids named after their file, small files, and no unchecked casts of parsed JSON. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { circles, importsOf } from "./support/imports.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const SRC = path.join(ROOT, "src");

function filesUnder(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p, ext));
    else if (e.name.endsWith(ext)) out.push(p);
  }
  return out;
}

/** Which top-level src folders each folder may import from (its own is always allowed). The pipeline runs
 *  agents -> shell -> clis -> enrich/state -> policy -> decide -> runtime; the entry points around it (hook,
 *  git-hook, serve, policy-test, doctor, install) sit above it, and cli above everything. Every folder is
 *  listed: a new one must say where it sits. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  util: [],
  facts: [],
  shell: ["util"],
  audit: ["util"],
  config: ["util"],
  clis: ["facts", "shell", "util"],
  enrich: ["clis", "facts", "shell", "util"],
  state: ["clis", "facts", "shell", "util"],
  policy: ["clis", "config", "facts", "util"],
  decide: ["clis", "config", "enrich", "facts", "policy", "shell", "state", "util"],
  runtime: ["audit", "clis", "config", "decide", "enrich", "facts", "policy", "shell", "state", "util"],
  agents: ["decide", "facts", "policy", "shell", "util"],
  "git-hook": ["agents", "audit", "clis", "config", "decide", "facts", "policy", "runtime", "shell", "state", "util"],
  "policy-test": ["clis", "config", "decide", "facts", "policy", "runtime", "shell", "util"],
  hook: ["agents", "config", "decide", "git-hook", "policy", "runtime", "shell", "util"],
  serve: ["agents", "audit", "config", "decide", "hook", "policy", "runtime", "shell", "util"],
  doctor: ["agents", "audit", "config", "decide", "policy", "runtime", "serve", "shell", "util"],
  install: ["agents", "config", "doctor", "policy", "serve", "util"],
  cli: [
    "agents", "audit", "clis", "config", "decide", "doctor", "enrich", "facts", "git-hook", "hook", "install", "policy",
    "policy-test", "runtime", "serve", "shell", "state", "util",
  ],
};

function layerOf(file: string): string {
  return path.relative(SRC, file).split(path.sep)[0] as string;
}

describe("architecture", () => {
  const sources = filesUnder(SRC, ".ts");

  const graph = new Map(sources.map((f) => [f, importsOf(f)] as const));

  it("keeps the layer direction, static and dynamic imports alike (lower stages never import higher ones)", () => {
    const violations: string[] = [];
    for (const [file, targets] of graph) {
      const layer = layerOf(file);
      const allowed = ALLOWED[layer];
      if (!allowed) {
        violations.push(`${path.relative(ROOT, file)}: src/${layer}/ is not in the layer table`);
        continue;
      }
      for (const target of targets) {
        const to = layerOf(target);
        if (to !== layer && !allowed.includes(to)) violations.push(`${path.relative(ROOT, file)} imports ${to}/`);
      }
    }
    expect(violations).toEqual([]);
  });

  it("has no import circle between files", () => {
    expect(circles(graph).map((c) => c.map((f) => path.relative(SRC, f)).join(" <-> "))).toEqual([]);
  });

  it("has no import circle between folders", () => {
    const folders = new Map<string, Set<string>>();
    for (const [file, targets] of graph) {
      const from = layerOf(file);
      if (!folders.has(from)) folders.set(from, new Set());
      for (const t of targets) if (layerOf(t) !== from) folders.get(from)?.add(layerOf(t));
    }
    const folderGraph = new Map([...folders].map(([k, v]) => [k, [...v]] as const));
    expect(circles(folderGraph).map((c) => c.join(" <-> "))).toEqual([]);
  });

  it("finds circles (the checker itself)", () => {
    expect(circles(new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]], ["d", ["a"]]]))).toEqual([["a", "b", "c"]]);
  });

  it("sees dynamic import() and re-exports", () => {
    const main = path.join(SRC, "cli", "main.ts");
    expect(graph.get(main)).toContain(path.join(SRC, "cli", "check.ts"));
  });

  it("keeps source files small (<= 400 lines)", () => {
    const big = sources.map((f) => [path.relative(ROOT, f), fs.readFileSync(f, "utf8").split("\n").length] as const).filter(([, n]) => n > 400);
    expect(big).toEqual([]);
  });

  it("never casts parsed JSON to a type without checking it", () => {
    const casts = sources.filter((f) => /JSON\.parse\([^;]*?\)\s+as\s+(?!unknown\b)/.test(fs.readFileSync(f, "utf8"))).map((f) => path.relative(ROOT, f));
    expect(casts).toEqual([]);
  });
});

describe("policies", () => {
  const files = fs.readdirSync(path.join(ROOT, "policies")).filter((f) => f.endsWith(".cedar"));

  it.each(files)("%s: every policy has an @id named after the file, and every forbid a @reason", (file) => {
    const text = fs.readFileSync(path.join(ROOT, "policies", file), "utf8");
    const base = file.replace(/\.cedar$/, "");
    const blocks = text.split(/\n(?=@id\()/).filter((b) => /^\s*@id\(/.test(b) || /\b(permit|forbid)\s*\(/.test(b));
    for (const block of blocks) {
      const id = /@id\("([^"]+)"\)/.exec(block)?.[1];
      expect(id, `a policy in ${file} without @id`).toBeDefined();
      expect(id?.startsWith(`${base}.`), `${id} is not prefixed ${base}.`).toBe(true);
      if (/\bforbid\s*\(/.test(block)) expect(block, `${id} has no @reason`).toMatch(/@reason\("[^"]{20,}/);
    }
  });

  it.each(files)("%s has a case table", (file) => {
    const base = file.replace(/\.cedar$/, "");
    const tests = filesUnder(path.join(ROOT, "test"), ".test.ts");
    const table = tests.some((t) => path.basename(t) === `${base}.test.ts` && t.includes(`${path.sep}policies${path.sep}`)) ||
      tests.some((t) => fs.readFileSync(t, "utf8").includes(`policies/${file}`));
    expect(table, `no test/policies/${base}.test.ts and no test naming policies/${file}`).toBe(true);
  });
});

describe("interpreters", () => {
  const entries = fs
    .readdirSync(path.join(SRC, "clis"))
    .filter((n) => !["index.ts", "types.ts", "descriptor.ts", "registry.ts"].includes(n))
    .map((n) => n.replace(/\.ts$/, ""));

  it.each(entries)("src/clis/%s has a table in test/clis/", (name) => {
    const tests = fs.readdirSync(path.join(ROOT, "test", "clis"));
    expect(tests.some((t) => t.startsWith(`${name}.`) || t.startsWith(`${name}-`)), `test/clis/${name}.test.ts`).toBe(true);
  });
});
