/** `infragate state accept|show [DIR]`: a human's verbs over the state fingerprints (docs/state.md).
 *  The agent is denied `state accept` by self-protection.admin-verbs. */
import fs from "node:fs";
import path from "node:path";
import { getInfragateHome } from "../config/home.js";
import { acceptState, showState } from "../state/accept.js";
import type { LocateInput } from "../state/locate.js";
import type { Fingerprint } from "../state/store.js";
import { parseArgs } from "../util/args.js";
import { EXIT, type CliIo } from "./io.js";

export const STATE_HELP = `usage: infragate state accept [DIR] [--workspace NAME] [--data-dir DIR] [--state PATH]
       infragate state show [DIR] [--json] [--workspace NAME] [--data-dir DIR] [--state PATH]

infragate fingerprints the state every terraform / tofu / terragrunt command will use (lineage, serial,
content, backend config, selected workspace) and denies state-writing commands (apply, destroy,
import, state mv/rm/push, ...) once it changed behind the gate's back, or after the agent touched
state files in its session.

accept  after checking that the state in DIR (default: the current directory) is the right one,
        record it as the baseline and forget this session memory for DIR. A human's verb: an agent
        running it is denied.
show    print the baseline, what the last command saw and any change still outstanding.

By default the state is located the way the agent's last command in DIR located it (TF_WORKSPACE,
TF_DATA_DIR, -state=); the options override that. Records live in $INFRAGATE_HOME/state/.`;

function fingerprintText(fp: Fingerprint): string {
  const h = fp.header;
  const state = !fp.statePath
    ? `remote state (${fp.selection.backendType} backend)`
    : !h.exists
      ? `no state file at ${fp.statePath}`
      : !h.readable
        ? `unreadable state file ${fp.statePath}`
        : `${fp.statePath}: lineage ${h.lineage} serial ${h.serial}`;
  const backend = fp.selection.backendType || "local (implicit)";
  return `${state}\n  workspace ${fp.workspace} (selected: ${fp.selection.workspace}), backend ${backend}, data dir ${fp.dataDir}`;
}

export async function runState(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, { flags: ["help", "json"], values: ["workspace", "data-dir", "state"] });
  const [sub, dirArg, ...extra] = parsed.positionals;
  if (parsed.flags.has("help") || sub === "help") {
    io.stdout(`${STATE_HELP}\n`);
    return EXIT.allow;
  }
  if ((sub !== "accept" && sub !== "show") || extra.length > 0 || parsed.unknown.length > 0) {
    io.stderr(`infragate state: expected accept|show [DIR]${parsed.unknown.length > 0 ? ` (unknown: ${parsed.unknown.join(" ")})` : ""}\n\n${STATE_HELP}\n`);
    return EXIT.usage;
  }
  const home = getInfragateHome(io.env);
  const dir = path.resolve(io.cwd, dirArg ?? ".");
  if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    io.stderr(`infragate state ${sub}: ${dir} is not a directory\n`);
    return EXIT.usage;
  }
  const input: Partial<LocateInput> = {
    workspaceEnv: parsed.values.get("workspace"),
    dataDir: parsed.values.get("data-dir"),
    stateOption: parsed.values.get("state"),
  };
  if (sub === "show") {
    const shown = showState(home, dir, input);
    if (parsed.flags.has("json")) {
      io.stdout(`${JSON.stringify({ dir, record: shown.record ?? null, current: shown.current, outstanding: shown.outstanding })}\n`);
      return EXIT.allow;
    }
    const lines = [`state of ${dir}`];
    if (!shown.record) lines.push("  no baseline yet: the next terraform command here records one");
    else {
      lines.push(`  last seen: ${fingerprintText(shown.record.lastSeen)}`);
      if (shown.record.acceptedAt) lines.push(`  last accepted: ${new Date(shown.record.acceptedAt).toISOString()}`);
      if (shown.record.pending) lines.push(`  announced by ${shown.record.pending.operations.join(", ")}: ${shown.record.pending.expect.join(", ")}`);
    }
    lines.push(`  now: ${fingerprintText(shown.current)}`);
    lines.push(shown.outstanding ? `  CHANGED since the baseline: ${shown.outstanding}` : "  no change since the baseline");
    io.stdout(`${lines.join("\n")}\n`);
    return EXIT.allow;
  }
  let result: ReturnType<typeof acceptState>;
  try {
    result = acceptState(home, dir, input);
  } catch (err) {
    const code = err !== null && typeof err === "object" && "code" in err ? String(err.code) : "";
    const why = code === "EACCES" || code === "EPERM" || code === "EROFS" ? `${home} is not writable (${code})` : err instanceof Error ? err.message : String(err);
    io.stderr(`infragate state accept: cannot record the baseline: ${why}. Set INFRAGATE_HOME to a folder you can write, or fix its permissions.\n`);
    return EXIT.deny;
  }
  const lines = [`accepted the state of ${dir} as its baseline:`, `  ${fingerprintText(result.record.lastSeen)}`];
  if (result.outstanding) lines.push(`  (this replaces a baseline that differed: ${result.outstanding})`);
  if (result.touchesForgotten > 0) lines.push(`  forgot ${result.touchesForgotten} session record(s) of state files touched under ${dir}`);
  io.stdout(`${lines.join("\n")}\n`);
  return EXIT.allow;
}
