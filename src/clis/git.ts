/** git: see src/clis/git/ (hooks: commit / push / config; work tree: checkout, restore, clean, reset, stash, apply). */
export { interpretGit } from "./git/index.js";
