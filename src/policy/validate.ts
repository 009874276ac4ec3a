/** Strict validation of policies against the schema, with file and line for every problem. */
import { getCedar } from "./cedar.js";
import type { PolicyProblem } from "./compile.js";
import type { CompiledPolicies } from "./types.js";

export function validatePolicies(schema: string, policies: CompiledPolicies): PolicyProblem[] {
  const answer = getCedar().validate({
    schema,
    policies: { staticPolicies: { ...policies.texts } },
    validationSettings: { mode: "strict" },
  });
  if (answer.type !== "success") {
    return answer.errors.map((e) => ({ file: "schema", line: 1, message: e.message, help: e.help ?? undefined }));
  }
  const problems: PolicyProblem[] = [];
  for (const e of [...answer.validationErrors, ...answer.validationWarnings]) {
    const meta = policies.meta[e.policyId];
    const [file, line] = (meta?.source ?? `${e.policyId}:1`).split(/:(?=\d+$)/);
    problems.push({
      file: file ?? e.policyId,
      line: Number(line ?? 1),
      message: `${e.policyId}: ${e.error.message}`,
      help: e.error.help ?? undefined,
    });
  }
  return problems;
}
