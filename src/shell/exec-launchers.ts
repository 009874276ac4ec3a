/** Tool-version managers, credential helpers and watchers that only run another command: `mise exec --`,
 *  `asdf exec`, `saml2aws exec --`, granted `assume --exec`, `nix-shell --run`, `nix develop -c`,
 *  `watchexec --`, `railway run`, `sst shell`. The command they run is what gets interpreted. */
import type { Handler, RWord, Unwrap } from "./model.js";
import { optValue, parseOptions, type OptSpec } from "./options.js";

function inner(wrapper: string, words: readonly RWord[], chdir?: string): Unwrap | undefined {
  if (words.length === 0) return undefined;
  return { kind: "inner", wrapper, words, ...(chdir !== undefined ? { chdir } : {}) };
}

/** `mise exec|x [TOOL@VERSION...] [-C DIR] [-c CMD] -- CMD ARGS`: without `--` or -c it opens a shell. */
const mise: Handler = (w) => {
  const sub = w[1]?.value;
  if (sub !== "exec" && sub !== "x") return undefined;
  const spec: OptSpec = { short: "Ccj", long: ["cd", "command", "jobs"] };
  let i = 2;
  let chdir: string | undefined;
  while (i < w.length && w[i]?.value !== "--") {
    const p = parseOptions(w, i, spec);
    chdir = optValue(p, "C", "cd") ?? chdir;
    const command = optValue(p, "c", "command");
    if (command !== undefined) return { kind: "script", wrapper: "mise exec -c", source: command, unresolved: false };
    if (p.dashdash) return inner("mise exec", w.slice(p.index), chdir);
    i = p.index === i ? i + 1 : p.index; // a TOOL@VERSION word
  }
  return inner("mise exec", w.slice(i + 1), chdir);
};

/** `asdf exec CMD ARGS` and `asdf env CMD ARGS`. */
const asdf: Handler = (w) => (w[1]?.value === "exec" || w[1]?.value === "env" ? inner(`asdf ${w[1].value}`, w.slice(2)) : undefined);

/** `saml2aws exec [flags] [--] CMD ARGS` (kingpin: flags before the command). */
const saml2aws: Handler = (w) => {
  if (w[1]?.value !== "exec") return undefined;
  const p = parseOptions(w, 2, {
    short: "apr",
    long: ["exec-profile", "idp-account", "profile", "session-duration", "region", "role", "idp-provider", "mfa", "url", "username", "password", "credentials-file", "config", "cache-file", "credential-process"],
  });
  return inner("saml2aws exec", w.slice(p.index));
};

/** granted: `assume [PROFILE] --exec "CMD"` / `-x CMD` runs the command with the role's credentials. */
const assume: Handler = (w) => {
  const p = parseOptions(w, 1, { short: "xr", long: ["exec", "region", "duration", "mfa-token", "role-session-name", "browser-profile", "service", "sso-region", "sso-start-url"] });
  let command = optValue(p, "x", "exec");
  for (let i = p.index; command === undefined && i < w.length; i++) {
    const v = w[i]?.value ?? "";
    if (v === "--exec" || v === "-x") command = w[i + 1]?.value;
    else if (v.startsWith("--exec=")) command = v.slice(7);
  }
  return command !== undefined ? { kind: "script", wrapper: "assume --exec", source: command, unresolved: false } : undefined;
};

/** `nix-shell [...] --run|--command CMD`: the string runs in a shell (interactive without it). */
const nixShell: Handler = (w) => {
  for (let i = 1; i < w.length; i++) {
    const v = w[i]?.value ?? "";
    if ((v === "--run" || v === "--command") && i + 1 < w.length) {
      const src = w[i + 1] as RWord;
      return { kind: "script", wrapper: "nix-shell --run", source: src.value, unresolved: src.unresolved };
    }
  }
  return undefined;
};

/** `nix develop|shell [INSTALLABLES] -c|--command CMD ARGS`: argv after the flag. */
const nix: Handler = (w) => {
  const sub = w[1]?.value;
  if (sub !== "develop" && sub !== "shell") return undefined;
  const at = w.findIndex((x, i) => i > 1 && (x.value === "-c" || x.value === "--command"));
  return at > 0 ? inner(`nix ${sub} -c`, w.slice(at + 1)) : undefined;
};

const WATCHEXEC_SPEC: OptSpec = {
  short: "efiwWdsoEFp",
  long: ["exts", "filter", "ignore", "watch", "watch-non-recursive", "debounce", "signal", "on-busy-update", "env", "shell", "workdir", "project-origin", "filter-file", "ignore-file", "delay-run", "poll", "emit-events-to", "timeout", "stop-signal", "stop-timeout", "fs-events", "log-file", "color", "wrap-process", "filter-prog"],
};

/** `watchexec [OPTS] [--] CMD...`: one word is a shell string (the default --shell), several are argv. */
const watchexec: Handler = (w) => {
  const p = parseOptions(w, 1, WATCHEXEC_SPEC);
  const rest = w.slice(p.index);
  const only = rest[0];
  if (rest.length === 1 && only && /\s/.test(only.value)) return { kind: "script", wrapper: "watchexec", source: only.value, unresolved: only.unresolved };
  return inner("watchexec", rest, optValue(p, "workdir"));
};

/** `railway run [-s SERVICE] [-e ENV] CMD ARGS`: the command runs locally with the service's variables. */
const railway: Handler = (w) => {
  if (w[1]?.value !== "run") return undefined;
  const p = parseOptions(w, 2, { short: "sep", long: ["service", "environment", "project"] });
  return inner("railway run", w.slice(p.index));
};

/** `sst shell [--stage S] CMD ARGS`: CMD runs with the app's linked resources in its environment. sst takes
 *  every word starting with `-` as its own flag, wherever it stands (cmd/sst/main.go). */
const sst: Handler = (w) => {
  if (w[1]?.value !== "shell") return undefined;
  const words = w.slice(2).filter((x, i, all) => !x.value.startsWith("-") && !(i > 0 && /^--?stage$/.test(all[i - 1]?.value ?? "")));
  return inner("sst shell", words);
};

export const EXEC_LAUNCHERS: Readonly<Record<string, Handler>> = {
  mise,
  rtx: mise,
  asdf,
  saml2aws,
  assume,
  "nix-shell": nixShell,
  nix,
  watchexec,
  railway,
  sst,
};
