/** An operation's context read by attribute name, for interpreter tables that check facts generically
 *  (the interpreters themselves produce the generated, typed contexts of src/facts). */
import type { Operation } from "../../src/clis/types.js";
import type { Terraform } from "../../src/facts/generated/10-terraform.js";

export function factsOf(op: Operation | undefined): Readonly<Record<string, unknown>> {
  if (!op) throw new Error("no operation");
  return op.context;
}

/** The Terraform context of a terraform-family operation (throws for any other). */
export function terraformFacts(op: Operation | undefined): Terraform {
  if (!op || !("state" in op.context)) throw new Error(`not a terraform operation: ${op?.action}`);
  return op.context;
}
