/** Programs whose file effects the file-tools interpreter reads. */
export { interpretFileTool } from "./index.js";

export const FILE_TOOL_PROGRAMS: readonly string[] = [
  "cp", "mv", "install", "rsync", "ln", "rm", "rmdir", "unlink", "shred", "truncate", "tee", "dd", "sed", "perl",
  "tar", "unzip", "7z", "7za", "gunzip", "touch", "cat", "chmod", "chown", "patch",
];
