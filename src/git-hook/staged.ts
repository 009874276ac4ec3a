/** What a commit would record: staged paths and the staged diff, read with git (execa). */

interface Staged {
  readonly root: string;
  readonly files: readonly string[];
  readonly diff: string;
}

export async function readStaged(cwd: string): Promise<Staged> {
  const { execa } = await import("execa");
  const git = (args: string[]) => execa("git", args, { cwd, stripFinalNewline: false, maxBuffer: 256 * 1024 * 1024 });
  const root = (await git(["rev-parse", "--show-toplevel"])).stdout.trim();
  const names = (await git(["-c", "core.quotepath=off", "diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR"])).stdout;
  const diff = (await git(["-c", "core.quotepath=off", "diff", "--cached", "-U0", "--no-color", "--no-ext-diff", "--diff-filter=ACMR", "--src-prefix=a/", "--dst-prefix=b/"])).stdout;
  return { root, files: names.split("\0").filter((n) => n.length > 0), diff };
}
