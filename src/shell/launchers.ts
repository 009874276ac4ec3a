/** Package-manager and credential launchers that run a CLI: npx cdk, npm run cdk --, uv run, aws-vault exec, ... */
import type { Handler, RWord, Unwrap } from "./model.js";
import type { ProgramNames } from "./types.js";
import { lit } from "./model.js";
import { hasOpt, isAssignWord, optValue, optValues, parseOptions } from "./options.js";

/** `aws-cdk@2.150.0` -> `cdk` (package names from the CLI registry), `@scope/pkg@1` -> `@scope/pkg`. */
function packageBin(spec: string, names: ProgramNames): string {
  const at = spec.indexOf("@", 1);
  const name = at > 0 ? spec.slice(0, at) : spec;
  return names.packages[name] ?? name;
}

function run(wrapper: string, words: readonly RWord[], extra?: Partial<Extract<Unwrap, { kind: "inner" }>>): Unwrap {
  return words.length === 0 ? { kind: "final" } : { kind: "inner", wrapper, words, ...extra };
}

/** The package's bin as argv[0]: `npx aws-cdk@2 deploy` -> `cdk deploy`. */
function binWords(words: readonly RWord[], names: ProgramNames): RWord[] {
  const [head, ...rest] = words;
  if (!head) return [];
  return [head.unresolved ? head : lit(packageBin(head.value, names)), ...rest];
}

const NPX_SPEC = { short: "pc", long: ["package", "call", "cache", "userconfig", "registry", "workspace", "prefix"] };

/** npx / bunx / pnpm dlx / yarn dlx / npm exec: options, then the package bin and its args. */
function execLike(wrapper: string, startAt = 1): Handler {
  return (w, _inv, names) => {
    const p = parseOptions(w, startAt, NPX_SPEC);
    const call = optValue(p, "c", "call");
    if (call !== undefined) return { kind: "script", wrapper: `${wrapper} -c`, source: call, unresolved: false };
    let rest = w.slice(p.index);
    if (rest[0]?.value === "--") rest = rest.slice(1);
    return run(wrapper, binWords(rest, names));
  };
}

/** `npm run cdk -- destroy`, `yarn cdk destroy`: only the conventional CLI script names are mapped. */
function runScript(wrapper: string, words: readonly RWord[], names: ProgramNames): Unwrap | undefined {
  const name = words[0];
  if (!name || name.unresolved) return words.length ? { kind: "final", unresolved: name?.unresolved ?? false } : undefined;
  const cli = names.scripts[name.value];
  if (!cli) return { kind: "final" };
  let args = words.slice(1);
  if (args[0]?.value === "--") args = args.slice(1);
  return { kind: "inner", wrapper, words: [lit(cli), ...args] };
}

const NPM_GLOBAL = { short: "wC", long: ["prefix", "workspace", "userconfig", "cache", "loglevel", "registry"] };

const npm: Handler = (w, inv, names) => {
  const p = parseOptions(w, 1, NPM_GLOBAL);
  const sub = w[p.index]?.value;
  const chdir = optValue(p, "prefix");
  const withDir = (u: Unwrap | undefined): Unwrap | undefined => (u && u.kind === "inner" && chdir ? { ...u, chdir } : u);
  if (sub === "exec" || sub === "x") return withDir(execLike("npm exec", p.index + 1)(w, inv, names));
  if (sub === "run" || sub === "run-script" || sub === "rum" || sub === "urn") {
    const q = parseOptions(w, p.index + 1, NPM_GLOBAL);
    return withDir(runScript("npm run", w.slice(q.index), names));
  }
  return undefined;
};

const PNPM_GLOBAL = { short: "CFw", long: ["dir", "filter", "workspace-dir", "reporter", "loglevel"] };
const PNPM_COMMANDS = new Set(["install", "i", "add", "remove", "rm", "update", "up", "test", "t", "publish", "link", "list", "ls", "outdated", "why", "store", "audit", "init", "prune", "rebuild", "pack", "config", "env", "create", "setup", "start", "import", "fetch", "patch", "deploy", "licenses", "root", "bin", "help", "server", "self-update"]);

/** pnpm and yarn share the shape: `dlx`, `exec`, `run SCRIPT`, or a bare script name. */
function pnpmLike(tool: "pnpm" | "yarn"): Handler {
  return (w, inv, names) => {
    const p = parseOptions(w, 1, tool === "pnpm" ? PNPM_GLOBAL : { long: ["cwd"] });
    const chdir = optValue(p, "C", "dir", "cwd");
    const withDir = (u: Unwrap | undefined): Unwrap | undefined => (u && u.kind === "inner" && chdir ? { ...u, chdir } : u);
    const sub = w[p.index]?.value;
    if (sub === undefined) return undefined;
    if (sub === "dlx" || sub === "exec" || sub === "x") return withDir(execLike(`${tool} ${sub}`, p.index + 1)(w, inv, names));
    if (sub === "run" || sub === "run-script") {
      const q = parseOptions(w, p.index + 1, {});
      return withDir(runScript(`${tool} run`, w.slice(q.index), names));
    }
    if (PNPM_COMMANDS.has(sub) || sub === "deploy") return undefined;
    return withDir(runScript(`${tool} run`, w.slice(p.index), names));
  };
}

