/** Is a command's output piped straight into a program that takes a secret on its standard input (a registry
 *  login, a secret store)? Then the secret goes where it is needed and never reaches the agent:
 *  `aws ecr get-login-password | docker login --password-stdin ...`. */
import path from "node:path";
import type { SimpleCommand } from "../../shell/types.js";

/** Wrappers in front of the receiving program that do not change what it does with stdin. */
const PASS_THROUGH = new Set(["sudo", "doas", "env", "command", "exec", "nice", "time", "timeout"]);

function receiver(words: readonly string[]): string[] {
  let i = 0;
  while (i < words.length) {
    const w = path.basename(words[i] ?? "");
    if (PASS_THROUGH.has(w) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i] ?? "") || (i > 0 && words[i]?.startsWith("-") && PASS_THROUGH.has(path.basename(words[i - 1] ?? "")))) i++;
    else break;
  }
  return [path.basename(words[i] ?? ""), ...words.slice(i + 1)];
}

/** `docker login --password-stdin`, `helm registry login --password-stdin`, `gh auth login --with-token`,
 *  `gh secret set NAME` (value from stdin), `docker secret create NAME -`, `kubectl create secret ... --from-file=k=/dev/stdin`,
 *  `vault login -`, `wrangler secret put NAME`, `vercel env add NAME`. */
export function isSecretSink(words: readonly string[]): boolean {
  const [program = "", ...args] = receiver(words);
  const has = (w: string): boolean => args.includes(w);
  if (has("login") && (has("--password-stdin") || args.includes("--with-token"))) return true;
  if (program === "gh" && args[0] === "secret" && args[1] === "set" && !args.some((a) => a === "-b" || a.startsWith("--body"))) return true;
  if (["docker", "podman"].includes(program) && args[0] === "secret" && args[1] === "create" && args.at(-1) === "-") return true;
  if (program === "kubectl" && args.some((a) => /^--from-(file|env-file)=(?:[^=]+=)?\/dev\/stdin$/.test(a))) return true;
  if (program === "vault" && args[0] === "login" && args.includes("-")) return true;
  if (program === "wrangler" && args[0] === "secret" && args[1] === "put") return true;
  return program === "vercel" && args[0] === "env" && args[1] === "add";
}

export function feedsSecretSink(cmd: SimpleCommand): boolean {
  return cmd.stdoutTo !== undefined && isSecretSink(cmd.stdoutTo);
}
