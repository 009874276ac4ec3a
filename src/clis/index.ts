/** The CLI stage's entry points; the list itself is src/clis/registry.ts. */
export { CLIS, GUARDED_PROGRAMS, PROGRAM_NAMES, getInterpreter, programGroups } from "./registry.js";
