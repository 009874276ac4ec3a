// Generate docs/reference.md from the Cedar schema fragments (schemas/cedar/*.cedarschema): every action
// with its groups, principal, resource and context type; every entity with its attributes; every context
// type with each attribute's meaning, taken from the `// comment` beside it in the fragment.
//
//   node scripts/gen-docs.mjs          write docs/reference.md
//   node scripts/gen-docs.mjs --check  exit 1 when docs/reference.md is stale
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const REFERENCE_PATH = path.join(ROOT, "docs", "reference.md");

/** The fragments in file-name order: [{ file, text }]. */
export function readFragments(root = ROOT) {
  const dir = path.join(root, "schemas", "cedar");
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".cedarschema"))
    .sort()
    .map((file) => ({ file, text: fs.readFileSync(path.join(dir, file), "utf8") }));
}

/** Comments and declaration order from the schema text (cedar-wasm gives structure, not comments). */
export function readComments(fragments) {
  const docs = { entities: {}, types: {}, actions: {}, attrs: {}, order: {}, file: {} };
  for (const { file, text } of fragments) {
    let pending = [];
    let record; // the entity or type whose `{ ... }` body we are in
    let last; // { key, col }: the last attribute with a trailing comment, for comments continued below it
    for (const raw of text.split("\n")) {
      const line = raw.trim();
      if (line === "") {
        pending = [];
        last = undefined;
        continue;
      }
      if (line.startsWith("//")) {
        const body = line.replace(/^\/\/\s?/, "");
        if (record && last && raw.indexOf("//") === last.col) docs.attrs[last.key] += ` ${body}`;
        else pending.push(body);
        continue;
      }
      last = undefined;
      const cut = line.indexOf("//");
      const code = (cut >= 0 ? line.slice(0, cut) : line).trim();
      const trailing = cut >= 0 ? line.slice(cut + 2).trim() : "";
      const decl = /^(entity|type)\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(code);
      if (decl) {
        const [, kind, name] = decl;
        const bucket = kind === "entity" ? docs.entities : docs.types;
        bucket[name] = [...pending, ...(trailing ? [trailing] : [])].join(" ");
        docs.file[name] = file;
        docs.order[name] = [];
        pending = [];
        record = code.includes("{") && !code.includes("}") ? name : undefined;
        if (code.includes("{")) readInlineAttrs(docs, name, code);
        continue;
      }
      if (code.startsWith("action ")) {
        const end = code.search(/\s(in|appliesTo)\b|;/);
        const header = end >= 0 ? code.slice(0, end) : code;
        for (const m of header.matchAll(/"([^"]+)"/g)) {
          docs.actions[m[1]] = [...pending, ...(trailing ? [trailing] : [])].join(" ");
          docs.file[`action:${m[1]}`] = file;
        }
        pending = [];
        continue;
      }
      if (record) {
        const attr = /^([A-Za-z_][A-Za-z0-9_]*)\??\s*:/.exec(code);
        if (attr) {
          const key = `${record}.${attr[1]}`;
          docs.attrs[key] = [...pending, ...(trailing ? [trailing] : [])].join(" ");
          docs.order[record].push(attr[1]);
          if (trailing) last = { key, col: raw.indexOf("//") };
        }
        pending = [];
        if (code.includes("}")) record = undefined;
        continue;
      }
      pending = [];
    }
  }
  return docs;
}

function readInlineAttrs(docs, name, code) {
  const body = code.slice(code.indexOf("{") + 1, code.lastIndexOf("}") >= 0 ? code.lastIndexOf("}") : undefined);
  for (const m of body.matchAll(/([A-Za-z_][A-Za-z0-9_]*)\??\s*:/g)) docs.order[name].push(m[1]);
}

/** The schema as JSON (cedar-wasm schemaToJson over the joined fragments). */
export function schemaJson(fragments) {
  const require = createRequire(import.meta.url);
  const cedar = require("@cedar-policy/cedar-wasm/nodejs");
  const answer = cedar.schemaToJson(fragments.map((f) => f.text).join("\n"));
  if (answer.type !== "success") throw new Error(`invalid Cedar schema: ${answer.errors.map((e) => e.message).join("; ")}`);
  return answer.json[""] ?? Object.values(answer.json)[0];
}

export function typeText(t) {
  if (!t) return "?";
  switch (t.type) {
    case "Set":
      return `Set<${typeText(t.element)}>`;
    case "Record":
      return `{ ${Object.entries(t.attributes ?? {}).map(([k, v]) => `${k}: ${typeText(v)}`).join(", ")} }`;
    case "Entity":
    case "EntityOrCommon":
      return t.name;
    default:
      return t.type;
  }
}

const cell = (s) => (s && s.length > 0 ? s.replace(/\|/g, "\\|") : "");
const code = (s) => `\`${s}\``;
const anchor = (s) => s.toLowerCase().replace(/[^a-z0-9-]/g, "");

function orderedAttrs(docs, name, attributes) {
  const known = docs.order[name] ?? [];
  const rest = Object.keys(attributes).filter((k) => !known.includes(k)).sort();
  return [...known.filter((k) => k in attributes), ...rest];
}

