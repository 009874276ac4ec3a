/** `helm` (research/iac-semantics.md section 8). The resource is the Cluster named by --kube-context. */
import type { SimpleCommand } from "../../shell/types.js";
import { contextOverride } from "../kubectl/kubectl.js";
import { flagFacts, flagOn, flagValue, scanCobra, type CobraResult, type CobraSpec } from "../pulumi/cobra.js";
import type { Interpretation, Interpreter } from "../types.js";
import type { ActionsWith } from "../../facts/index.js";
import type { Helm } from "../../facts/generated/50-kubernetes.js";

const VALUED = new Set([
  "kube-context", "kubeconfig", "namespace", "kube-apiserver", "kube-as-user", "kube-as-group", "kube-ca-file",
  "kube-token", "kube-tls-server-name", "registry-config", "repository-cache", "repository-config", "burst-limit", "qps",
  "values", "set", "set-string", "set-file", "set-json", "set-literal", "version", "timeout", "description", "output",
  "revision", "repo", "username", "password", "ca-file", "cert-file", "key-file", "post-renderer", "post-renderer-args",
  "history-max", "max", "offset", "filter", "template", "cascade", "selector", "labels", "api-versions", "kube-version",
  "show-only", "output-dir", "name-template", "keyring", "dry-run", "max-col-width", "time-format",
]);
const SPEC: CobraSpec = {
  valued: VALUED,
  optional: new Set(["dry-run"]),
  short: { n: "namespace", f: "values", o: "output", a: "api-versions", s: "show-only", l: "selector", g: "generate-name", i: "install", h: "help", A: "all-namespaces", m: "max" },
};

const READ = new Set([
  "list", "ls", "status", "template", "lint", "show", "inspect", "history", "hist", "search", "version", "env", "repo",
  "dependency", "dep", "dependencies", "pull", "fetch", "package", "create", "completion", "verify", "help",
  // The helm-diff plugin (`helm diff upgrade|rollback|revision|release`) only renders and compares: the
  // review step the release policies recommend.
  "diff",
]);
const RELEASE = new Set(["install", "upgrade", "rollback", "test"]);
const UNINSTALL = new Set(["uninstall", "del", "delete", "un"]);
const SECRET_GETS = new Set(["values", "all", "manifest"]);

function isDryRun(r: CobraResult): boolean {
  const v = flagValue(r, "dry-run");
  return v !== undefined && !["none", "false", "0"].includes(v.toLowerCase());
}

function classify(command: string, sub: string, r: CobraResult): ActionsWith<Helm> {
  if (flagOn(r, "help") || command === "") return "helm.read";
  if (command === "get") return SECRET_GETS.has(sub) ? "helm.secret-read" : "helm.read";
  if (command === "plugin" && (sub === "list" || sub === "ls")) return "helm.read";
  if (READ.has(command)) return "helm.read";
  if (RELEASE.has(command) || UNINSTALL.has(command)) {
    if (isDryRun(r)) return "helm.dry-run";
    return UNINSTALL.has(command) ? "helm.uninstall" : "helm.release";
  }
  return "helm.other";
}

export function interpretHelmArgv(cmd: SimpleCommand): Interpretation {
  const r = scanCobra(cmd.argv.slice(1), SPEC);
  const [command = "", ...args] = r.positionals;
  const sub = ["get", "plugin", "repo", "registry", "dependency", "dep", "show", "inspect", "search"].includes(command) ? (args[0] ?? "") : "";
  const rest = sub !== "" ? args.slice(1) : args;
  const action = classify(command, sub, r);
  const { flags, options } = flagFacts(r, VALUED);
  const kubeContext = flagValue(r, "kube-context") ?? "";
  const namespace = flagValue(r, "namespace") ?? "";
  const operation = UNINSTALL.has(command) ? "uninstall" : sub !== "" ? `${command} ${sub}` : command;
  const generated = flagOn(r, "generate-name");
  const release = command === "install" && generated ? "" : (rest[0] ?? "");
  const chart = command === "install" ? (generated ? rest[0] : rest[1]) ?? "" : command === "upgrade" ? (rest[1] ?? "") : "";
  return {
    operations: [
      {
        action,
        resource: { type: "Cluster", name: kubeContext || "(current)" },
        context: {
          program: "helm",
          operation,
          command: cmd.text,
          cwd: cmd.cwd,
          release,
          chart,
          flags,
          options,
          dryRun: isDryRun(r),
          kubeContext,
          namespace,
          contextOverride: contextOverride(cmd, r, ["kube-context", "kubeconfig", "kube-apiserver", "kube-token"]),
          wrappers: [...cmd.wrappers],
          depth: cmd.depth,
        },
        summary: `helm ${operation || "(no command)"}${release ? ` ${release}` : ""} on cluster ${kubeContext || "(current context)"}${namespace ? ` namespace ${namespace}` : ""}`,
      },
    ],
    files: [],
  };
}

export const interpretHelm: Interpreter = interpretHelmArgv;
