/** The remote backends of the Terraform roots in a workspace: `backend "s3"|"gcs"|"azurerm"` blocks in
 *  *.tf files (read with hcl2-parser, the hashicorp/hcl parser compiled to JavaScript, loaded only when a
 *  file names such a block), partial configs in *.tfbackend files next to them, and the configuration
 *  `terraform init` saved in .terraform/terraform.tfstate, and terragrunt's `remote_state` blocks. Bounded
 *  walk; unreadable files are skipped. */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { BackendCache, CachedBlocks } from "./backend-cache.js";
import { readBackend, readSmallText } from "./read.js";

type BackendType = "s3" | "gcs" | "azurerm";
const TYPES: readonly BackendType[] = ["s3", "gcs", "azurerm"];

export interface RemoteBackend {
  /** Absolute directory of the root. */
  readonly root: string;
  readonly type: BackendType;
  /** String attributes of the block (bucket, key, prefix, workspace_key_prefix, storage_account_name, container_name). */
  readonly config: Readonly<Record<string, string>>;
}

const SKIP = new Set(["node_modules", ".git", ".terraform", "vendor", "dist", "build", "target", ".venv", "venv", "__pycache__", ".terragrunt-cache"]);
const MAX_DIRS = 4000;
const MAX_DEPTH = 8;
const BACKEND_WORD = /backend\s+"(s3|gcs|azurerm)"/;

type Hcl = { parseToObject(input: string): unknown };
let hcl: Hcl | undefined;

function parser(): Hcl {
  if (!hcl) {
    const loaded: unknown = createRequire(import.meta.url)("hcl2-parser");
    if (!isRecord(loaded) || typeof loaded.parseToObject !== "function") throw new Error("hcl2-parser: no parseToObject");
    const parse = loaded.parseToObject as (input: string) => unknown;
    hcl = { parseToObject: (input) => parse(input) };
  }
  return hcl;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function strings(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isRecord(v)) for (const [k, x] of Object.entries(v)) if (typeof x === "string") out[k] = x;
  return out;
}

/** hcl2-parser answers [object, error]; the object of a file, or undefined when it does not parse. */
function parseHcl(text: string): Record<string, unknown> | undefined {
  const res = parser().parseToObject(text);
  const obj: unknown = Array.isArray(res) ? res[0] : undefined;
  return isRecord(obj) ? obj : undefined;
}

/** `terraform { backend "TYPE" { ... } }` blocks of one .tf file. */
export function backendBlocks(text: string): { type: BackendType; config: Record<string, string> }[] {
  if (!BACKEND_WORD.test(text)) return [];
  const obj = parseHcl(text);
  const out: { type: BackendType; config: Record<string, string> }[] = [];
  const terraform = obj?.terraform;
  for (const block of Array.isArray(terraform) ? terraform : []) {
    const backend = isRecord(block) ? block.backend : undefined;
    if (!isRecord(backend)) continue;
    for (const type of TYPES) {
      const bodies = backend[type];
      for (const body of Array.isArray(bodies) ? bodies : []) out.push({ type, config: strings(body) });
    }
  }
  return out;
}

/** Terragrunt's `remote_state { backend = "s3" config = { ... } }` (terragrunt.hcl, root.hcl). Interpolations
 *  (`${path_relative_to_include()}`) stay in the values; src/state/remote.ts reads them as "any text". */
export function remoteStateBlocks(text: string): { type: BackendType; config: Record<string, string> }[] {
  if (!/remote_state/.test(text)) return [];
  const obj = parseHcl(text);
  const out: { type: BackendType; config: Record<string, string> }[] = [];
  const blocks = obj?.remote_state;
  for (const block of Array.isArray(blocks) ? blocks : []) {
    const type = isRecord(block) && typeof block.backend === "string" ? block.backend : "";
    if (isRecord(block) && isType(type)) out.push({ type, config: strings(block.config) });
  }
  return out;
}

const TERRAGRUNT_FILES = new Set(["terragrunt.hcl", "root.hcl"]);

/** Without a cache every file is read. */
const NO_CACHE: BackendCache = { blocks: (_f, read) => read(), save: () => undefined };

function tfBlocks(file: string, cache: BackendCache): CachedBlocks {
  return cache.blocks(file, () => backendBlocks(readSmallText(file) ?? ""));
}

/** A .tfbackend file's attributes, as one block of type "". */
function partialConfig(file: string, cache: BackendCache): Record<string, string> {
  const [b] = cache.blocks(file, () => {
    const text = readSmallText(file) ?? "";
    return [{ type: "", config: strings(text.trim() === "" ? undefined : parseHcl(text)) }];
  });
  return b?.config ?? {};
}

function isType(t: string): t is BackendType {
  return (TYPES as readonly string[]).includes(t);
}

function readTfDir(dir: string, names: readonly string[], cache: BackendCache): RemoteBackend[] {
  const out: RemoteBackend[] = [];
  const blocks = [
    ...names.filter((n) => n.endsWith(".tf")).flatMap((n) => tfBlocks(path.join(dir, n), cache)),
    ...names.filter((n) => TERRAGRUNT_FILES.has(n)).flatMap((n) => cache.blocks(path.join(dir, n), () => remoteStateBlocks(readSmallText(path.join(dir, n)) ?? ""))),
  ];
  const partials = blocks.length === 0 ? [] : names.filter((n) => n.endsWith(".tfbackend")).map((n) => partialConfig(path.join(dir, n), cache));
  for (const b of blocks) {
    if (!isType(b.type)) continue;
    out.push({ root: dir, type: b.type, config: b.config });
    for (const extra of partials) if (Object.keys(extra).length > 0) out.push({ root: dir, type: b.type, config: { ...b.config, ...extra } });
  }
  const saved = readBackend(path.join(dir, ".terraform", "terraform.tfstate"));
  if (isType(saved.type)) out.push({ root: dir, type: saved.type, config: strings(saved.config) });
  return out;
}

/** Every remote backend of a Terraform root under `root`. */
export function findBackends(root: string, cache: BackendCache = NO_CACHE): RemoteBackend[] {
  const out: RemoteBackend[] = [];
  const queue: [string, number][] = [[root, 0]];
  let seen = 0;
  while (queue.length > 0 && seen < MAX_DIRS) {
    const [dir, depth] = queue.shift() as [string, number];
    seen++;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    const files = entries.filter((e) => e.isFile()).map((e) => e.name);
    const hasTerraformDir = entries.some((e) => e.isDirectory() && e.name === ".terraform");
    if (hasTerraformDir || files.some((n) => n.endsWith(".tf") || TERRAGRUNT_FILES.has(n))) {
      try {
        out.push(...readTfDir(dir, files, cache));
      } catch {
        // A file the parser cannot read is no backend: the name facts still stand.
      }
    }
    if (depth >= MAX_DEPTH) continue;
    for (const e of entries) if (e.isDirectory() && !SKIP.has(e.name) && !e.name.startsWith(".")) queue.push([path.join(dir, e.name), depth + 1]);
  }
  cache.save();
  return out;
}
