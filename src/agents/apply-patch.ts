/** Codex's apply_patch format: which files a patch adds, updates, deletes or moves. */

export interface PatchFile {
  readonly op: "write" | "delete";
  readonly path: string;
  /** What in the patch causes it. */
  readonly via: "Add File" | "Update File" | "Delete File" | "Move to";
}

export interface PatchReading {
  readonly files: readonly PatchFile[];
  /** The text looked like a patch (a Begin Patch line or any file header). */
  readonly isPatch: boolean;
}

const HEADER = /^\*\*\* (Add File|Update File|Delete File|Move to): (.+?)\s*$/;

/**
 * Every file a patch touches. An updated file that is moved is deleted at its old path and written at the new
 * one. The text may be wrapped in a shell heredoc (`apply_patch <<'EOF' ... EOF`): headers are found per line.
 */
export function readApplyPatch(text: string): PatchReading {
  const files: PatchFile[] = [];
  let isPatch = false;
  let lastUpdate = -1;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trimStart();
    if (line.startsWith("*** Begin Patch")) isPatch = true;
    const m = HEADER.exec(line);
    if (!m) continue;
    isPatch = true;
    const via = m[1] as PatchFile["via"];
    const file = m[2] as string;
    if (via === "Delete File") files.push({ op: "delete", path: file, via });
    else if (via === "Move to") {
      if (lastUpdate >= 0) {
        const from = files[lastUpdate] as PatchFile;
        files[lastUpdate] = { op: "delete", path: from.path, via: from.via };
      }
      files.push({ op: "write", path: file, via });
    } else {
      files.push({ op: "write", path: file, via });
      lastUpdate = via === "Update File" ? files.length - 1 : -1;
      continue;
    }
    lastUpdate = -1;
  }
  return { files, isPatch };
}
