/** Path classes: what a file is to infrastructure (state, secrets, the guard's own config). */
import path from "node:path";

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
  | "outside-workspace";

export interface PathContext {
  /** Absolute workspace root. */
  readonly root: string;
  /** The user's home directory. */
  readonly home: string;
  /** $INFRAGATE_HOME: the pack's own state. */
  readonly infragateHome: string;
}

const CREDENTIAL_FILES: readonly string[] = [
  ".aws/credentials",
  ".aws/config",
  ".terraform.d/credentials.tfrc.json",
  ".terraformrc",
  ".pulumi/credentials.json",
  ".kube/config",
  ".docker/config.json",
  ".config/gcloud/application_default_credentials.json",
  ".netrc",
  ".npmrc",
];

const HOOK_CONFIG_SUFFIXES: readonly string[] = [
  ".cursor/hooks.json",
  ".gemini/settings.json",
  ".pre-commit-config.yaml",
  "lefthook.yml",
  "lefthook.yaml",
];

function within(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

function segmentsOf(p: string): string[] {
  return p.split(/[\\/]+/).filter((s) => s.length > 0);
}

function hasSegment(segments: readonly string[], name: string): boolean {
  return segments.includes(name);
}

function classifyHookConfig(abs: string, segments: readonly string[], base: string): PathClass[] {
  const out: PathClass[] = [];
  const i = segments.lastIndexOf(".claude");
  if (i >= 0 && i < segments.length - 1) {
    const rest = segments.slice(i + 1);
    if ((rest.length === 1 && /^settings(\.local)?\.json$/.test(base)) || rest[0] === "hooks") out.push("hook-config");
  }
  if (HOOK_CONFIG_SUFFIXES.some((s) => abs.endsWith(`/${s}`))) out.push("hook-config");
  const cursor = segments.lastIndexOf(".cursor");
  if (cursor >= 0 && (segments[cursor + 1] === "hooks" || segments[cursor + 1] === "rules")) out.push("hook-config");
  if (hasSegment(segments, ".codex") && (base === "hooks.json" || base === "config.toml")) out.push("hook-config");
  const gh = segments.lastIndexOf(".github");
  if (gh >= 0 && segments[gh + 1] === "hooks") out.push("hook-config");
  if (hasSegment(segments, ".husky")) out.push("hook-config");
  const git = segments.lastIndexOf(".git");
  if (git >= 0 && (segments[git + 1] === "hooks" || (segments[git + 1] === "config" && git + 2 === segments.length))) out.push("hook-config");
  if (segments[segments.length - 2] === ".claude-plugin") out.push("hook-config");
  return out;
}

/** Classify one absolute path. Pure: no fs access. */
export function classifyPath(abs: string, ctx: PathContext): PathClass[] {
  const classes = new Set<PathClass>();
  const norm = path.resolve(abs);
  const segments = segmentsOf(norm);
  const base = segments[segments.length - 1] ?? "";
  const lower = base.toLowerCase();

  if (lower.endsWith(".tfstate")) classes.add("tfstate");
  if (lower.endsWith(".tfstate.backup") || lower.endsWith(".tfstate.bak")) classes.add("tfstate-backup");
  if (hasSegment(segments, "terraform.tfstate.d")) classes.add("tfstate");
  const tfDir = segments.lastIndexOf(".terraform");
  if (tfDir >= 0) {
    classes.add("terraform-dir");
    if (tfDir === segments.length - 2 && base === "terraform.tfstate") {
      classes.delete("tfstate");
      classes.add("backend-config");
    }
    if (tfDir === segments.length - 2 && base === "environment") classes.add("workspace-selector");
  }
  if (base === ".terraform") classes.add("terraform-dir");
  if (lower.endsWith(".tfbackend")) classes.add("backend-config");
  if (lower.endsWith(".tfplan") || lower.endsWith(".plan") || lower === "tfplan") classes.add("plan");
  if (lower.endsWith(".tfvars") || lower.endsWith(".tfvars.json")) classes.add("tfvars");
  if (lower === ".terraform.lock.hcl") classes.add("lock-file");
  if (/\.(tf|tf\.json|hcl)$/.test(lower) && lower !== ".terraform.lock.hcl") classes.add("iac-source");
  if (lower === "cdk.json" || lower === "cdk.context.json" || /^pulumi(\..+)?\.ya?ml$/.test(lower)) classes.add("iac-source");
  const pulumi = segments.lastIndexOf(".pulumi");
  if (pulumi >= 0 && segments[pulumi + 1] === "stacks") classes.add("pulumi-state");
  if (lower === ".env" || (lower.startsWith(".env.") && !/\.(example|sample|template|dist)$/.test(lower)) || lower === ".envrc") {
    classes.add("env");
  }
  if (
    hasSegment(segments, "secrets") ||
    /\.(pem|key|p12|pfx|jks|keystore)$/.test(lower) ||
    /^id_(rsa|dsa|ecdsa|ed25519)(\.pub)?$/.test(lower) ||
    lower === "credentials" ||
    lower === "credentials.json" ||
    lower === "kubeconfig"
  ) {
    if (!lower.endsWith(".pub")) classes.add("secret");
  }
  if (CREDENTIAL_FILES.some((f) => norm === path.join(ctx.home, f)) || within(norm, path.join(ctx.home, ".aws", "sso"))) {
    classes.add("credentials");
    classes.add("secret");
  }
  for (const c of classifyHookConfig(norm, segments, base)) classes.add(c);
  if (hasSegment(segments, ".infragate") || within(norm, ctx.infragateHome)) classes.add("guard-config");
  if (!within(norm, ctx.root)) classes.add("outside-workspace");
  return [...classes].sort();
}
