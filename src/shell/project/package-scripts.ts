/** package.json scripts run by npm, yarn, pnpm and bun: the script, its pre/post scripts, the arguments after it,
 *  the package found from the working directory up, `--prefix`/`-C`/`--cwd`, and workspaces. */
import type { Ctx, Inv, RWord } from "../model.js";
import { optValue, optValues, hasOpt, parseOptions, type OptSpec } from "../options.js";
import { resolvePath } from "../paths.js";
import { chainLabel, findUp, quoteWord, reportUnread, runFresh, type Emit } from "./run.js";
import { loadPackage, selectWorkspaces, workspacePackages, type PackageJson } from "./package-json.js";

type Tool = "npm" | "yarn" | "pnpm" | "bun";

/** What one runner invocation asks for: which script(s), with which arguments, in which package(s). */
interface Request {
  readonly tool: Tool;
  /** Script names in order (`install` runs several); each with its pre/post scripts when `prePost`. */
  readonly names: readonly string[];
  readonly args: readonly RWord[];
  readonly prePost: boolean;
  /** The named script must exist (`npm run x`); lifecycle scripts are optional. */
  readonly lifecycle: boolean;
  readonly dir: string | undefined;
  /** Workspace selectors (`-w a`, `--filter a`, `yarn workspace a`); "*" for all (`-ws`, `-r`). */
  readonly workspaces: readonly string[];
}

const RUN = new Set(["run", "run-script", "rum", "urn"]);
const NPM_LIFECYCLE: Readonly<Record<string, string>> = { test: "test", t: "test", tst: "test", start: "start", stop: "stop", restart: "restart" };
const INSTALL = new Set(["install", "i", "in", "ins", "inst", "insta", "instal", "isnt", "isnta", "isntal", "isntall", "add", "ci", "clean-install", "ic", "install-clean", "isntall-clean"]);
/** The root package's scripts `npm install` / `npm ci` run, in order (docs.npmjs.com/cli/using-npm/scripts). */
const INSTALL_SCRIPTS = ["preinstall", "install", "postinstall", "prepublish", "preprepare", "prepare", "postprepare"];

const NPM_SPEC: OptSpec = { short: "wC", long: ["prefix", "workspace", "userconfig", "cache", "loglevel", "registry"] };
const PNPM_SPEC: OptSpec = { short: "CFw", long: ["dir", "filter", "workspace-dir", "reporter", "loglevel"] };
const YARN_SPEC: OptSpec = { long: ["cwd"] };
const BUN_SPEC: OptSpec = { long: ["cwd", "filter"], short: "F" };

function withoutDashDash(words: readonly RWord[]): readonly RWord[] {
  return words[0]?.value === "--" ? words.slice(1) : words;
}

/** npm reads its options anywhere before `--`: split them from the positional words. */
function npmWords(w: readonly RWord[]): { opts: [string, string][]; positional: RWord[]; rest: RWord[] } {
  const opts: [string, string][] = [];
  const positional: RWord[] = [];
  for (let i = 1; i < w.length; i++) {
    const word = w[i] as RWord;
    const v = word.value;
    if (v === "--") return { opts, positional, rest: w.slice(i + 1) };
    if (v === "-ws") opts.push(["workspaces", ""]);
    else if (v.startsWith("--")) {
      const eq = v.indexOf("=");
      const name = eq < 0 ? v.slice(2) : v.slice(2, eq);
      opts.push([name, eq >= 0 ? v.slice(eq + 1) : (NPM_SPEC.long ?? []).includes(name) ? (w[++i]?.value ?? "") : ""]);
    } else if (v.startsWith("-") && v.length > 1) {
      const letter = v.charAt(1);
      opts.push([letter, (NPM_SPEC.short ?? "").includes(letter) ? v.slice(2) || (w[++i]?.value ?? "") : ""]);
    } else positional.push(word);
  }
  return { opts, positional, rest: [] };
}

function npmRequest(w: readonly RWord[]): Request | undefined {
  const { opts, positional, rest } = npmWords(w);
  const opt = { opts, index: 0, dashdash: false };
  const sub = positional[0]?.value ?? "";
  const dir = optValue(opt, "prefix", "C");
  const workspaces = [...optValues(opt, "w", "workspace"), ...(hasOpt(opt, "workspaces") ? ["*"] : [])];
  const prePost = !hasOpt(opt, "ignore-scripts");
  const base = { tool: "npm" as const, prePost, lifecycle: false, dir, workspaces };
  if (RUN.has(sub)) {
    const name = positional[1];
    if (!name || name.unresolved) return undefined;
    return { ...base, names: [name.value], args: [...positional.slice(2), ...rest] };
  }
  const life = NPM_LIFECYCLE[sub];
  if (life) return { ...base, names: [life], args: [...positional.slice(1), ...rest] };
  // `npm install` of the project itself (no package named) runs the root package's lifecycle scripts.
  if (INSTALL.has(sub) && positional.length === 1 && prePost) return { ...base, names: INSTALL_SCRIPTS, args: [], prePost: false, lifecycle: true, workspaces: [] };
  return undefined;
}

