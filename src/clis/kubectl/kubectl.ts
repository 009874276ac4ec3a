/** `kubectl` (research/iac-semantics.md section 8). The resource is the Cluster named by --context
 *  ("(current)" when the kubeconfig's current context is used). */
import type { SimpleCommand } from "../../shell/types.js";
import { flagFacts, flagOn, flagValue, flagValues, scanCobra, type CobraResult, type CobraSpec } from "../pulumi/cobra.js";
import { printsSecretData, rawPathReadsSecrets } from "./secret-output.js";
import type { Interpretation, Interpreter } from "../types.js";
import type { ActionsWith } from "../../facts/index.js";
import type { Kubectl } from "../../facts/generated/50-kubernetes.js";

const VALUED = new Set([
  "namespace", "context", "kubeconfig", "cluster", "user", "server", "token", "as", "as-group", "as-uid",
  "certificate-authority", "client-certificate", "client-key", "request-timeout", "tls-server-name", "cache-dir", "v",
  "vmodule", "log-file", "profile", "profile-output", "password", "username", "output", "selector", "filename",
  "kustomize", "field-selector", "grace-period", "timeout", "container", "type", "from-file", "from-literal",
  "from-env-file", "image", "replicas", "sort-by", "template", "patch", "patch-file", "to-revision", "field-manager",
  "prune-allowlist", "prune-whitelist", "cascade", "dry-run", "chunk-size", "since", "tail", "since-time",
  "pod-running-timeout", "max-log-requests", "subresource", "raw", "label-columns", "resource-version", "port",
  "target-port", "name", "overrides", "env", "limits", "requests", "serviceaccount", "revision", "current-replicas",
  "min", "max", "cpu-percent", "for", "validate", "image-pull-policy", "labels", "protocol", "external-ip",
  "session-affinity", "generator", "restart", "profile-name", "target", "copy-to", "set-image", "attach",
  "address", "api-prefix", "accept-hosts", "reject-paths", "www", "www-prefix", "disable-filter", "show-kind",
  "output-watch-events", "contexts", "columns", "role", "clusterrole", "serviceaccount",
]);
const OPTIONAL = new Set(["dry-run", "validate", "cascade", "attach"]);
const SHORT: Readonly<Record<string, string>> = {
  n: "namespace", o: "output", l: "selector", f: "filename", k: "kustomize", c: "container", p: "patch", s: "server",
  A: "all-namespaces", R: "recursive", i: "stdin", t: "tty", w: "watch", L: "label-columns", h: "help", v: "v",
  q: "quiet", e: "env",
};

/** `config view --raw` is a boolean; `get --raw /path` takes a value. */
function specFor(command: string): CobraSpec {
  if (command !== "config") return { valued: VALUED, optional: OPTIONAL, short: SHORT };
  const valued = new Set(VALUED);
  valued.delete("raw");
  return { valued, optional: OPTIONAL, short: SHORT };
}

const READ = new Set([
  "get", "describe", "logs", "log", "top", "version", "api-resources", "api-versions", "explain", "cluster-info", "diff",
  "events", "wait", "completion", "plugin", "kustomize", "options", "help", "port-forward",
]);
const WRITE = new Set([
  "apply", "create", "replace", "patch", "scale", "autoscale", "rollout", "edit", "exec", "cp", "attach", "debug", "run",
  "expose", "label", "annotate", "set", "taint", "cordon", "uncordon", "drain", "certificate", "proxy", "auth",
]);
const CONFIG_READ = new Set(["view", "get-contexts", "current-context", "get-clusters", "get-users"]);

const SHORT_KINDS: Readonly<Record<string, string>> = {
  ns: "namespace", pv: "persistentvolume", pvc: "persistentvolumeclaim", crd: "customresourcedefinition", no: "node",
  po: "pod", deploy: "deployment", svc: "service", sts: "statefulset", ds: "daemonset", rs: "replicaset",
  cm: "configmap", ing: "ingress", sa: "serviceaccount", cj: "cronjob", ep: "endpoints", hpa: "horizontalpodautoscaler",
  pdb: "poddisruptionbudget", sc: "storageclass", netpol: "networkpolicy", rc: "replicationcontroller", ev: "event",
};

/** `Namespaces`, `ns`, `customresourcedefinitions.apiextensions.k8s.io` -> `namespace`, `customresourcedefinition`. */
export function normaliseKind(word: string): string {
  const base = (word.toLowerCase().split(".")[0] ?? "").trim();
  const short = SHORT_KINDS[base];
  if (short) return short;
  if (base === "endpoints" || base === "all") return base;
  let one = base;
  if (base.endsWith("sses")) one = base.slice(0, -2);
  else if (base.endsWith("ies")) one = `${base.slice(0, -3)}y`;
  else if (base.endsWith("s") && !base.endsWith("ss")) one = base.slice(0, -1);
  return SHORT_KINDS[one] ?? one;
}

