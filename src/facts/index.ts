/** The facts the stages exchange, typed from the Cedar schema: schemas/cedar/NN-<concern>.cedarschema is the
 *  single source of truth, and scripts/gen-cedar-types.mjs writes src/facts/generated/NN-<concern>.ts from
 *  each fragment (a type per context record and entity, and the fragment's actions added to the maps below).
 *  So an interpreter that misspells an attribute, leaves one out or pairs an action with another action's
 *  context does not compile. */

/** An entity reference inside a record (none in the pack's contexts today). */
export interface EntityRef {
  readonly type: string;
  readonly id: string;
}

/** Action id -> its context type. Filled by the generated files (module augmentation). */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface ActionContexts {}

/** Context type name -> the type, for every type some action uses as its context. Filled by the generated
 *  files (module augmentation). */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface ContextTypes {}

/** The name of a context type: "Terraform", "AwsCall", "FileAccess", ... */
export type ContextName = keyof ContextTypes;

/** Entity type -> its attributes. Filled by the generated files (module augmentation). */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface EntityAttrs {}

/** Every action that is requested (action groups such as "destructive" are not). */
type ActionId = keyof ActionContexts;

/** The context type of an action: `ContextOf<"terraform.destroy">` is `Terraform`. */
type ContextOf<A extends ActionId> = ActionContexts[A];

/** The actions whose context is exactly `C`: `ActionsWith<Terraform>` is "terraform.plan" | "terraform.apply" | ... */
export type ActionsWith<C> = { [A in ActionId]: [ActionContexts[A]] extends [C] ? ([C] extends [ActionContexts[A]] ? A : never) : never }[ActionId];
