/** Agent switches outside the hook entries: Claude Code's disableAllHooks, Gemini's hooksConfig.enabled,
 *  Codex's feature flag and hook trust (an untrusted Codex project hook is skipped silently: it fails open). */
import fs from "node:fs";
import path from "node:path";
import { readSettings } from "./settings.js";
import { check, homeOf, type Check, type DoctorOptions } from "./types.js";

export function checkGeminiSwitches(opts: DoctorOptions): Check[] {
  const out: Check[] = [];
  for (const file of [path.join(opts.dir, ".gemini", "settings.json"), path.join(homeOf(opts), ".gemini", "settings.json")]) {
    const s = readSettings(file);
    const cfg = s.json?.hooksConfig as Record<string, unknown> | undefined;
    if (cfg?.enabled === false) out.push(check("gemini", "fail", `hooks are switched off (hooksConfig.enabled: false) in ${file}`));
  }
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function checkCodexSwitches(opts: DoctorOptions, projectHooked: boolean): Check[] {
  const codexHome = opts.env.CODEX_HOME || path.join(homeOf(opts), ".codex");
  const configFile = path.join(codexHome, "config.toml");
  let toml = "";
  try {
    toml = fs.readFileSync(configFile, "utf8");
  } catch {
    toml = "";
  }
  const out: Check[] = [];
  if (/^[ \t]*(?:codex_)?hooks[ \t]*=[ \t]*false\b/m.test(toml)) out.push(check("codex", "fail", `hooks are switched off in ${configFile} ([features] hooks = false)`));
  if (!projectHooked) return out;
  const hooksFile = path.join(opts.dir, ".codex", "hooks.json");
  const trustedProject = new RegExp(`\\[projects\\.["']${escapeRe(opts.dir)}["']\\][^\\[]*trust_level\\s*=\\s*["']trusted["']`).test(toml);
  const trustedHook = toml.includes(`[hooks.state."${hooksFile}:`);
  if (!trustedProject || !trustedHook) {
    out.push(
      check("codex", "warn", "Codex may skip the project hook silently (fails open): the project or the hook is not trusted", [
        `${configFile}: ${trustedProject ? "" : `no [projects."${opts.dir}"] trust_level = "trusted"; `}${trustedHook ? "" : `no [hooks.state."${hooksFile}:..."] trust entry`}`,
        "trust them once in Codex (it asks), or install the hook in ~/.codex/hooks.json",
      ]),
    );
  }
  return out;
}

export function checkClaudeSwitches(opts: DoctorOptions): Check[] {
  const out: Check[] = [];
  const files = [path.join(opts.dir, ".claude", "settings.json"), path.join(opts.dir, ".claude", "settings.local.json"), path.join(homeOf(opts), ".claude", "settings.json")];
  for (const file of files) {
    if (readSettings(file).json?.disableAllHooks === true) {
      out.push(check("claude-code", "fail", `disableAllHooks is true in ${file}: no project or user hook runs`, ["remove it, or put the hook in managed settings (a non-managed disableAllHooks cannot switch those off)"]));
    }
  }
  return out;
}