function kindsAndNames(args: readonly string[]): { kinds: string[]; names: string[] } {
  const kinds: string[] = [];
  const names: string[] = [];
  args.forEach((a, i) => {
    const slash = a.indexOf("/");
    if (slash > 0) {
      kinds.push(normaliseKind(a.slice(0, slash)));
      names.push(a.slice(slash + 1));
    } else if (i === 0) kinds.push(...a.split(",").filter(Boolean).map(normaliseKind));
    else names.push(a);
  });
  return { kinds: [...new Set(kinds)], names };
}

function isDryRun(r: CobraResult): boolean {
  const v = flagValue(r, "dry-run");
  return v !== undefined && !["none", "false", "0"].includes(v.toLowerCase());
}

/** Flags and env that point kubectl/helm at another cluster than the usual one. */
export function contextOverride(cmd: SimpleCommand, r: CobraResult, names: readonly string[]): boolean {
  return names.some((n) => r.flags.has(n)) || cmd.lineEnv.includes("KUBECONFIG");
}

function classify(command: string, sub: string, r: CobraResult, kinds: readonly string[]): ActionsWith<Kubectl> {
  if (flagOn(r, "help") || command === "") return "kubectl.read";
  if (command === "config") {
    // --flatten turns off the redaction as --raw does: the client keys and tokens are printed in full.
    if (sub === "view" && (flagOn(r, "raw") || flagOn(r, "flatten"))) return "kubectl.secret-read";
    return CONFIG_READ.has(sub) || sub === "" ? "kubectl.read" : "kubectl.context";
  }
  if (command === "get") {
    const output = flagValue(r, "output") ?? "";
    if (rawPathReadsSecrets(flagValue(r, "raw") ?? "")) return "kubectl.secret-read";
    return kinds.includes("secret") && printsSecretData(output, flagValue(r, "template") ?? "") ? "kubectl.secret-read" : "kubectl.read";
  }
  if (command === "rollout" && (sub === "status" || sub === "history")) return "kubectl.read";
  if (command === "auth" && sub !== "reconcile") return "kubectl.read";
  if (command === "create" && sub === "token") return "kubectl.secret-read";
  if (READ.has(command)) return "kubectl.read";
  const mutating = command === "delete" ? "kubectl.delete" : "kubectl.write";
  if (isDryRun(r)) return "kubectl.dry-run";
  return WRITE.has(command) || command === "delete" ? mutating : "kubectl.write";
}

export function interpretKubectlArgv(cmd: SimpleCommand): Interpretation {
  const argv = cmd.argv.slice(1);
  const first = scanCobra(argv, specFor("")).positionals[0] ?? "";
  const spec = specFor(first);
  const r = scanCobra(argv, spec);
  const [command = "", ...args] = r.positionals;
  const sub = ["config", "rollout", "auth", "create", "set", "certificate", "plugin"].includes(command) ? (args[0] ?? "") : "";
  const objectArgs = sub !== "" ? args.slice(1) : args;
  const { kinds, names } = ["get", "delete", "describe", "edit", "label", "annotate", "patch", "scale", "cordon", "drain"].includes(command)
    ? kindsAndNames(objectArgs)
    : { kinds: [], names: objectArgs };
  const action = classify(command, sub, r, kinds);
  const { flags, options } = flagFacts(r, spec.valued);
  const kubeContext = flagValue(r, "context") ?? "";
  const namespace = flagValue(r, "namespace") ?? "";
  const operation = sub !== "" ? `${command} ${sub}` : command;
  return {
    operations: [
      {
        action,
        resource: { type: "Cluster", name: kubeContext || "(current)" },
        context: {
          program: "kubectl",
          operation,
          command: cmd.text,
          cwd: cmd.cwd,
          kinds,
          names,
          flags,
          options,
          output: flagValue(r, "output") ?? "",
          dryRun: isDryRun(r),
          fromFile: flagValues(r, "filename", "kustomize").length > 0,
          kubeContext,
          namespace,
          contextOverride: contextOverride(cmd, r, ["context", "kubeconfig", "cluster", "user", "server", "token"]),
          wrappers: [...cmd.wrappers],
          depth: cmd.depth,
        },
        summary: `kubectl ${operation || "(no command)"}${kinds.length ? ` ${kinds.join(",")}` : ""}${names.length ? ` ${names.join(" ")}` : ""} on cluster ${kubeContext || "(current context)"}${namespace ? ` namespace ${namespace}` : ""}`,
      },
    ],
    files: [],
  };
}

export const interpretKubectl: Interpreter = interpretKubectlArgv;
