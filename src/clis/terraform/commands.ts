/** Terraform / OpenTofu command tree (commands.go) and how hashicorp/cli finds the subcommand. */
import type { Word } from "./flags.js";
import type { ActionsWith } from "../../facts/index.js";
import type { Terraform } from "../../facts/generated/10-terraform.js";

/** The actions whose context is Terraform. */
export type TerraformAction = ActionsWith<Terraform>;

/** Canonical subcommand path -> Cedar action id. `env` is the hidden alias of `workspace`. */
export const COMMAND_ACTIONS: Readonly<Record<string, TerraformAction>> = {
  plan: "terraform.plan",
  apply: "terraform.apply",
  destroy: "terraform.destroy",
  refresh: "terraform.refresh",
  import: "terraform.import",
  taint: "terraform.taint",
  untaint: "terraform.untaint",
  init: "terraform.init",
  output: "terraform.output",
  show: "terraform.show",
  console: "terraform.console",
  test: "terraform.test",
  login: "terraform.login",
  logout: "terraform.logout",
  "force-unlock": "terraform.force-unlock",
  validate: "terraform.validate",
  fmt: "terraform.fmt",
  version: "terraform.version",
  providers: "terraform.providers",
  "providers lock": "terraform.providers",
  "providers mirror": "terraform.providers",
  "providers schema": "terraform.providers",
  graph: "terraform.graph",
  get: "terraform.get",
  modules: "terraform.modules",
  metadata: "terraform.metadata",
  "metadata functions": "terraform.metadata",
  state: "terraform.help",
  "state list": "terraform.state.list",
  "state show": "terraform.state.show",
  "state identities": "terraform.state.list",
  "state pull": "terraform.state.pull",
  "state push": "terraform.state.push",
  "state rm": "terraform.state.rm",
  "state mv": "terraform.state.mv",
  "state replace-provider": "terraform.state.replace-provider",
  workspace: "terraform.help",
  "workspace list": "terraform.workspace.list",
  "workspace show": "terraform.workspace.show",
  "workspace select": "terraform.workspace.select",
  "workspace new": "terraform.workspace.new",
  "workspace delete": "terraform.workspace.delete",
};

/** Commands whose approval prompt reads a plain line from stdin (iac-semantics 2.4). */
export const APPROVE_CAPABLE = new Set(["apply", "destroy", "init", "force-unlock", "state replace-provider", "login"]);

/** `env select` -> `workspace select` (the hidden alias); anything else unchanged. */
export function canonical(subcommand: string): string {
  return subcommand === "env" || subcommand.startsWith("env ") ? `workspace${subcommand.slice(3)}` : subcommand;
}

function known(path: string): boolean {
  return COMMAND_ACTIONS[canonical(path)] !== undefined;
}

const HELP = new Set(["-h", "-help", "--help"]);
const VERSION = new Set(["-v", "-version", "--version"]);

export interface Detected {
  /** The subcommand path as terraform sees it ("" when none): "apply", "state rm", "env select". */
  readonly subcommand: string;
  /** Index in args of the subcommand's last word (-1 when none). */
  readonly end: number;
  /** Flags written before the subcommand other than help and version: terraform refuses to run. */
  readonly topFlags: readonly string[];
}

/** hashicorp/cli processArgs: the first non-flag word, extended to the longest known nested command
 *  over the following words up to the first flag, empty word or word with a space. */
export function detectSubcommand(args: readonly Word[]): Detected {
  const topFlags: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = (args[i] as Word).word;
    if (a === "--") break;
    if (HELP.has(a) || VERSION.has(a)) continue;
    if (a.startsWith("-")) {
      topFlags.push(a);
      continue;
    }
    if (a === "") continue;
    let j = i;
    while (j + 1 < args.length) {
      const w = (args[j + 1] as Word).word;
      if (w === "" || w.startsWith("-") || w.includes(" ")) break;
      j++;
    }
    for (let k = j; k > i; k--) {
      const path = args.slice(i, k + 1).map((w) => w.word).join(" ");
      if (known(path)) return { subcommand: path, end: k, topFlags };
    }
    return { subcommand: a, end: i, topFlags };
  }
  return { subcommand: "", end: -1, topFlags };
}

/** Help: -h, -help, --help anywhere before `--` (hashicorp/cli). */
export function hasHelp(args: readonly Word[]): boolean {
  for (const a of args) {
    if (a.word === "--") return false;
    if (HELP.has(a.word)) return true;
  }
  return false;
}

/** Version: terraform's main.go rewrites the whole line to `version` when -v, -version or --version appears anywhere. */
export function hasVersion(args: readonly Word[]): boolean {
  return args.some((a) => VERSION.has(a.word));
}

export function actionFor(subcommand: string): TerraformAction {
  return COMMAND_ACTIONS[canonical(subcommand)] ?? "terraform.unknown";
}