const PNPM_BUILTIN = new Set(["dlx", "exec", "x", "add", "remove", "rm", "update", "up", "publish", "link", "list", "ls", "outdated", "why", "store", "audit", "init", "prune", "rebuild", "pack", "config", "env", "create", "setup", "import", "fetch", "patch", "deploy", "licenses", "root", "bin", "help", "server", "self-update", "info", "view", "login", "logout", "dedupe", "workspaces", "set", "plugin", "node", "npm", "version", "cache", "unlink", "upgrade", "global", "upgrade-interactive", "policies", "constraints", "explain", "search"]);

/** yarn, pnpm and bun share the shape: `run NAME ARGS`, a bare script name, lifecycle names, `install`. */
function pmRequest(tool: "yarn" | "pnpm" | "bun", w: readonly RWord[]): Request | undefined {
  const spec = tool === "pnpm" ? PNPM_SPEC : tool === "bun" ? BUN_SPEC : YARN_SPEC;
  const p = parseOptions(w, 1, spec);
  const dir = optValue(p, "C", "dir", "cwd");
  const workspaces = [...optValues(p, "F", "filter"), ...(hasOpt(p, "r", "recursive") ? ["*"] : [])];
  let i = p.index;
  if (tool === "yarn" && w[i]?.value === "workspace") {
    const ws = w[i + 1];
    if (!ws || ws.unresolved) return undefined;
    workspaces.push(ws.value);
    i += 2;
  }
  const sub = w[i];
  if (!sub) return tool === "yarn" ? { tool, names: INSTALL_SCRIPTS, args: [], prePost: false, lifecycle: true, dir, workspaces: [] } : undefined;
  if (sub.unresolved) return undefined;
  if (sub.value === "install" || sub.value === "i") {
    return w.slice(i + 1).every((x) => x.value.startsWith("-")) ? { tool, names: INSTALL_SCRIPTS, args: [], prePost: false, lifecycle: true, dir, workspaces: [] } : undefined;
  }
  if (PNPM_BUILTIN.has(sub.value)) return undefined;
  if (sub.value === "run" || sub.value === "run-script") {
    const q = parseOptions(w, i + 1, spec);
    const name = w[q.index];
    if (!name || name.unresolved) return undefined;
    workspaces.push(...optValues(q, "F", "filter"));
    return { tool, names: [name.value], args: withoutDashDash(w.slice(q.index + 1)), prePost: true, lifecycle: false, dir: dir ?? optValue(q, "C", "dir", "cwd"), workspaces };
  }
  const name = sub.value === "t" || sub.value === "tst" ? "test" : sub.value;
  return { tool, names: [name], args: withoutDashDash(w.slice(i + 1)), prePost: true, lifecycle: false, dir, workspaces };
}

/** The packages to run in: the one found from the working directory up, or the selected workspaces. */
function packagesFor(req: Request, inv: Inv, ctx: Ctx, emit: Emit): { dir: string; pkg: PackageJson }[] | "unread" | undefined {
  const start = req.dir !== undefined ? resolvePath(inv.cwd, req.dir) : inv.cwd;
  const found = req.dir !== undefined ? { dir: start } : findUp(ctx, start, ["package.json"]);
  if (!found) return undefined;
  const loaded = loadPackage(ctx, found.dir);
  if (!loaded.ok) {
    if (loaded.file.reason === "missing") return undefined;
    reportUnread(inv, ctx, emit, { runner: req.tool, path: loaded.file.path, target: req.names.join(" "), reason: loaded.file.reason, text: loaded.file.text });
    return "unread";
  }
  if (req.workspaces.length === 0) return [{ dir: found.dir, pkg: loaded.pkg }];
  const all = workspacePackages(ctx, found.dir, loaded.pkg);
  const picked = req.workspaces.includes("*") ? all : req.workspaces.flatMap((s) => selectWorkspaces(all, s, inv.cwd, resolvePath));
  return [...new Map(picked.map((p) => [p.dir, p])).values()];
}

/** Follow npm/yarn/pnpm/bun running package.json scripts. False: nothing to follow (the launcher table decides). */
export function followPackageScript(tool: Tool, inv: Inv, ctx: Ctx, emit: Emit): boolean {
  const req = tool === "npm" ? npmRequest(inv.words) : pmRequest(tool, inv.words);
  if (!req) return false;
  const pkgs = packagesFor(req, inv, ctx, emit);
  if (pkgs === "unread") return true;
  if (!pkgs) return false;
  const label = chainLabel(inv.text);
  let ran = false;
  for (const { dir, pkg } of pkgs) {
    for (const name of req.names) {
      if (pkg.scripts[name] === undefined) continue;
      const steps = req.prePost ? [`pre${name}`, name, `post${name}`] : [name];
      for (const step of steps) {
        const text = pkg.scripts[step];
        if (text === undefined) continue;
        const source = step === name && req.args.length > 0 ? `${text} ${req.args.map(quoteWord).join(" ")}` : text;
        const where = pkgs.length > 1 || req.workspaces.length > 0 ? ` in ${pkg.name || dir}` : "";
        const main = step === name && !where && req.names.length === 1;
        const key = { file: `${dir}/package.json`, what: JSON.stringify([step, source]) };
        runFresh(inv, ctx, emit, { source, label: main ? label : `${label} (${step}${where})`, wrapper: `${tool} run`, cwd: dir, key });
        ran = true;
      }
    }
  }
  // `npm install` with no lifecycle scripts to run: the install itself, as the launcher table reports it.
  return ran;
}
