/** doctor for Codex: .codex/hooks.json and $CODEX_HOME/hooks.json; an apply_patch adding terraform.tfstate as
 *  the canary; the `|| exit 2` command; the hooks feature flag and hook trust (an untrusted project hook is
 *  skipped silently: it fails open). */
import fs from "node:fs";
import path from "node:path";
import { check, homeOf, type Check, type DoctorScope } from "../checks.js";
import { isClaudeDeny } from "../claude-code/doctor.js";
import type { AgentDoctor } from "../descriptor.js";
import { nestedHookEntries, type HookEntry } from "../settings/entries.js";
import { failClosedCommandCheck } from "../settings/fail-closed.js";
import { codexHome } from "./install.js";

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function switches(scope: DoctorScope, installed: readonly HookEntry[]): Check[] {
  const configFile = path.join(codexHome({ ...scope.env, HOME: homeOf(scope) }), "config.toml");
  let toml = "";
  try {
    toml = fs.readFileSync(configFile, "utf8");
  } catch {
    toml = "";
  }
  const out: Check[] = [];
  if (/^[ \t]*(?:codex_)?hooks[ \t]*=[ \t]*false\b/m.test(toml)) out.push(check("codex", "fail", `hooks are switched off in ${configFile} ([features] hooks = false)`));
  const hooksFile = path.join(scope.dir, ".codex", "hooks.json");
  if (!installed.some((e) => e.file === hooksFile)) return out;
  const trustedProject = new RegExp(`\\[projects\\.["']${escapeRe(scope.dir)}["']\\][^\\[]*trust_level\\s*=\\s*["']trusted["']`).test(toml);
  const trustedHook = toml.includes(`[hooks.state."${hooksFile}:`);
  if (!trustedProject || !trustedHook) {
    out.push(
      check("codex", "warn", "Codex may skip the project hook silently (fails open): the project or the hook is not trusted", [
        `${configFile}: ${trustedProject ? "" : `no [projects."${scope.dir}"] trust_level = "trusted"; `}${trustedHook ? "" : `no [hooks.state."${hooksFile}:..."] trust entry`}`,
        "trust them once in Codex (it asks), or install the hook in ~/.codex/hooks.json",
      ]),
    );
  }
  return out;
}

export const codexDoctor: AgentDoctor = {
  files: (scope, home) => [path.join(scope.dir, ".codex", "hooks.json"), path.join(codexHome({ ...scope.env, HOME: home }), "hooks.json")],
  entries: (s) => nestedHookEntries("codex", s),
  gateEvents: ["PreToolUse"],
  memoryEvents: ["PostToolUse"],
  canary(event, dir) {
    if (event !== "PreToolUse") return undefined;
    return {
      what: `apply_patch adding ${path.join(dir, "terraform.tfstate")}`,
      policy: "state.write-state-file",
      payload: {
        session_id: "infragate-doctor-canary",
        turn_id: "doctor",
        cwd: dir,
        hook_event_name: "PreToolUse",
        tool_name: "apply_patch",
        tool_input: { command: "*** Begin Patch\n*** Add File: terraform.tfstate\n+{}\n*** End Patch\n" },
      },
    };
  },
  isDeny: isClaudeDeny,
  entryChecks: failClosedCommandCheck("PreToolUse"),
  switches: (scope, installed) => ({ checks: switches(scope, installed) }),
};
