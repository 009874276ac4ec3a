/** curl / wget through the file-tools interpreter, for the metadata rows of the secrets table. */
import { interpretFileTool } from "../../src/clis/file-tools/index.js";
import type { Interpreter } from "../../src/clis/types.js";

export const interpretCurlWget: Interpreter = (cmd) => ({ operations: interpretFileTool(cmd).operations, files: [] });
