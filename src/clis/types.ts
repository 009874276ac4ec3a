/** Plain data that the interpreters hand to the policy stage. */
import type { ActionsWith, ContextName, ContextTypes } from "../facts/index.js";
import type { FileEffect, SimpleCommand } from "../shell/types.js";

export type ResourceRef =
  | { readonly type: "Stack"; readonly dir: string }
  | { readonly type: "Program"; readonly name: string }
  /** tree: the action covers a directory tree or an archive (its members are in the context). */
  /** unlike: classes the file's content contradicts (a Keynote `talk.key` is no private key). */
  | { readonly type: "File"; readonly path: string; readonly tree?: boolean; readonly unresolved?: boolean; readonly unlike?: readonly string[] }
  | { readonly type: "AwsService"; readonly name: string }
  /** An object (or, with a key prefix, objects) in a cloud object store: `s3://b/k`, `gs://b/k`, `azure://acct/container/k`. */
  | { readonly type: "StoredObject"; readonly url: string }
  | { readonly type: "Cluster"; readonly name: string }
  /** A database a client talks to (schemas/cedar/55-database.cedarschema); known: host and name were resolved. */
  | { readonly type: "Database"; readonly engine: string; readonly host: string; readonly port: string; readonly name: string; readonly known: boolean }
  | { readonly type: "McpTool"; readonly server: string; readonly tool: string };

/** One Cedar request of a family whose actions share the context type `C`: the action id, what it acts on,
 *  and the facts. `C` is generated from the schema (src/facts), so every attribute is there and spelt right,
 *  and the action must be one whose context is `C`. */
export interface OperationWith<C> {
  /** Cedar action id as declared in schemas/cedar/*.cedarschema, e.g. `terraform.destroy`. */
  readonly action: ActionsWith<C>;
  readonly resource: ResourceRef;
  readonly context: C;
  /** Short human text: `terraform destroy in infra/prod (-auto-approve)`. */
  readonly summary: string;
}

/** One Cedar request to make: a union over the context types, so the context type follows the action id
 *  (`op.action === "terraform.destroy"` narrows `op.context` to `Terraform`). */
export type Operation = { readonly [K in ContextName]: OperationWith<ContextTypes[K]> }[ContextName];

/** What one interpreter learns from one simple command. */
export interface Interpretation {
  readonly operations: readonly Operation[];
  /** File effects of the command (cp, mv, tar x, rm, sed -i, ...). */
  readonly files: readonly FileEffect[];
  /** The interpreter read the words that decide what runs (program, subcommand, the flags before it)
   *  literally; what could not be resolved is only operands or the directory (`-chdir=$d validate`,
   *  `fmt {}`, `cd $D && ... validate`). Absent means no. */
  readonly operandsOnly?: boolean;
}

/** An interpreter is a pure function of the command: no fs, no process.env. */
export type Interpreter = (cmd: SimpleCommand) => Interpretation;
