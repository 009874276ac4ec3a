#!/usr/bin/env node
// The Cedar schema is the single source of truth for the facts the stages exchange: this writes, for each
// schema fragment schemas/cedar/NN-<concern>.cedarschema, src/facts/generated/NN-<concern>.ts with a
// TypeScript type for each of its common types (context records) and entity types, and adds its actions to
// the action id -> context type map `ActionContexts` of src/facts/index.ts (module augmentation, so a new
// fragment adds a file and touches no shared one). Run by `npm run build` and `npm run docs`;
// `--check` exits 1 when a committed file is stale (test/facts/generated.test.ts).
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const cedar = require("@cedar-policy/cedar-wasm/nodejs");

const ROOT = path.resolve(import.meta.dirname, "..");
const FRAGMENTS = path.join(ROOT, "schemas", "cedar");
const OUT = path.join(ROOT, "src", "facts", "generated");
const check = process.argv.includes("--check");

const fragments = fs.readdirSync(FRAGMENTS).filter((f) => f.endsWith(".cedarschema")).sort();
const texts = fragments.map((f) => fs.readFileSync(path.join(FRAGMENTS, f), "utf8"));

/** The schema's JSON form for the first n fragments joined (each fragment may use what earlier ones declare). */
function prefixJson(n) {
  const answer = cedar.schemaToJson(texts.slice(0, n).join("\n"));
  if (answer.type !== "success") {
    const msg = answer.errors.map((e) => e.message).join("; ");
    throw new Error(`schemas/cedar/${fragments[n - 1]}: ${msg} (a fragment may only use types declared in itself or in fragments numbered before it)`);
  }
  const ns = answer.json[""] ?? {};
  return { commonTypes: ns.commonTypes ?? {}, entityTypes: ns.entityTypes ?? {}, actions: ns.actions ?? {} };
}

const PRIMITIVE = { String: "string", Long: "number", Bool: "boolean", Boolean: "boolean" };

const prefixes = [{ commonTypes: {}, entityTypes: {}, actions: {} }];
for (let n = 1; n <= fragments.length; n++) prefixes.push(prefixJson(n));
const full = prefixes[prefixes.length - 1];

/** The common types some action uses as its context (in the whole schema). */
const contextTypes = new Set(Object.values(full.actions).map((a) => contextName(a)).filter((c) => c !== undefined));

/** Which fragment declares each common type (for imports between generated files). */
const typeHome = new Map();
for (let n = 1; n <= fragments.length; n++) {
  for (const name of Object.keys(prefixes[n].commonTypes)) if (!typeHome.has(name)) typeHome.set(name, n - 1);
}

const moduleOf = (i) => `./${fragments[i].replace(/\.cedarschema$/, "")}.js`;
const attrsName = (entity) => `${entity}Attrs`;

function tsType(t, uses, indent) {
  switch (t.type) {
    case "Set":
      return `readonly ${wrap(tsType(t.element, uses, indent))}[]`;
    case "Record":
      return record(t.attributes ?? {}, uses, indent);
    case "Entity":
      return "EntityRef";
    case "Extension":
      return "string";
    case "EntityOrCommon":
      return named(t.name, uses);
    default:
      return named(t.type, uses);
  }
}

function wrap(s) {
  return /^[A-Za-z]+$/.test(s) ? s : `(${s})`;
}

function named(name, uses) {
  if (PRIMITIVE[name]) return PRIMITIVE[name];
  if (typeHome.has(name)) {
    uses.add(name);
    return name;
  }
  uses.add("EntityRef");
  return "EntityRef";
}

function record(attributes, uses, indent) {
  const pad = "  ".repeat(indent + 1);
  const lines = Object.keys(attributes)
    .sort()
    .map((k) => {
      const a = attributes[k];
      const key = /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : JSON.stringify(k);
      return `${pad}readonly ${key}${a.required === false ? "?" : ""}: ${tsType(a, uses, indent + 1)};`;
    });
  if (lines.length === 0) return "Record<string, never>";
  return `{\n${lines.join("\n")}\n${"  ".repeat(indent)}}`;
}

function contextName(action) {
  const c = action.appliesTo?.context;
  if (!c) return undefined;
  if (c.type === "EntityOrCommon") return c.name;
  if (c.type === "Record") return undefined;
  return c.type;
}

