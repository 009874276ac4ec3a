/** Tools that read files into the agent's context (cat .env) or send them elsewhere (curl -T), and
 *  downloads that write a file (curl -o terraform.tfstate). */
import path from "node:path";
import type { FileEffect, SimpleCommand } from "../../shell/types.js";
import { effectOf, parseArgs, resolvePath, type OptionSpec } from "./args.js";

/** Valued options per reader, so that `head -n 5 .env` reads .env and not `5`. */
const READERS: Readonly<Record<string, OptionSpec>> = {
  cat: {},
  tac: { shortValued: "s", longValued: ["separator"] },
  nl: { shortValued: "bdfhilnsvw" },
  head: { shortValued: "nc", longValued: ["lines", "bytes"] },
  tail: { shortValued: "ncs", longValued: ["lines", "bytes", "sleep-interval", "pid", "max-unchanged-stats"] },
  less: { shortValued: "bhjkoOpPtTxyz#", longValued: ["log-file", "tag", "pattern", "prompt"] },
  more: { shortValued: "n" },
  bat: { shortValued: "lHmprL", longValued: ["language", "highlight-line", "map-syntax", "theme", "style", "line-range", "paging", "wrap", "color", "italic-text", "decorations", "tabs", "terminal-width"] },
  base64: { shortValued: "w", longValued: ["wrap"] },
  xxd: { shortValued: "cglosC", longValued: [] },
  od: { shortValued: "AjNStw", longValued: ["address-radix", "skip-bytes", "read-bytes", "format", "width"] },
  strings: { shortValued: "nte", longValued: ["bytes", "radix", "encoding"] },
};

export const READER_PROGRAMS: readonly string[] = Object.keys(READERS);

export function interpretReader(cmd: SimpleCommand): FileEffect[] {
  const spec = READERS[cmd.program] ?? {};
  const args = cmd.argv.slice(1).filter((a) => !/^-\d+$/.test(a) && !/^\+\d*$/.test(a)); // head -5, tail +3, less +G
  const p = parseArgs(args, spec);
  const operands = cmd.program === "xxd" ? p.operands.slice(0, 1) : p.operands; // xxd IN [OUT]
  const out = operands.filter((o) => o !== "-").map((o) => effectOf(cmd, "read", resolvePath(cmd, o), cmd.program));
  if (cmd.program === "xxd" && p.operands[1] !== undefined) out.push(effectOf(cmd, "write", resolvePath(cmd, p.operands[1]), "xxd"));
  return out;
}

/** `@file` data arguments read the file (`-d @.env`, `-F f=@creds`). */
function atFile(value: string): string | undefined {
  const at = value.indexOf("@");
  if (at < 0) return undefined;
  if (at > 0 && value[at - 1] !== "=") return undefined;
  const rest = value.slice(at + 1).split(";")[0] ?? "";
  return rest && rest !== "-" ? rest : undefined;
}

const CURL_VALUED = "oTdFKHuXAeErbcwxUmYyzCPQDt";
const CURL_LONG = [
  "output", "upload-file", "data", "data-binary", "data-raw", "data-urlencode", "data-ascii", "form", "form-string", "config",
  "header", "user", "request", "user-agent", "referer", "cookie", "cookie-jar", "write-out", "proxy", "max-time", "connect-timeout",
  "dump-header", "trace", "trace-ascii", "stderr", "cacert", "cert", "key", "output-dir", "retry", "json", "url",
];

export function interpretCurl(cmd: SimpleCommand): FileEffect[] {
  const p = parseArgs(cmd.argv.slice(1), { shortValued: CURL_VALUED, longValued: CURL_LONG });
  const out: FileEffect[] = [];
  const dir = p.values.get("output-dir")?.at(-1);
  const base = dir === undefined ? cmd.cwd : resolvePath(cmd, dir);
  const inDir = { ...cmd, cwd: base };
  for (const o of [...(p.values.get("o") ?? []), ...(p.values.get("output") ?? [])]) {
    if (o !== "-") out.push(effectOf(cmd, "write", resolvePath(inDir, o), "curl -o"));
  }
  if (p.flags.has("O") || p.flags.has("remote-name") || p.flags.has("remote-name-all")) {
    for (const url of p.operands) {
      const name = path.posix.basename(url.split(/[?#]/)[0] ?? "");
      if (name) out.push(effectOf(cmd, "write", path.join(base, name), "curl -O"));
    }
  }
  for (const key of ["D", "dump-header", "c", "cookie-jar", "trace", "trace-ascii", "stderr"]) {
    for (const v of p.values.get(key) ?? []) if (v !== "-") out.push(effectOf(cmd, "write", resolvePath(cmd, v), "curl"));
  }
  for (const key of ["T", "upload-file", "K", "config"]) {
    for (const v of p.values.get(key) ?? []) if (v !== "-" && v !== ".") out.push(effectOf(cmd, "read", resolvePath(cmd, v), "curl upload"));
  }
  for (const key of ["d", "data", "data-binary", "data-urlencode", "data-ascii", "F", "form", "json"]) {
    for (const v of p.values.get(key) ?? []) {
      const f = atFile(v);
      if (f !== undefined) out.push(effectOf(cmd, "read", resolvePath(cmd, f), "curl upload"));
    }
  }
  return out;
}

export function interpretWget(cmd: SimpleCommand): FileEffect[] {
  const p = parseArgs(cmd.argv.slice(1), {
    shortValued: "OoaPiBeTtwUQ",
    longValued: ["output-document", "output-file", "append-output", "directory-prefix", "input-file", "post-file", "body-file", "header", "user", "password", "tries", "timeout", "user-agent", "base"],
  });
  const out: FileEffect[] = [];
  for (const key of ["O", "output-document"]) {
    for (const v of p.values.get(key) ?? []) if (v !== "-") out.push(effectOf(cmd, "write", resolvePath(cmd, v), "wget -O"));
  }
  const prefix = p.values.get("P")?.at(-1) ?? p.values.get("directory-prefix")?.at(-1);
  if (!p.flags.has("O") && !p.flags.has("output-document")) {
    const base = prefix === undefined ? cmd.cwd : resolvePath(cmd, prefix);
    for (const url of p.operands) {
      const name = path.posix.basename(url.split(/[?#]/)[0] ?? "") || "index.html";
      out.push(effectOf(cmd, "write", path.join(base, name), "wget"));
    }
  }
  for (const key of ["post-file", "body-file", "i", "input-file"]) {
    for (const v of p.values.get(key) ?? []) if (v !== "-") out.push(effectOf(cmd, "read", resolvePath(cmd, v), "wget upload"));
  }
  return out;
}
