/** An in-memory ScriptReader: project files given as text (table tests, and callers that hold the files). */
import type { ScriptFile, ScriptReader } from "../types.js";
import { MAX_INPUT } from "../walk.js";

/** `files`: absolute path -> text. Text with a NUL byte is binary, as on disk. */
export function memoryScriptReader(files: Readonly<Record<string, string>>): ScriptReader & { readonly parses: Map<string, number> } {
  const parses = new Map<string, number>();
  const cache = new Map<string, unknown>();
  return {
    parses,
    read(abs): ScriptFile {
      const text = files[abs];
      if (text === undefined) return { ok: false, path: abs, reason: "missing", text: "" };
      if (text.includes(String.fromCharCode(0))) return { ok: false, path: abs, reason: "binary", text: "" };
      if (text.length > MAX_INPUT) return { ok: false, path: abs, reason: "too-large", text: text.slice(0, 64 * 1024) };
      return { ok: true, path: abs, text, stamp: JSON.stringify([abs, text.length]) };
    },
    exists: (abs) => files[abs] !== undefined,
    subdirs(absDir) {
      const prefix = absDir.endsWith("/") ? absDir : `${absDir}/`;
      const names = Object.keys(files)
        .filter((f) => f.startsWith(prefix) && f.slice(prefix.length).includes("/"))
        .map((f) => f.slice(prefix.length).split("/")[0] as string);
      return [...new Set(names)].sort();
    },
    parsed(file, parser, parse) {
      const key = JSON.stringify([parser, file.stamp]);
      if (!cache.has(key)) {
        parses.set(parser, (parses.get(parser) ?? 0) + 1);
        cache.set(key, parse(file.text));
      }
      return cache.get(key) as ReturnType<typeof parse>;
    },
  };
}