function generate(i) {
  const before = prefixes[i];
  const after = prefixes[i + 1];
  const uses = new Set();
  const out = [];
  for (const [name, t] of Object.entries(after.commonTypes)) {
    if (name in before.commonTypes) continue;
    out.push(`export type ${name} = ${tsType(t, uses, 0)};`);
  }
  const contexts = Object.keys(after.commonTypes).filter((name) => !(name in before.commonTypes) && contextTypes.has(name));
  const entities = [];
  for (const [name, e] of Object.entries(after.entityTypes)) {
    if (name in before.entityTypes) continue;
    out.push(`export type ${attrsName(name)} = ${e.shape ? tsType(e.shape, uses, 0) : "Record<string, never>"};`);
    entities.push(name);
  }
  const actions = [];
  for (const [id, a] of Object.entries(after.actions)) {
    if (id in before.actions) continue;
    const ctx = contextName(a);
    if (ctx === undefined) {
      if (a.appliesTo?.context) throw new Error(`${fragments[i]}: action ${id}: give its context a named type (type X = {...})`);
      continue; // an action group: no requests of its own
    }
    uses.add(ctx);
    actions.push([id, ctx]);
  }
  const imports = new Map();
  for (const name of uses) {
    if (name === "EntityRef") continue;
    const home = typeHome.get(name);
    if (home === undefined || home === i) continue;
    if (!imports.has(home)) imports.set(home, []);
    imports.get(home).push(name);
  }
  const head = [
    `// GENERATED by scripts/gen-cedar-types.mjs from schemas/cedar/${fragments[i]}. Do not edit: edit the`,
    "// fragment and run `npm run build` (or `node scripts/gen-cedar-types.mjs`).",
  ];
  if (uses.has("EntityRef")) head.push('import type { EntityRef } from "../index.js";');
  for (const [home, names] of [...imports.entries()].sort((a, b) => a[0] - b[0])) {
    head.push(`import type { ${names.sort().join(", ")} } from "${moduleOf(home)}";`);
  }
  const augment = [];
  if (actions.length > 0 || entities.length > 0 || contexts.length > 0) {
    augment.push('declare module "../index.js" {');
    if (contexts.length > 0) {
      augment.push("  interface ContextTypes {");
      for (const name of contexts) augment.push(`    ${name}: ${name};`);
      augment.push("  }");
    }
    if (actions.length > 0) {
      augment.push("  interface ActionContexts {");
      for (const [id, ctx] of actions) augment.push(`    ${JSON.stringify(id)}: ${ctx};`);
      augment.push("  }");
    }
    if (entities.length > 0) {
      augment.push("  interface EntityAttrs {");
      for (const name of entities) augment.push(`    ${name}: ${attrsName(name)};`);
      augment.push("  }");
    }
    augment.push("}");
  }
  const body = [...head, "", ...out.flatMap((t) => [t, ""]), ...augment];
  if (augment.length === 0) body.push("export {};");
  return `${body.join("\n").trimEnd()}\n`;
}

const wanted = new Map(fragments.map((f, i) => [f.replace(/\.cedarschema$/, ".ts"), generate(i)]));
const stale = [];
const present = fs.existsSync(OUT) ? fs.readdirSync(OUT).filter((f) => f.endsWith(".ts")) : [];
for (const f of present) if (!wanted.has(f)) stale.push(f);
for (const [f, text] of wanted) {
  const p = path.join(OUT, f);
  if (!fs.existsSync(p) || fs.readFileSync(p, "utf8") !== text) stale.push(f);
}
if (check) {
  if (stale.length > 0) {
    console.error(`src/facts/generated is stale (${stale.join(", ")}): run node scripts/gen-cedar-types.mjs`);
    process.exit(1);
  }
} else {
  fs.mkdirSync(OUT, { recursive: true });
  for (const f of present) if (!wanted.has(f)) fs.rmSync(path.join(OUT, f));
  for (const [f, text] of wanted) {
    const p = path.join(OUT, f);
    if (!fs.existsSync(p) || fs.readFileSync(p, "utf8") !== text) fs.writeFileSync(p, text);
  }
  if (stale.length > 0) console.log(`infragate: wrote src/facts/generated/{${stale.join(",")}}`);
}
