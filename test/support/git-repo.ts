/** A real git repository in a case workspace: a tracked state file, hook config and app file committed, then
 *  `edits` written (and `more` run), for the cases whose files the enrich stage lists with git. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const STATE_V1 = '{"version":4,"serial":1,"lineage":"l","resources":[]}';

export function git(root: string, ...args: string[]): void {
  execFileSync("git", ["-C", root, ...args], {
    stdio: "ignore",
    env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t" },
  });
}

export function gitRepo(edits: Record<string, string> = {}, more?: (root: string) => void): (root: string) => void {
  return (root) => {
    fs.rmSync(path.join(root, ".git"), { recursive: true, force: true });
    git(root, "init", "-q", "-b", "main");
    fs.mkdirSync(path.join(root, ".claude"), { recursive: true });
    fs.mkdirSync(path.join(root, "src"), { recursive: true });
    fs.writeFileSync(path.join(root, ".claude", "settings.json"), '{"hooks":{"PreToolUse":[]}}');
    fs.writeFileSync(path.join(root, "terraform.tfstate"), STATE_V1);
    fs.writeFileSync(path.join(root, "app.txt"), "a\n");
    fs.writeFileSync(path.join(root, "src", "index.ts"), "export {};\n");
    git(root, "add", "-A");
    git(root, "commit", "-qm", "init");
    git(root, "commit", "-q", "--allow-empty", "-m", "second");
    for (const [rel, text] of Object.entries(edits)) fs.writeFileSync(path.join(root, rel), text);
    more?.(root);
  };
}
