/** Programs whose file effects the file-tools interpreter reads (src/clis/index.ts routes them here). */
import { FILE_TOOL_NAMES } from "./index.js";

export { interpretFileTool } from "./index.js";

export const FILE_TOOL_PROGRAMS: readonly string[] = FILE_TOOL_NAMES;
