// Placeholder until the interpreter lands: it yields nothing, so only shell-level policies apply.
import type { Interpretation, Interpreter } from "./types.js";
const nothing: Interpretation = { operations: [], files: [] };
export const interpretCdk: Interpreter = () => nothing;
