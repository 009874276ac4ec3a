/** One PaaS or serverless CLI call -> one `paas.*` Cedar request (schemas/cedar/34-paas.cedarschema). */
import type { ActionsWith } from "../../facts/index.js";
import type { Paas } from "../../facts/generated/34-paas.js";
import type { SimpleCommand } from "../../shell/types.js";
import { flagFacts, flagOn, scanCobra, type CobraResult, type CobraSpec } from "../pulumi/cobra.js";
import type { Interpretation, Interpreter } from "../types.js";
import { isCaptured } from "../printers.js";
import { COMMON_VERBS, walk, type Group, type Leaf, type Verdict, type Walked } from "./grammar.js";

/** Facts a CLI module may add or change after the walk. */
export interface Refined extends Walked {
  /** gh api: the HTTP method. */
  readonly method?: string;
  /** A selector or target narrows a destroy to part of the stack (helmfile -l, sst --target). */
  readonly scoped?: boolean;
  /** A sync or deploy that deletes live objects missing from the source (argocd sync --prune). */
  readonly prune?: boolean;
}

export interface PaasSpec {
  /** Canonical program name (the one the Paas context reports). */
  readonly program: string;
  readonly tree: Group;
  /** Extra verbs over COMMON_VERBS (doctl's `g`, `c`, `d`). */
  readonly verbs?: Readonly<Record<string, Leaf>>;
  /** pflag-style flags: valued long names and short letters (src/clis/pulumi/cobra.ts). */
  readonly flags: CobraSpec;
  /** Flags that skip the CLI's own confirmation prompt: `yes`, `force`, `confirm`, `no-prompts`. */
  readonly noPrompt: readonly string[];
  /** Flags that make a change a dry run (`dry-run`): the call only shows what it would do. */
  readonly dryRun?: readonly string[];
  /** Split the command word on `:` (oclif topics: `heroku apps:destroy`, `netlify sites:delete`). */
  readonly colonTopics?: boolean;
  /** CLI-specific facts after the walk (gh api method, vercel remove of a deployment or a project). */
  readonly refine?: (walked: Walked, flags: CobraResult, cmd: SimpleCommand) => Refined;
}

const ACTION: Readonly<Record<Verdict, ActionsWith<Paas>>> = {
  read: "paas.read",
  collaborate: "paas.collaborate",
  deploy: "paas.deploy",
  write: "paas.write",
  delete: "paas.delete",
  secret: "paas.secret-read",
  token: "paas.secret-read",
  "secret-write": "paas.secret-write",
  context: "paas.context",
  other: "paas.unknown",
};

const CHANGES = new Set<Verdict>(["deploy", "write", "delete", "secret-write"]);

function words(r: CobraResult, colon: boolean): string[] {
  const [head, ...rest] = r.positionals;
  if (head === undefined) return [];
  return colon ? [...head.split(":").filter(Boolean), ...rest] : [head, ...rest];
}

export function interpretPaas(spec: PaasSpec, cmd: SimpleCommand): Interpretation {
  const r = scanCobra(cmd.argv.slice(1), spec.flags);
  const walked = walk(spec.tree, words(r, spec.colonTopics === true), { ...COMMON_VERBS, ...spec.verbs });
  const refined: Refined = spec.refine ? spec.refine(walked, r, cmd) : walked;
  // --help anywhere, or --version with no command, prints and exits (bare `vercel` would deploy).
  const help = flagOn(r, "help") || (r.positionals.length === 0 && flagOn(r, "version"));
  const dryRun = CHANGES.has(refined.verdict) && (spec.dryRun ?? []).some((f) => flagOn(r, f));
  const verdict: Verdict = help ? "read" : refined.verdict;
  const action = dryRun && !help ? "paas.dry-run" : ACTION[verdict];
  const { flags, options } = flagFacts(r, spec.flags.valued);
  const operation = refined.path.join(" ");
  return {
    operations: [
      {
        action,
        resource: { type: "Program", name: spec.program },
        context: {
          program: spec.program,
          operation,
          command: cmd.text,
          cwd: cmd.cwd,
          kind: refined.kind,
          targets: [...refined.rest, ...r.afterDash].slice(0, 50),
          flags,
          options,
          noPrompt: spec.noPrompt.some((f) => r.flags.has(f) && (flagOn(r, f) || spec.flags.valued.has(f))),
          dryRun,
          scoped: refined.scoped === true,
          prune: refined.prune === true,
          method: refined.method ?? "",
          credential: verdict === "token",
          captured: isCaptured(cmd),
          wrappers: [...cmd.wrappers],
          depth: cmd.depth,
        },
        summary: `${spec.program} ${operation || "(no command)"}${refined.rest.length ? ` ${refined.rest.slice(0, 3).join(" ")}` : ""}${refined.kind ? ` (${refined.kind})` : ""}`,
      },
    ],
    files: [],
  };
}

export function paasInterpreter(spec: PaasSpec): Interpreter {
  return (cmd) => interpretPaas(spec, cmd);
}

/** Valued-flag set from a list. */
export function valued(...names: string[]): ReadonlySet<string> {
  return new Set(names);
}
