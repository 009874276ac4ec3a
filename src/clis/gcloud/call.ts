/** One gcloud, gsutil or bq call in the shared vocabulary the gcloud policies read: gsutil and bq
 *  commands are named by their gcloud group and verb (`gsutil rb` -> `storage buckets delete`,
 *  `bq rm -d` -> `bq datasets delete`), so one policy covers all three programs. */
import type { FirewallFacts, IamFacts } from "./facts.js";
import type { StorageCall } from "./storage.js";
import type { VerbClass } from "./verbs.js";

export interface GcpCall {
  readonly track: string;
  readonly group: string;
  readonly verb: string;
  /** The command as written (`sql instances delete`, `gsutil rm`, `bq rm -d`), for messages. */
  readonly path: string;
  readonly cls: VerbClass;
  readonly flags: readonly string[];
  readonly options: readonly string[];
  readonly targets: readonly string[];
  readonly project: string;
  readonly account: string;
  readonly impersonate: string;
  readonly quiet: boolean;
  /** --flags-file (gcloud) / --flagfile (bq): flags infragate does not read. */
  readonly inputFile: string;
  readonly dryRun: boolean;
  /** The call covers many objects or a whole container (rm -r, wildcards, bq rm -r). */
  readonly recursive: boolean;
  readonly help: boolean;
  readonly iam: IamFacts;
  readonly firewall: FirewallFacts;
  readonly storage?: StorageCall;
}

export function cut(v: string): string {
  return v.length > 200 ? v.slice(0, 200) : v;
}

/** `name=value` for every flag value, plus the names of flags given without one. */
export function optionFacts(flags: ReadonlyMap<string, readonly string[]>): { names: string[]; options: string[] } {
  const names = [...flags.keys()];
  const options = [...flags].flatMap(([n, vs]) => vs.map((v) => `${n}=${cut(v)}`));
  return { names, options };
}
