/** Compare a fingerprint with the baseline: which changes, which of them an allowed operation had
 *  announced (pending), and the text that names them. */
import { setBounded, type Baseline, type ChangeKind, type Fingerprint, type Pending } from "./store.js";
import type { StateHeader } from "./read.js";

/** Slack for file-system timestamps when checking that a state appeared after the operation began. */
const MTIME_SLACK_MS = 2000;

/** Changes of a sighting against the baseline. Keys the baseline has not seen are no change. */
export function changesBetween(base: Baseline, cur: Fingerprint): ChangeKind[] {
  const out: ChangeKind[] = [];
  const sel = base.selections[cur.dataDir];
  if (sel && sel.workspace !== cur.selection.workspace) out.push("workspace");
  if (sel && sel.backendHash !== cur.selection.backendHash) out.push("backend");
  const b = cur.statePath ? base.states[cur.statePath] : undefined;
  if (!b) return out;
  const c = cur.header;
  if (!b.exists && c.exists) out.push("appeared");
  if (b.exists && !c.exists) out.push("vanished");
  if (b.readable && c.readable) {
    if (b.lineage !== c.lineage) out.push("lineage");
    else if (c.serial < b.serial) out.push("serial");
    else if (c.serial === b.serial && b.hash !== "" && c.hash !== "" && b.hash !== c.hash) out.push("edited");
  }
  return out;
}

/** The baseline moved forward to a sighting. */
export function advance(base: Baseline, cur: Fingerprint): Baseline {
  return {
    selections: setBounded(base.selections, cur.dataDir, cur.selection),
    states: cur.statePath ? setBounded(base.states, cur.statePath, cur.header) : base.states,
  };
}

/** Drop the changes an allowed operation announced. A state that "appeared" is only excused when the
 *  file is newer than the operation (an extracted or `cp -p`'d old state keeps its old mtime). */
export function unexpected(changes: readonly ChangeKind[], pending: Pending | undefined, cur: Fingerprint): ChangeKind[] {
  if (!pending) return [...changes];
  return changes.filter((k) => {
    if (!pending.expect.includes(k)) return true;
    if (k === "appeared" && !pending.expect.includes("lineage")) return cur.header.mtimeMs < pending.at - MTIME_SLACK_MS;
    return false;
  });
}

function short(lineage: string): string {
  return lineage.length > 8 ? `${lineage.slice(0, 8)}…` : lineage || "?";
}

function stateText(h: StateHeader | undefined): string {
  if (!h || !h.exists) return "no state file";
  if (!h.readable) return "unreadable state file";
  return `lineage ${short(h.lineage)} serial ${h.serial}`;
}

function backendText(type: string | undefined): string {
  return type || "local (implicit)";
}

/** Human text for the changes, old and new values included. */
export function describeChanges(changes: readonly ChangeKind[], base: Baseline, cur: Fingerprint): string {
  const sel = base.selections[cur.dataDir];
  const old = cur.statePath ? base.states[cur.statePath] : undefined;
  const parts: string[] = [];
  for (const k of changes) {
    switch (k) {
      case "lineage":
        parts.push(`state lineage changed: ${stateText(old)} → ${stateText(cur.header)}`);
        break;
      case "serial":
        parts.push(`state serial went backwards: ${stateText(old)} → serial ${cur.header.serial}`);
        break;
      case "edited":
        parts.push(`state content changed without a serial bump (${stateText(cur.header)})`);
        break;
      case "backend":
        parts.push(`backend config changed: ${backendText(sel?.backendType)} → ${backendText(cur.selection.backendType)}`);
        break;
      case "workspace":
        parts.push(`selected workspace changed: ${sel?.workspace ?? "?"} → ${cur.selection.workspace}`);
        break;
      case "appeared":
        parts.push(`a state file appeared (${stateText(cur.header)}) where there was none`);
        break;
      case "vanished":
        parts.push(`the state file (${stateText(old)}) is gone`);
        break;
      case "baseline-unreadable":
        parts.push("the state baseline could not be read");
        break;
    }
  }
  return parts.join("; ");
}

/** What an allowed operation may legitimately change in its stack's state (by canonical operation). */
export function expectedChanges(operation: string, flags: readonly string[]): ChangeKind[] {
  const all: ChangeKind[] = ["lineage", "serial", "edited", "backend", "workspace", "appeared", "vanished"];
  const op = operation.replace(/^env /, "workspace ");
  if (op.startsWith("workspace ") && op !== "workspace list" && op !== "workspace show") return all;
  if (op === "state push") return all;
  if (op === "init") return flags.includes("migrate-state") || flags.includes("force-copy") ? all : ["backend", "appeared", "vanished"];
  if (["apply", "destroy", "import", "refresh", "taint", "untaint", "state mv", "state rm", "state replace-provider"].includes(op)) {
    return ["appeared"];
  }
  return [];
}
