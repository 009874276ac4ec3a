/** IaC orchestrators that run terraform (or helmfile) for you, rewritten into the command they run so that
 *  the terraform interpreter and policies decide:
 *  - `atmos terraform <cmd> <component> -s <stack> [flags] [-- native]` runs `terraform <cmd>` in the
 *    component's folder (components/terraform/<component>, atmos's default base path); `deploy` is
 *    `apply -auto-approve`. `atmos helmfile <cmd> <component> -s <stack>` runs `helmfile <cmd>`.
 *  - `terramate run [flags] [--] CMD` runs CMD in every selected stack.
 *  - `terraspace up|down|plan|... STACK [-y]`: up is `terraform apply`, down is `terraform destroy`, `-y`
 *    answers the approval (`-auto-approve`); `terraspace all up|down` runs it over every stack. */
import type { Handler, RWord, Unwrap } from "./model.js";
import { lit } from "./model.js";
import { hasOpt, optValue, parseOptions } from "./options.js";

/** atmos's own flags (not passed to terraform); the valued ones take the next word. */
const ATMOS_VALUED = new Set(["stack", "s", "planfile", "components", "query", "skip", "redirect-stderr", "identity", "base-path", "config", "config-path", "logs-level", "logs-file", "from-plan"]);
const ATMOS_BOOL = new Set(["skip-init", "affected", "all", "process-templates", "process-functions", "include-dependents", "clone-target-ref", "upload-status", "init-pass-vars", "skip-planfile", "dry-run"]);

function flagName(word: string): string | undefined {
  if (!word.startsWith("-") || word === "-" || word === "--") return undefined;
  // -sprod is atmos's -s; -state=..., -state-out=... are terraform's own.
  if (/^-s[^-]/.test(word) && !/^-(state|state-out|show-sensitive)(=|$)/.test(word)) return "s";
  const body = word.replace(/^--?/, "");
  const eq = body.indexOf("=");
  return eq >= 0 ? body.slice(0, eq) : body;
}

/** Split atmos's words after `<tool> <cmd>`: its own flags out, the component, the rest for the tool. */
function atmosArgs(words: readonly RWord[]): { component: string | undefined; native: RWord[]; dryRun: boolean; dashdash: RWord[] } {
  const native: RWord[] = [];
  let component: string | undefined;
  let dryRun = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as RWord;
    if (w.value === "--") return { component, native, dryRun, dashdash: words.slice(i + 1) };
    const name = flagName(w.value);
    if (name === undefined) {
      if (component === undefined) component = w.value;
      else native.push(w);
      continue;
    }
    if (name === "dry-run") dryRun = true;
    if (ATMOS_VALUED.has(name)) {
      const attached = w.value.includes("=") || /^-s./.test(w.value);
      if (!attached) i++;
      continue;
    }
    if (!ATMOS_BOOL.has(name)) native.push(w);
  }
  return { component, native, dryRun, dashdash: [] };
}

const atmos: Handler = (w) => {
  const p = parseOptions(w, 1, { long: ["base-path", "config", "config-path", "logs-level", "logs-file", "chdir"] });
  const tool = w[p.index]?.value;
  if (tool !== "terraform" && tool !== "helmfile") return { kind: "final" };
  const sub = w[p.index + 1];
  if (!sub) return { kind: "final" };
  const { component, native, dryRun, dashdash } = atmosArgs(w.slice(p.index + 2));
  if (dryRun || sub.value === "shell") return { kind: "final" };
  const cmd = tool === "terraform" && sub.value === "deploy" ? [lit("apply"), lit("-auto-approve")] : [sub];
  const words = [lit(tool), ...cmd, ...native, ...dashdash];
  const base = optValue(p, "base-path");
  const chdir = tool === "terraform" && component !== undefined ? `${base ?? "."}/components/terraform/${component}` : undefined;
  const wrapper = `atmos ${tool}`;
  return { kind: "inner", wrapper, words, ...(chdir ? { chdir } : {}) } satisfies Unwrap;
};

const TERRAMATE_SPEC = { short: "C", long: ["chdir", "tags", "no-tags", "log-level", "log-format", "log-destination", "git-change-base", "parallel", "cloud-sync-terraform-plan-file", "eval", "target", "from-target", "status", "script-parallel"] };

/** `terramate [-C DIR] run [flags] [--] CMD ARGS`; `--dry-run` runs nothing. */
const terramate: Handler = (w) => {
  const g = parseOptions(w, 1, TERRAMATE_SPEC);
  if (w[g.index]?.value !== "run") return { kind: "final" };
  const p = parseOptions(w, g.index + 1, TERRAMATE_SPEC);
  if (hasOpt(p, "dry-run")) return { kind: "final" };
  const words = w.slice(p.index);
  const chdir = optValue(g, "C", "chdir");
  return words.length ? { kind: "inner", wrapper: "terramate run", words, ...(chdir ? { chdir } : {}) } : { kind: "final" };
};

const TERRASPACE_TF: Readonly<Record<string, string>> = {
  up: "apply", down: "destroy", plan: "plan", init: "init", validate: "validate", output: "output", show: "show",
  state: "state", import: "import", console: "console", refresh: "refresh", providers: "providers", force_unlock: "force-unlock",
};

/** `terraspace [all] up|down|plan STACK [-y|--yes] [flags]`. */
const terraspace: Handler = (w) => {
  const all = w[1]?.value === "all";
  const at = all ? 2 : 1;
  const sub = w[at]?.value ?? "";
  const tf = TERRASPACE_TF[sub];
  if (tf === undefined) return { kind: "final" };
  // terraspace's own flags are not terraform's: only the approval carries over.
  const yes = w.slice(at + 1).some((x) => x.value === "-y" || x.value === "--yes" || x.value === "--auto-approve");
  const words = [lit("terraform"), lit(tf), ...(yes && (tf === "apply" || tf === "destroy") ? [lit("-auto-approve")] : [])];
  return { kind: "inner", wrapper: all ? "terraspace all" : "terraspace", words };
};

export const IAC_WRAPPERS: Readonly<Record<string, Handler>> = { atmos, terramate, terraspace };
