/** Does a kubectl output format print a Secret's data? yaml / json / a template that reaches `.data` or
 *  `.stringData` do; `-o name`, a table, or a jsonpath / go-template / custom-columns that reads only
 *  metadata (`-o jsonpath='{.metadata.name}'`, `{.items[*].metadata.name}`, `{.type}`) do not. */

const TEMPLATE_OUTPUT = /^(jsonpath|jsonpath-as-json|go-template|template|custom-columns)=/;
const BARE_TEMPLATE_OUTPUT = /^(jsonpath|jsonpath-as-json|go-template|template|custom-columns)$/;
const FULL_OUTPUT = /^(yaml|json|jsonpath-file|go-template-file|templatefile|custom-columns-file)\b/;

/** Field references of a template: `.metadata.name`, `.items[*].data`, `$.data`. */
function fieldPaths(template: string): string[] {
  return [...template.matchAll(/\.[A-Za-z_][\w-]*(?:\[[^\]]*\])?(?:\.[A-Za-z_][\w-]*(?:\[[^\]]*\])?)*/g)].map((m) => m[0]);
}

/** A path that stays in a Secret's metadata (with the `.items[*]` of a list removed). */
function metadataOnly(p: string): boolean {
  const rest = p.replace(/^\.items(?:\[[^\]]*\])?/, "");
  return rest === "" || /^\.(metadata|kind|apiVersion|type)\b/.test(rest);
}

/** templateFlag: the --template flag's value, for `-o go-template --template=...`. */
export function printsSecretData(output: string, templateFlag = ""): boolean {
  if (FULL_OUTPUT.test(output)) return true;
  const m = TEMPLATE_OUTPUT.exec(output);
  if (!m && !BARE_TEMPLATE_OUTPUT.test(output)) return false;
  const paths = fieldPaths(m ? output.slice(m[0].length) : templateFlag);
  // A template with no field reference (`{@}`, `{$}`, `{{.}}`, none given) prints the whole object.
  return paths.length === 0 || !paths.every(metadataOnly);
}

/** `kubectl get --raw /api/v1/namespaces/x/secrets[/name]`: the API's Secret objects, data included. */
export function rawPathReadsSecrets(rawPath: string): boolean {
  return /\/secrets(\/|\?|$)/.test(rawPath);
}
