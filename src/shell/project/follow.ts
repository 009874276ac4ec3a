/** Follow the project's own scripts: package.json scripts, make, just, task and script files. Each runner
 *  reads what it would run through ctx.reader and walks it with the same parser, interpreters and policies. */
import type { Ctx, Inv } from "../model.js";
import { followPackageScript } from "./package-scripts.js";
import { followScriptFile } from "./shell-files.js";
import { followMake } from "./make.js";
import { followJust } from "./just.js";
import { followTask } from "./task.js";
import { followJsRunner } from "./js-runners.js";
import type { Emit } from "./run.js";

/** True when `program` ran a project script that was followed (or reported as unreadable). */
export function followProject(program: string, inv: Inv, ctx: Ctx, emit: Emit): boolean {
  switch (program) {
    case "npm":
    case "yarn":
    case "pnpm":
      return followPackageScript(program, inv, ctx, emit);
    case "bun":
      return followPackageScript("bun", inv, ctx, emit) || followScriptFile(program, inv, ctx, emit);
    case "make":
    case "gmake":
      return followMake(inv, ctx, emit);
    case "just":
      return followJust(inv, ctx, emit);
    case "task":
    case "go-task":
      return followTask(inv, ctx, emit);
    case "run-s":
    case "run-p":
    case "npm-run-all":
    case "concurrently":
    case "turbo":
    case "lerna":
    case "cross-env":
    case "cross-env-shell":
      return followJsRunner(program, inv, ctx, emit);
    default:
      return followScriptFile(program, inv, ctx, emit);
  }
}
