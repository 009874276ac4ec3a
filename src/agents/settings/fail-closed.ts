/** The doctor check for agents whose fail-closed switch is the command line itself (`... || exit 2`). */
import { check, type Check } from "../checks.js";
import type { HookEntry } from "./entries.js";
import { isFailClosedCommand } from "./marker.js";

/** For the gate event only: a post-tool hook (session memory) blocks nothing, and needs no switch. */
export function failClosedCommandCheck(gateEvent: string): (e: HookEntry) => Check[] {
  return (e) => (e.event === gateEvent ? commandCheck(e) : []);
}

function commandCheck(e: HookEntry): Check[] {
  if (e.args !== undefined || isFailClosedCommand(e.command)) return [];
  return [
    check(e.agent, "fail", `the ${e.event} command does not end in '|| exit 2': a hook that cannot start (a removed installation, a missing node) exits 1, which this agent treats as "go ahead"`, [
      `${e.event} in ${e.file}`,
      `run 'infragate install ${e.agent}' again`,
    ]),
  ];
}