/** Python tool runners: `uv run`, `poetry run`, `pipenv run`, ...: the command follows `run` and its options. */
function pyRun(tool: string, spec: { short?: string; long?: string[] }, sub = "run"): Handler {
  return (w) => {
    const p = parseOptions(w, 1, { short: "C", long: ["directory", "project"] });
    if (w[p.index]?.value !== sub) return undefined;
    const q = parseOptions(w, p.index + 1, spec);
    const chdir = optValue(q, "directory") ?? optValue(p, "C", "directory");
    return run(`${tool} ${sub}`, w.slice(q.index), chdir ? { chdir } : {});
  };
}

const UV_SPEC = { short: "pw", long: ["with", "with-editable", "with-requirements", "python", "project", "directory", "package", "env-file", "extra", "group", "index", "index-url", "from", "module"] };

const uvx: Handler = (w, _inv, names) => {
  const p = parseOptions(w, 1, UV_SPEC);
  return run("uvx", binWords(w.slice(p.index), names));
};

/** `aws-vault exec PROFILE [opts] [--] CMD`; kingpin allows options before and after the profile. */
const awsVault: Handler = (w) => {
  if (w[1]?.value !== "exec") return undefined;
  const spec = { short: "dtj", long: ["duration", "region", "mfa-token", "prompt", "ec2-server", "ecs-server"] };
  const p = parseOptions(w, 2, spec);
  const q = parseOptions(w, p.index + 1, spec);
  return run("aws-vault exec", w.slice(q.index));
};

/** Secret injectors: everything after `--` is the command (`op run -- CMD`, `doppler run -- CMD`). */
function afterDashDash(wrapper: string, sub: string | undefined): Handler {
  return (w) => {
    if (sub !== undefined && w[1]?.value !== sub) return undefined;
    const dd = w.findIndex((x) => x.value === "--");
    if (dd < 0) {
      const p = parseOptions(w, sub ? 2 : 1, { long: ["command"] });
      const cmd = optValue(p, "command");
      return cmd !== undefined ? { kind: "script", wrapper, source: cmd, unresolved: false } : undefined;
    }
    return run(wrapper, w.slice(dd + 1));
  };
}

/** dotenv-cli: `dotenv [-e FILE] [-v K=V] [--] CMD`. */
const dotenv: Handler = (w) => {
  const p = parseOptions(w, 1, { short: "ecvp" });
  if (hasOpt(p, "p")) return { kind: "final" };
  const env: Record<string, string> = {};
  for (const kv of optValues(p, "v")) {
    if (!isAssignWord(kv)) continue;
    const eq = kv.indexOf("=");
    env[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  return run("dotenv", w.slice(p.index), { env });
};

const direnv: Handler = (w) => (w[1]?.value === "exec" ? run("direnv exec", w.slice(3)) : undefined);

/** `python -m awscli ...` is the aws CLI; other modules stay python. Option parsing stops at -m / -c.
 *  `python manage.py CMD` is Django's manage.py (interpreted by src/clis/migrations/). */
const python: Handler = (w) => {
  for (let i = 1; i < w.length; i++) {
    const v = (w[i] as RWord).value;
    if (!v.startsWith("-") && (v === "manage.py" || v.endsWith("/manage.py"))) return { kind: "inner", wrapper: "python", words: w.slice(i) };
    if (!v.startsWith("-") || v === "-" || v === "--") return undefined;
    if (v.startsWith("--")) continue;
    const m = v.indexOf("m");
    const c = v.indexOf("c");
    if (c > 0 && (m < 0 || c < m)) return undefined;
    if (m > 0) {
      const attached = v.slice(m + 1);
      const mod = attached || w[i + 1]?.value;
      const rest = w.slice(attached ? i + 1 : i + 2);
      return mod === "awscli" ? { kind: "inner", wrapper: "python -m", words: [lit("aws"), ...rest] } : undefined;
    }
    if (v === "-W" || v === "-X") i++;
  }
  return undefined;
};

export const LAUNCHERS: Readonly<Record<string, Handler>> = {
  npx: execLike("npx"),
  bunx: execLike("bunx"),
  pnpx: execLike("pnpx"),
  npm,
  pnpm: pnpmLike("pnpm"),
  yarn: pnpmLike("yarn"),
  uv: pyRun("uv", UV_SPEC),
  uvx,
  poetry: pyRun("poetry", {}),
  pipenv: pyRun("pipenv", {}),
  pdm: pyRun("pdm", {}),
  hatch: pyRun("hatch", {}),
  rye: pyRun("rye", {}),
  "aws-vault": awsVault,
  direnv,
  dotenv,
  dotenvx: afterDashDash("dotenvx run", "run"),
  op: afterDashDash("op run", "run"),
  doppler: afterDashDash("doppler run", "run"),
  infisical: afterDashDash("infisical run", "run"),
  chamber: afterDashDash("chamber exec", "exec"),
  python,
  /** `bundle exec rake db:drop`: Bundler runs the gem's bin. */
  bundle: (w) => (w[1]?.value === "exec" ? run("bundle exec", w.slice(2)) : undefined),
};
