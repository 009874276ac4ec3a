/** Path classes: what a file is to infrastructure (state, secrets, the guard's own config). Pure: the
 *  classes come from the path alone (names and segments), never from the disk. A glob in the name
 *  (`*.tfstate`, left unexpanded by the shell) classifies like the files it stands for. */
import path from "node:path";
import { isEnvFileName } from "../util/env-file.js";

export type PathClass =
  | "tfstate"
  | "tfstate-backup"
  | "terraform-dir"
  | "backend-config"
  | "workspace-selector"
  | "plan"
  | "tfvars"
  | "env"
  | "secret"
  | "credentials"
  | "guard-config"
  | "hook-config"
  | "lock-file"
  | "iac-source"
  | "pulumi-state"
  | "shell-startup"
  | "outside-workspace";

/** Groups of path classes, so that one policy scope can cover several (`resource in PathClass::"state-file"`). */
export const PATH_CLASS_GROUPS: Readonly<Record<string, readonly PathClass[]>> = {
  "state-file": ["tfstate", "tfstate-backup", "backend-config", "workspace-selector", "pulumi-state"],
  "project-secret": ["env", "tfvars", "secret"],
};

/** Not a path class but a class of the action's target: it covers a directory tree or an archive, whose
 *  members' classes are in the request's context (memberClasses). */
export const TREE_CLASS = "tree";
/** The class of a file whose path holds an expansion that could not be resolved (`> $OUT`). */
export const UNRESOLVED_PATH_CLASS = "unresolved-path";

export interface PathContext {
  /** Absolute workspace root. */
  readonly root: string;
  /** The user's home directory. */
  readonly home: string;
  /** $INFRAGATE_HOME: the pack's own state. */
  readonly infragateHome: string;
  /** Absolute kubeconfig files named by $KUBECONFIG: cluster credentials wherever they are. */
  readonly kubeconfigs?: readonly string[];
  /** Package roots of the running infragate (the installation the hooks run): guard config. */
  readonly installs?: readonly string[];
  /** The file system ignores case (macOS, Windows by default): `.Claude/settings.json` is `.claude/settings.json`. */
  readonly caseInsensitive?: boolean;
}

/** What an infragate package ships (package.json "files", its own manifest and dependencies): the parts of an
 *  installation the hooks run. A checkout's sources, tests and docs are not among them. */
const SHIPPED: ReadonlySet<string> = new Set([
  "bin", "dist", "hooks", "policies", "schemas", "install", ".claude-plugin", "package.json", "node_modules",
]);

/** Part of an infragate installation: a package's `node_modules/infragate` (and its `.bin/infragate`
 *  link) anywhere, or what a running installation ships (the package root itself included). */
function isInstallation(norm: string, segments: readonly string[], ctx: PathContext): boolean {
  for (let i = 0; i + 1 < segments.length; i++) {
    if (segments[i] !== "node_modules") continue;
    if (segments[i + 1] === "infragate") return true;
    if (segments[i + 1] === ".bin" && segments[i + 2] === "infragate") return true;
  }
  return (ctx.installs ?? []).some((root) => {
    if (norm === root) return true;
    const rel = path.relative(root, norm);
    if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) return false;
    return SHIPPED.has(rel.split(path.sep)[0] ?? "");
  });
}

/** Long-lived credentials under the home directory: files, and directories whose whole content counts. */
export const CREDENTIAL_FILES: readonly string[] = [
  ".terraform.d/credentials.tfrc.json",
  ".terraformrc",
  "terraform.rc",
  ".pulumi/credentials.json",
  ".docker/config.json",
  ".netrc",
  ".npmrc",
  ".pypirc",
  ".git-credentials",
  ".config/git/credentials",
  ".config/gh/hosts.yml",
  ".vault-token",
  ".claude/.credentials.json",
  ".config/doctl/config.yaml",
  "Library/Application Support/doctl/config.yaml",
  ".fly/config.yml",
  ".supabase/access-token",
  ".vercel/auth.json",
  ".local/share/com.vercel.cli/auth.json",
  "Library/Application Support/com.vercel.cli/auth.json",
  ".config/heroku/credentials",
];
export const CREDENTIAL_DIRS: readonly string[] = [".aws", ".kube", ".azure", ".config/gcloud", ".oci", ".config/doctl/access-tokens"];

