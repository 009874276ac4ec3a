/** The three answers infragate gives: the one declaration of the union, as a zod schema and its type. */
import { z } from "zod";

export const DecisionSchema = z.enum(["allow", "ask", "deny"]);
export type Decision = z.infer<typeof DecisionSchema>;
