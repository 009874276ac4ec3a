/** interpretGit: hook skipping and config facts, and work-tree paths as file effects. */
import { describe, expect, it } from "vitest";
import { interpretGit } from "../../src/clis/git/index.js";
import { factsOf } from "../support/facts.js";
import { none as noneOf, sc, t as tOf, type CmdOptions } from "./file-tools-cases.js";

const t = (line: string, has: readonly string[], not: readonly string[] = []): void => tOf(interpretGit, line, has, not);
const none = (line: string): void => noneOf(interpretGit, line);

/** The one operation a line yields: [action, context]. */
function op(line: string, opts: CmdOptions = {}): [string, Readonly<Record<string, unknown>>] {
  const ops = interpretGit(sc(line, opts)).operations;
  expect(ops, line).toHaveLength(1);
  return [ops[0]?.action ?? "", factsOf(ops[0])];
}

function facts(line: string, action: string, expected: Partial<Record<"flags" | "configKeys" | "hookEnv" | "paths", string[]>> & { source?: string; subcommand?: string }, opts: CmdOptions = {}): void {
  it(`${line} -> ${action}`, () => {
    const [a, ctx] = op(line, opts);
    expect(a).toBe(action);
    for (const [k, v] of Object.entries(expected)) {
      if (Array.isArray(v)) for (const x of v) expect(ctx[k], `${line}: ${k}`).toContain(x);
      else expect(ctx[k], `${line}: ${k}`).toBe(v);
    }
  });
}

function noVerify(line: string, yes: boolean): void {
  it(`${line}: no-verify ${yes}`, () => {
    const [, ctx] = op(line);
    expect((ctx.flags as string[]).includes("no-verify"), line).toBe(yes);
  });
}

describe("hooks: commit / push / merge", () => {
  noVerify("git commit --no-verify -m wip", true);
  noVerify("git commit -n -m wip", true);
  noVerify("git commit -nm wip", true);
  noVerify("git commit -anm wip", true);
  noVerify("git commit -a -n", true);
  noVerify("git commit -m wip -n", true);
  noVerify("git commit --no-verify --verify -m x", false);
  noVerify("git commit -m -n", false);
  noVerify("git commit -m 'fix --no-verify'", false);
  noVerify("git commit --message --no-verify", false);
  noVerify("git commit -mn", false);
  noVerify("git commit -m x", false);
  noVerify("git push --no-verify", true);
  noVerify("git push -n", false);
  noVerify("git merge -n feature", false);
  noVerify("git merge --no-verify feature", true);
  noVerify("git -C sub -c user.name=x commit -n", true);
  facts("git push -f origin main", "git.push", { flags: ["force"] });
  facts("git commit --amend -a -m x", "git.commit", { flags: ["all", "amend"] });
  facts("HUSKY=0 git commit -m x", "git.commit", { hookEnv: ["HUSKY"] });
  facts("SKIP=lint,infragate git commit -m x", "git.commit", { hookEnv: ["SKIP"] });
  facts("GIT_DIR=/tmp/other.git git commit -m x", "git.commit", { hookEnv: ["GIT_DIR"] });
  facts("git -c core.hooksPath=/dev/null commit -m x", "git.commit", { configKeys: ["core.hookspath"] });
  facts("git --config-env=core.hooksPath=V push", "git.push", { configKeys: ["core.hookspath"] });
  facts("GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=core.hooksPath GIT_CONFIG_VALUE_0=/dev/null git commit -m x", "git.commit", { configKeys: ["core.hookspath"], hookEnv: ["GIT_CONFIG_COUNT"] });
  facts("GIT_CONFIG_PARAMETERS=\"'core.hooksPath'='/x'\" git commit", "git.commit", { configKeys: ["core.hookspath"] });
  it("HUSKY=1 and an inherited HUSKY=0 are not hook switches on this line", () => {
    expect(op("HUSKY=1 git commit -m x")[1].hookEnv).toEqual([]);
    expect(op("git commit -m x", { env: { HUSKY: "0" } })[1].hookEnv).toEqual([]);
  });
});

describe("git config", () => {
  facts("git config core.hooksPath /dev/null", "git.config", { configKeys: ["core.hookspath"], flags: ["set"] });
  facts("git config --global core.hooksPath x", "git.config", { configKeys: ["core.hookspath"], flags: ["set", "global"] });
  facts("git config --unset core.hooksPath", "git.config", { configKeys: ["core.hookspath"] });
  facts("git config set --local core.hooksPath x", "git.config", { configKeys: ["core.hookspath"], subcommand: "config set" });
  facts("git config unset core.hooksPath", "git.config", { configKeys: ["core.hookspath"] });
  facts("git config --add includeIf.gitdir:/x/.path /tmp/c", "git.config", { configKeys: ["includeif.path"] });
  facts("git config --remove-section core", "git.config", { configKeys: ["core.*", "core.hookspath"] });
  facts("git config core.hooksPath", "git.config", { flags: ["get"] });
  it("reads set no keys", () => {
    for (const l of ["git config core.hooksPath", "git config --get core.hooksPath", "git config get core.hooksPath", "git config -l", "git config --list --show-origin"]) {
      expect(op(l)[1].configKeys, l).toEqual([]);
    }
  });
});

