/** `pulumi` (pkg/cmd/pulumi/**): research/iac-semantics.md section 7. */
import path from "node:path";
import type { SimpleCommand } from "../../shell/types.js";
import type { CliDescriptor } from "../descriptor.js";
import type { Interpretation, Interpreter } from "../types.js";
import { envTruthy, flagFacts, flagOn, flagValue, flagValues, scanCobra, type CobraSpec } from "./cobra.js";
import type { ActionsWith } from "../../facts/index.js";
import type { Pulumi } from "../../facts/generated/40-pulumi.js";

const VALUED = new Set([
  "cwd", "color", "verbose", "tracing", "profiling", "memprofilerate", "stack", "target", "replace", "target-replace",
  "exclude", "message", "config-file", "config", "parallel", "refresh", "secrets-provider", "policy-pack",
  "policy-pack-config", "plan", "save-plan", "exec-kind", "exec-agent", "file", "parent", "provider", "properties",
  "cloud-url", "copy-config-from", "path", "stack-name", "out", "from", "attach-debugger", "suppress-progress", "otel-traces",
  "generate-code", "import-file", "run-program", "client",
]);
const SPEC: CobraSpec = {
  valued: VALUED,
  optional: new Set(["refresh", "run-program"]),
  short: { y: "yes", s: "stack", t: "target", C: "cwd", m: "message", p: "parallel", j: "json", d: "debug", v: "verbose", r: "refresh", c: "config", o: "out", h: "help" },
};

/** Commands and `group sub` paths that do not change infrastructure or state. */
const READ = new Set([
  "whoami", "about", "version", "help", "logs", "console", "gen-completion", "completion", "convert", "new",
  "install", "logout", "gen-markdown",
  "stack", "stack ls", "stack output", "stack export", "stack history", "stack graph", "stack tag", "stack init",
  "stack unselect", "stack hist",
  "env ls", "env get", "env version", "env diff",
  "policy ls", "policy validate-config", "policy new",
]);

const ACTIONS: Readonly<Record<string, ActionsWith<Pulumi>>> = {
  destroy: "pulumi.destroy", down: "pulumi.destroy", dn: "pulumi.destroy",
  up: "pulumi.up", update: "pulumi.up", watch: "pulumi.up",
  preview: "pulumi.preview", pre: "pulumi.preview",
  refresh: "pulumi.refresh",
  import: "pulumi.import",
  "stack rm": "pulumi.stack-rm", "stack remove": "pulumi.stack-rm", "stack delete": "pulumi.stack-rm",
  "stack import": "pulumi.stack-import",
  "stack select": "pulumi.switch",
  login: "pulumi.switch",
};

/** Commands whose first positional is a group with subcommands. */
const GROUPS = new Set(["stack", "state", "config", "plugin", "policy", "env", "org", "package", "deployment", "template", "ai", "schema"]);

const CANONICAL: Readonly<Record<string, string>> = { down: "destroy", dn: "destroy", update: "up", pre: "preview", "stack remove": "stack rm", "stack delete": "stack rm" };

/** Groups whose every subcommand is local or read-only (config set only edits Pulumi.<stack>.yaml). */
const LOCAL_GROUPS = new Set(["config", "plugin", "org", "package", "template", "ai", "schema"]);

function actionFor(operation: string, first: string): ActionsWith<Pulumi> {
  if (first === "state") return "pulumi.state";
  const mapped = ACTIONS[operation];
  if (mapped) return mapped;
  if (READ.has(operation) || LOCAL_GROUPS.has(first) || operation === "env open") return "pulumi.read";
  return "pulumi.other";
}

export function interpretPulumiArgv(cmd: SimpleCommand): Interpretation {
  const r = scanCobra(cmd.argv.slice(1), SPEC);
  const [first = "", second = ""] = r.positionals;
  const written = GROUPS.has(first) && second !== "" ? `${first} ${second}` : first;
  const operation = CANONICAL[written] ?? written;
  const help = flagOn(r, "help") || operation === "";
  const env = cmd.env;
  const skipConfirmations = envTruthy(env.PULUMI_SKIP_CONFIRMATIONS);
  // -f is --skip-preview on the update commands and --force on `stack rm` (and `state delete`).
  const shortF = flagOn(r, "f");
  const updating = ["destroy", "up", "refresh", "import", "watch", "preview"].includes(operation);
  const skipPreview = flagOn(r, "skip-preview") || (updating && shortF);
  const force = flagOn(r, "force") || (!updating && shortF);
  const previewOnly = flagOn(r, "preview-only");
  const autoApprove = operation === "watch" || flagOn(r, "yes") || skipPreview || skipConfirmations;
  const action = help ? "pulumi.read" : previewOnly && (operation === "destroy" || operation === "refresh") ? "pulumi.preview" : actionFor(operation, first);
  const showSecrets = flagOn(r, "show-secrets") || operation === "env open";
  const { flags, options } = flagFacts(r, VALUED);
  const normFlags = new Set(flags.filter((f) => f !== "f" && f !== "help"));
  if (skipPreview) normFlags.add("skip-preview");
  if (force) normFlags.add("force");
  if (skipConfirmations) normFlags.add("skip-confirmations");
  const loginUrl = operation === "login" ? (r.positionals[1] ?? flagValue(r, "cloud-url") ?? (flagOn(r, "local") ? "file://~" : "")) : "";
  const backendUrl = loginUrl || (env.PULUMI_BACKEND_URL ?? "");
  const cwdFlag = flagValue(r, "cwd");
  const dir = cwdFlag ? path.resolve(cmd.cwd, cwdFlag) : cmd.cwd;
  const envNames = ["PULUMI_SKIP_CONFIRMATIONS", "PULUMI_BACKEND_URL", "PULUMI_CONFIG_PASSPHRASE", "PULUMI_CONFIG_PASSPHRASE_FILE", "PULUMI_ACCESS_TOKEN"].filter((n) => env[n] !== undefined);
  const stack = flagValue(r, "stack") ?? (operation === "stack select" || operation === "stack rm" ? (r.positionals[2] ?? "") : "");
  const targets = [...flagValues(r, "target"), ...(operation === "state delete" ? r.positionals.slice(2) : [])];
  return {
    operations: [
      {
        action,
        resource: { type: "Stack", dir },
        context: {
          operation: help ? `${operation || "pulumi"} --help` : operation,
          command: cmd.text,
          cwd: dir,
          stack,
          flags: [...normFlags],
          options,
          targets,
          autoApprove,
          showSecrets,
          backendUrl,
          backendOverride: cmd.lineEnv.includes("PULUMI_BACKEND_URL"),
          envNames,
          wrappers: [...cmd.wrappers],
          depth: cmd.depth,
        },
        summary: `pulumi ${operation || "(no command)"}${stack ? ` on stack ${stack}` : ""} in ${dir}${autoApprove ? " (auto-approve)" : ""}`,
      },
    ],
    files: [],
  };
}

export const interpretPulumi: Interpreter = interpretPulumiArgv;

export const pulumiCli: CliDescriptor = {
  name: "pulumi",
  names: { programs: ["pulumi"], versioned: true, packages: { "@pulumi/pulumi": "pulumi" }, images: { "pulumi/pulumi*": "pulumi" }, scripts: { pulumi: "pulumi" } },
  guarded: true,
  interpret: interpretPulumi,
};