function actionsSection(json, docs) {
  const actions = json.actions ?? {};
  const ids = Object.keys(actions).sort();
  const groups = ids.filter((id) => !actions[id].appliesTo?.principalTypes?.length);
  const members = (g) => ids.filter((id) => (actions[id].memberOf ?? []).some((m) => m.id === g));
  const out = ["## Actions", "", "A policy names an action as `Action::\"<id>\"`; a group with `action in Action::\"<group>\"`.", ""];
  out.push("| action | groups | principal | resource | context | meaning |", "|---|---|---|---|---|---|");
  for (const id of ids.filter((i) => !groups.includes(i))) {
    const a = actions[id];
    const ctx = a.appliesTo?.context;
    const ctxText = ctx ? (ctx.type === "Record" ? typeText(ctx) : `[${ctx.type ?? ctx.name}](#${anchor(ctx.type ?? ctx.name)})`) : "";
    out.push(
      `| ${code(id)} | ${(a.memberOf ?? []).map((m) => code(m.id)).join(", ")} | ${(a.appliesTo?.principalTypes ?? []).join(", ")} | ${(a.appliesTo?.resourceTypes ?? []).map((r) => `[${r}](#${anchor(r)})`).join(", ")} | ${ctxText} | ${cell(docs.actions[id] || docs.types[ctx?.type ?? ""])} |`,
    );
  }
  out.push("", "### Action groups", "", "| group | members | meaning |", "|---|---|---|");
  for (const g of groups) out.push(`| ${code(g)} | ${members(g).map(code).join(", ") || "(none yet)"} | ${cell(docs.actions[g])} |`);
  return out;
}

function entitiesSection(json, docs) {
  const out = ["## Entities", ""];
  for (const [name, e] of Object.entries(json.entityTypes ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`### ${name}`, "");
    if (docs.entities[name]) out.push(docs.entities[name], "");
    if (e.memberOfTypes?.length) out.push(`Member of: ${e.memberOfTypes.join(", ")}.`, "");
    const attributes = e.shape?.attributes ?? {};
    if (Object.keys(attributes).length > 0) {
      out.push("| attribute | type | meaning |", "|---|---|---|");
      for (const k of orderedAttrs(docs, name, attributes)) out.push(`| ${code(k)} | ${code(typeText(attributes[k]))} | ${cell(docs.attrs[`${name}.${k}`])} |`);
      out.push("");
    }
  }
  return out;
}

function contextSection(json, docs) {
  const usedBy = {};
  for (const [id, a] of Object.entries(json.actions ?? {})) {
    const ctx = a.appliesTo?.context;
    const name = ctx?.type === "Record" ? undefined : (ctx?.type ?? ctx?.name);
    if (name) (usedBy[name] ??= []).push(id);
  }
  const out = ["## Context types", "", "The `context` of each request, by type. Nested records (such as `StateFacts`) are types of their own.", ""];
  for (const [name, t] of Object.entries(json.commonTypes ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`### ${name}`, "");
    if (docs.types[name]) out.push(docs.types[name], "");
    if (usedBy[name]) out.push(`Context of: ${usedBy[name].sort().map(code).join(", ")}.`, "");
    if (docs.file[name]) out.push(`Declared in \`schemas/cedar/${docs.file[name]}\`.`, "");
    const attributes = t.attributes ?? {};
    out.push("| attribute | type | meaning |", "|---|---|---|");
    for (const k of orderedAttrs(docs, name, attributes)) {
      const ty = typeText(attributes[k]);
      const link = json.commonTypes?.[ty] ? `[${ty}](#${anchor(ty)})` : code(ty);
      out.push(`| ${code(k)} | ${link} | ${cell(docs.attrs[`${name}.${k}`])} |`);
    }
    out.push("");
  }
  return out;
}

export function renderReference(root = ROOT) {
  const fragments = readFragments(root);
  const docs = readComments(fragments);
  const json = schemaJson(fragments);
  const lines = [
    "# infragate Cedar reference",
    "",
    "<!-- GENERATED by scripts/gen-docs.mjs from schemas/cedar/*.cedarschema: edit the fragments and rerun it. -->",
    "",
    `What a policy can match on: the actions, the entities (principal and resource), and the context of`,
    `each request. The meanings are the comments in the schema fragments (${fragments.map((f) => code(f.file)).join(", ")}).`,
    "See docs/policies.md for how to write policies.",
    "",
    ...actionsSection(json, docs),
    "",
    ...entitiesSection(json, docs),
    ...contextSection(json, docs),
  ];
  return `${lines.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = renderReference();
  if (process.argv.includes("--check")) {
    const current = fs.existsSync(REFERENCE_PATH) ? fs.readFileSync(REFERENCE_PATH, "utf8") : "";
    if (current !== text) {
      console.error("docs/reference.md is stale: run node scripts/gen-docs.mjs");
      process.exit(1);
    }
  } else {
    fs.mkdirSync(path.dirname(REFERENCE_PATH), { recursive: true });
    fs.writeFileSync(REFERENCE_PATH, text);
    console.log(`wrote ${path.relative(process.cwd(), REFERENCE_PATH)}`);
  }
}