describe("work tree: checkout / restore / clean / reset / stash / apply", () => {
  t("git checkout -- terraform.tfstate", ["write terraform.tfstate"]);
  t("git checkout HEAD~3 -- terraform.tfstate", ["write terraform.tfstate"]);
  t("git checkout HEAD~3 infra/terraform.tfstate main.tf", ["write infra/terraform.tfstate", "write main.tf"], ["write HEAD~3"]);
  t("git checkout terraform.tfstate", ["write terraform.tfstate"]);
  t("git -C infra checkout -- .terraform/environment", ["write infra/.terraform/environment"]);
  t("git restore terraform.tfstate", ["write terraform.tfstate"]);
  t("git restore --source=HEAD~2 --worktree --staged .env", ["write .env"]);
  t("git restore -s main terraform.tfstate", ["write terraform.tfstate"], ["write main"]);
  facts("git checkout v1 -- a.tf", "git.worktree", { source: "v1", paths: ["/ws/a.tf"] });
  none("git restore --staged terraform.tfstate");
  none("git checkout -b feature");
  none("git checkout -B feature origin/feature");
  none("git checkout --detach HEAD~1");
  t("git clean -fdx", ["delete . <.>"]);
  t("git clean -fX build", ["delete build <build>"]);
  none("git clean -fd");
  none("git clean -ndx");
  facts("git clean -fdx", "git.clean", { flags: ["force", "dirs", "ignored"] });
  facts("git clean -n -x", "git.clean", { flags: ["dry-run", "ignored"] });
  facts("git reset --hard HEAD~1", "git.worktree", { flags: ["hard"], source: "HEAD~1", subcommand: "reset" });
  facts("git stash pop", "git.worktree", { subcommand: "stash pop" });
  facts("git stash -a", "git.worktree", { subcommand: "stash push", flags: ["all"] });
  t("git stash --all", ["delete . <.>"]);
  t("git apply fix.diff", ["write . <fix.diff>"]);
  none("git apply --check fix.diff");
  none("git apply --cached fix.diff");
});

describe("whole-tree rewrites are listed by the enrich stage (archive = pathspec, revision = what is restored)", () => {
  const rev = (line: string): (string | undefined)[] => interpretGit(sc(line)).files.filter((f) => f.archive !== undefined).map((f) => `${f.via} ${f.revision ?? "-"}`);
  it.each([
    ["git reset --hard", ["git reset --hard HEAD"]],
    ["git reset --hard HEAD~3", ["git reset --hard HEAD~3"]],
    ["git checkout .", ["git checkout (tree) "]],
    ["git checkout -- .", ["git checkout (tree) "]],
    ["git checkout main -- infra", ["git checkout (tree) main"]],
    ["git restore .", ["git restore (tree) "]],
    ["git restore --source HEAD~2 infra/", ["git restore (tree) HEAD~2"]],
    ["git stash", ["git stash HEAD"]],
    ["git stash -u", ["git stash -u HEAD"]],
    ["git stash pop", ["git stash apply stash@{0}"]],
    ["git stash apply stash@{2}", ["git stash apply stash@{2}"]],
    ["git checkout feature", []],
    ["git reset --merge", []],
  ] as const)("%s", (line, expected) => expect(rev(line)).toEqual(expected));
});

describe("git rm / git mv are rm / mv of the work-tree files", () => {
  t("git rm terraform.tfstate", ["delete terraform.tfstate"]);
  t("git rm -r infra", ["delete infra <infra>"]);
  t("git -C infra rm -f terraform.tfstate", ["delete infra/terraform.tfstate"]);
  t("git mv terraform.tfstate old.tfstate", ["delete terraform.tfstate <terraform.tfstate>", "write old.tfstate"]);
  none("git rm --cached terraform.tfstate");
  none("git rm -n terraform.tfstate");
  none("git mv -n a b");
});

describe("git apply / patch from stdin", () => {
  it("reads a heredoc diff", () => {
    const [e] = interpretGit({ ...sc("git apply"), stdin: "heredoc", stdinText: "--- a/terraform.tfstate\n+++ b/terraform.tfstate\n" }).files;
    expect(e?.members).toEqual(["terraform.tfstate"]);
    expect(e?.membersKnown).toBe(true);
  });
});

describe("push refs and history rewrites", () => {
  facts("git push --force origin main", "git.push", { flags: ["force"], source: "origin" });
  facts("git push origin +main:main", "git.push", { flags: ["force"] });
  facts("git push --force-with-lease origin feature", "git.push", { flags: ["force-with-lease"], source: "origin" });
  it("refs are the destinations", () => {
    expect(op("git push -f origin HEAD:refs/heads/main feature")[1].refs).toEqual(["main", "feature"]);
    expect(op("git push --mirror backup")[1].refs).toEqual(["*"]);
    expect(op("git push")[1].refs).toEqual([]);
  });
  facts("git filter-repo --path secrets.txt --invert-paths", "git.history-rewrite", { flags: ["path", "invert-paths"] });
  facts("git filter-branch --tree-filter x HEAD", "git.history-rewrite", { subcommand: "filter-branch" });
});

describe("everything else yields nothing", () => {
  for (const l of ["git status", "git diff", "git log -p", "git add -A", "git pull", "git fetch", "git branch -D x", "git switch main", "git reset HEAD~1", "git reset --soft HEAD~1", "git stash list", "git show HEAD", "git tag v1", "git", "git -C x status", "git -c core.hooksPath=/dev/null status"]) {
    it(l, () => expect(interpretGit(sc(l))).toEqual({ operations: [], files: [] }));
  }
});