/** Git config that can repoint core.hooksPath, relative to the home directory. */
const HOME_GIT_CONFIG: readonly string[] = [".gitconfig", ".config/git/config"];

/** Hook configuration files by their last segments (anywhere in the tree, except vendored code). */
/** Files every later shell sources: what they export (TF_CLI_ARGS, PATH, aliases) reaches every command. */
const SHELL_STARTUP_FILES: readonly string[] = [
  ".bashrc", ".bash_profile", ".bash_login", ".profile", ".zshrc", ".zshenv", ".zprofile", ".zlogin", ".kshrc",
  ".config/fish/config.fish",
];

const HOOK_CONFIG_SUFFIXES: readonly string[] = [
  ".cursor/hooks.json",
  ".gemini/settings.json",
  ".windsurf/hooks.json",
  ".codex/hooks.json",
  ".codex/config.toml",
  ".pre-commit-config.yaml",
  "lefthook.yml",
  "lefthook.yaml",
  ".lefthook.yml",
  "lefthook-local.yml",
];

function within(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

function segmentsOf(p: string): string[] {
  return p.split(/[\\/]+/).filter((s) => s.length > 0);
}

/** The segment after the last `name` segment, or undefined. */
function after(segments: readonly string[], name: string): string | undefined {
  const i = segments.lastIndexOf(name);
  return i >= 0 ? (segments[i + 1] ?? "") : undefined;
}

function isHookConfig(abs: string, segments: readonly string[], base: string, ctx: PathContext): boolean {
  if (HOME_GIT_CONFIG.some((f) => abs === path.join(ctx.home, f))) return true;
  if (segments.includes("node_modules")) return false; // a package's own .husky/ or lefthook.yml is not this project's hook
  const claude = segments.lastIndexOf(".claude");
  if (claude >= 0) {
    const rest = segments.slice(claude + 1);
    if (rest.length === 1 && /^settings(\.local)?\.json$/.test(base)) return true;
    if (rest[0] === "hooks" || rest[0] === "plugins") return true;
  }
  if (HOOK_CONFIG_SUFFIXES.some((s) => abs.endsWith(`/${s}`))) return true;
  const cursor = after(segments, ".cursor");
  if (cursor === "hooks" || cursor === "rules") return true;
  if (after(segments, ".github") === "hooks") return true;
  // GitHub Copilot CLI's user hooks and settings (a "hooks" key); OpenCode's plugins (its guard) and config.
  if (after(segments, ".copilot") === "hooks" || (after(segments, ".copilot") === "settings.json" && segments.length - segments.lastIndexOf(".copilot") === 2)) return true;
  if (segments.slice(-3, -1).join("/") === ".github/copilot" && base === "settings.json") return true;
  if (/\/(?:\.opencode|\.config\/opencode)\/plugins?\//.test(abs)) return true;
  if (base === "opencode.json" || base === "opencode.jsonc") return true;
  if (segments.includes(".husky")) return true;
  const git = segments.lastIndexOf(".git");
  if (git >= 0 && (segments[git + 1] === "hooks" || (segments[git + 1] === "config" && git + 2 === segments.length))) return true;
  return segments[segments.length - 2] === ".claude-plugin";
}


/** Source code and documentation in a `secrets/` folder (`src/secrets/index.ts`, `docs/secrets/rotation.md`)
 *  is about secrets, not a secret itself. */
const CODE_OR_DOCS = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs|py|go|rs|java|kt|rb|php|cs|swift|scala|c|h|cc|cpp|hpp|md|mdx|rst|adoc|html|css|scss|tf|hcl|snap)$/;

/** An SSH private key in ~/.ssh: `id_rsa`, `id_ed25519`, `id_ecdsa_sk` ... (not the `.pub` half). */
function isSshPrivateKey(norm: string, lower: string, ctx: PathContext): boolean {
  return path.dirname(norm) === path.join(ctx.home, ".ssh") && /^id_[a-z0-9_]+$/.test(lower);
}

function isSecretName(lower: string, segments: readonly string[]): boolean {
  if (lower.endsWith(".pub")) return false;
  return (
    (segments.includes("secrets") && !CODE_OR_DOCS.test(lower)) ||
    segments.includes(".ssh") ||
    /\.(pem|key|p12|pfx|jks|keystore|ppk)$/.test(lower) ||
    /^id_(rsa|dsa|ecdsa|ed25519)/.test(lower) ||
    lower === "credentials" ||
    lower === "credentials.json" ||
    lower === "kubeconfig" ||
    lower === "service-account.json"
  );
}

function addStateClasses(classes: Set<PathClass>, segments: readonly string[], base: string, lower: string): void {
  if (lower.endsWith(".tfstate")) classes.add("tfstate");
  if (/\.tfstate(\.\d+)?\.(backup|bak)$/.test(lower)) classes.add("tfstate-backup");
  if (segments.includes("terraform.tfstate.d")) classes.add("tfstate");
  const tfDir = segments.lastIndexOf(".terraform");
  if (tfDir >= 0) {
    classes.add("terraform-dir");
    if (tfDir === segments.length - 2 && base === "terraform.tfstate") {
      classes.delete("tfstate");
      classes.add("backend-config");
    }
    if (tfDir === segments.length - 2 && base === "environment") classes.add("workspace-selector");
  }
  if (/\.(tfplan|plan)$/.test(lower) || lower === "tfplan" || lower === "plan.out" || lower === "tfplan.out") classes.add("plan");
  if (lower === ".terraform.lock.hcl") classes.add("lock-file");
  else if (/\.(tf|tf\.json|hcl)$/.test(lower)) classes.add("iac-source");
  if (lower === "cdk.json" || lower === "cdk.context.json" || /^pulumi(\..+)?\.ya?ml$/.test(lower)) classes.add("iac-source");
  const pulumi = after(segments, ".pulumi");
  if (pulumi === "stacks" || pulumi === "backups" || pulumi === "history") classes.add("pulumi-state");
}

/** Classify one absolute path. Pure: no fs access. On a case-insensitive file system the guard's own
 *  classes are also found on the lower-cased path (`.Claude/settings.json`, `.INFRAGATE/config.json`). */
export function classifyPath(abs: string, ctx: PathContext): PathClass[] {
  const classes = classifyExact(abs, ctx);
  if (!ctx.caseInsensitive) return classes;
  const lower = classifyExact(abs.toLowerCase(), { ...ctx, root: ctx.root.toLowerCase(), home: ctx.home.toLowerCase(), infragateHome: ctx.infragateHome.toLowerCase(), installs: (ctx.installs ?? []).map((r) => r.toLowerCase()) });
  const out = new Set(classes);
  for (const c of lower) if (c !== "outside-workspace") out.add(c);
  return [...out].sort();
}

function classifyExact(abs: string, ctx: PathContext): PathClass[] {
  const classes = new Set<PathClass>();
  const norm = path.resolve(abs);
  const segments = segmentsOf(norm);
  const base = segments[segments.length - 1] ?? "";
  const lower = base.toLowerCase();

  addStateClasses(classes, segments, base, lower);
  // *.tfbackend (partial backend configuration, often with access keys) is a secrets file like *.tfvars:
  // ask to read or write. It selects a backend only at a (gated) `terraform init -backend-config=`.
  if (lower.endsWith(".tfvars") || lower.endsWith(".tfvars.json") || lower.endsWith(".tfbackend")) classes.add("tfvars");
  if (isEnvFileName(lower)) classes.add("env");
  if (isSecretName(lower, segments)) classes.add("secret");
  const inHome = (f: string): boolean => norm === path.join(ctx.home, f);
  if (
    CREDENTIAL_FILES.some(inHome) ||
    CREDENTIAL_DIRS.some((d) => within(norm, path.join(ctx.home, d))) ||
    isSshPrivateKey(norm, lower, ctx) ||
    (ctx.kubeconfigs ?? []).includes(norm)
  ) {
    classes.add("credentials");
    classes.add("secret");
  }
  // A process's environment (`cat /proc/self/environ`): every variable, secret ones included.
  if (segments.length === 3 && segments[0] === "proc" && base === "environ") classes.add("secret");
  if (isHookConfig(norm, segments, base, ctx)) classes.add("hook-config");
  if (SHELL_STARTUP_FILES.some(inHome) || within(norm, "/etc/profile.d") || norm === "/etc/profile" || norm === "/etc/environment") {
    classes.add("shell-startup");
  }
  if (segments.includes(".infragate") || within(norm, ctx.infragateHome) || isInstallation(norm, segments, ctx)) classes.add("guard-config");
  if (!within(norm, ctx.root)) classes.add("outside-workspace");
  return [...classes].sort();
}
