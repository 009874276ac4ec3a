/** The shell stage: bash source -> simple commands, file effects and problems. */
export { analyzeShell, DEFAULT_MAX_DEPTH } from "./analyze.js";
export { normalizeProgram } from "./programs.js";
export type { Env, FileEffect, FileOp, ShellAnalysis, ShellOptions, SimpleCommand, StdinSource } from "./types.js";
