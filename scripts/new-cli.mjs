#!/usr/bin/env node
// Scaffold a new CLI family: `node scripts/new-cli.mjs NAME NN` (NN: the schema fragment number, see
// docs/design.md "Adding a CLI"). Writes a small working example (a read verb and an asked delete) that the
// tests pass, for you to replace with the CLI's real grammar:
//   src/clis/NAME/index.ts, schemas/cedar/NN-NAME.cedarschema, policies/NAME.cedar,
//   test/clis/NAME.test.ts, test/policies/NAME.test.ts, docs/clis/NAME.md, the line in src/clis/registry.ts,
//   and (by running scripts/gen-cedar-types.mjs) the typed facts src/facts/generated/NN-NAME.ts.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const [name, nn] = process.argv.slice(2);
if (!name || !/^[a-z][a-z0-9-]*$/.test(name) || !nn || !/^\d\d$/.test(nn)) {
  console.error("usage: node scripts/new-cli.mjs NAME NN   (NAME: lower-case program family, NN: schema fragment number)");
  process.exit(2);
}
const camel = name.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const pascal = camel.charAt(0).toUpperCase() + camel.slice(1);
const descriptor = `${camel}Cli`;
const contextType = `${pascal}Call`;

const files = {
  [`src/clis/${name}/index.ts`]: `/** \`${name}\`: what a command line does, as facts for policies/${name}.cedar (docs/clis/${name}.md). */
import type { ActionsWith } from "../../facts/index.js";
import type { ${contextType} } from "../../facts/generated/${nn}-${name}.js";
import type { SimpleCommand } from "../../shell/types.js";
import type { CliDescriptor } from "../descriptor.js";
import type { Interpretation } from "../types.js";

/** Subcommands that only read. Replace with the CLI's real grammar. */
const READ: ReadonlySet<string> = new Set(["list", "ls", "get", "describe", "show", "status", "version", "help"]);

function actionFor(verb: string): ActionsWith<${contextType}> {
  if (READ.has(verb) || verb === "") return "${name}.read";
  return verb === "delete" ? "${name}.delete" : "${name}.change";
}

export function interpret${pascal}(cmd: SimpleCommand): Interpretation {
  const verb = cmd.argv.slice(1).find((w) => !w.startsWith("-")) ?? "";
  const action = actionFor(verb);
  return {
    operations: [{ action, resource: { type: "Program", name: cmd.program }, context: { verb, command: cmd.text }, summary: cmd.text }],
    files: [],
  };
}

export const ${descriptor}: CliDescriptor = {
  name: "${name}",
  names: { programs: ["${name}"], versioned: true },
  guarded: true,
  interpret: interpret${pascal},
};
`,
  [`schemas/cedar/${nn}-${name}.cedarschema`]: `// ${name}: the facts src/clis/${name}/ reads from a command line (docs/clis/${name}.md).
type ${contextType} = {
  verb: String,             // the subcommand
  command: String,          // source text (messages only)
};
action "${name}.read" in [Action::"read-only"] appliesTo { principal: Agent, resource: Program, context: ${contextType} };
action "${name}.change" appliesTo { principal: Agent, resource: Program, context: ${contextType} };
action "${name}.delete" in [Action::"destructive"] appliesTo { principal: Agent, resource: Program, context: ${contextType} };
`,
  [`policies/${name}.cedar`]: `// ${name}: what the agent may not do on its own (case table: test/policies/${name}.test.ts).

@id("${name}.delete")
@reason("${name} delete removes something that cannot be brought back. Show the human the exact command; the human runs it")
@decision("ask")
forbid (principal, action == Action::"${name}.delete", resource);
`,
  [`test/clis/${name}.test.ts`]: `/** src/clis/${name}/: command line -> action and facts. */
import { parse } from "shell-quote";
import { expect, it } from "vitest";
import { interpret${pascal} } from "../../src/clis/${name}/index.js";
import type { SimpleCommand } from "../../src/shell/types.js";

function cmd(text: string): SimpleCommand {
  const argv = parse(text).map(String);
  return { program: "${name}", argv, env: {}, lineEnv: [], cwd: "/ws", wrappers: [], depth: 0, stdin: "terminal", unresolved: false, inlineCode: undefined, text };
}

const CASES: readonly (readonly [string, string])[] = [
  ["${name} list", "${name}.read"],
  ["${name} --verbose status", "${name}.read"],
  ["${name} create thing", "${name}.change"],
  ["${name} delete thing", "${name}.delete"],
];

it.each(CASES)("%s -> %s", (text, action) => {
  const ops = interpret${pascal}(cmd(text)).operations;
  expect(ops.map((o) => o.action)).toEqual([action]);
});
`,
  [`test/policies/${name}.test.ts`]: `import { policyTable } from "../support/policy-table.js";

// policies/${name}.cedar
policyTable("policies/${name}.cedar", {
  ask: [{ cmd: "${name} delete thing", by: "${name}.delete" }],
  allow: ["${name} list", "${name} status", "${name} create thing"],
});
`,
  [`docs/clis/${name}.md`]: `# ${name}

Code: \`src/clis/${name}/\`. Schema: \`schemas/cedar/${nn}-${name}.cedarschema\`. Policies: \`policies/${name}.cedar\`.
Tables: \`test/clis/${name}.test.ts\`, \`test/policies/${name}.test.ts\`.

| command | action | verdict |
|---|---|---|
| \`${name} list\` | \`${name}.read\` | allow |
| \`${name} delete thing\` | \`${name}.delete\` | ask (\`${name}.delete\`) |
`,
};

for (const [rel, text] of Object.entries(files)) {
  const abs = path.join(ROOT, rel);
  if (fs.existsSync(abs)) {
    console.error(`${rel} exists: nothing written`);
    process.exit(1);
  }
}
for (const [rel, text] of Object.entries(files)) {
  fs.mkdirSync(path.dirname(path.join(ROOT, rel)), { recursive: true });
  fs.writeFileSync(path.join(ROOT, rel), text);
  console.log(`wrote ${rel}`);
}

// The registry line: an import after the last CLI import, the descriptor at the end of CLIS.
const registry = path.join(ROOT, "src/clis/registry.ts");
let text = fs.readFileSync(registry, "utf8");
const imports = [...text.matchAll(/^import \{[^}]*\} from "\.\/[^"]+\/index\.js";$/gm)];
const last = imports[imports.length - 1];
const list = /export const CLIS: readonly CliDescriptor\[\] = \[\n([\s\S]*?)\n\];/.exec(text);
if (!last || !list) {
  console.error(`src/clis/registry.ts: add  import { ${descriptor} } from "./${name}/index.js";  and  ${descriptor},  to CLIS by hand`);
  process.exit(1);
}
const at = (last.index ?? 0) + last[0].length;
text = `${text.slice(0, at)}\nimport { ${descriptor} } from "./${name}/index.js";${text.slice(at)}`;
text = text.replace(/(export const CLIS: readonly CliDescriptor\[\] = \[\n[\s\S]*?)\n\];/, `$1\n  ${descriptor},\n];`);
fs.writeFileSync(registry, text);
console.log(`registered ${descriptor} in src/clis/registry.ts`);
execFileSync(process.execPath, [path.join(ROOT, "scripts/gen-cedar-types.mjs")], { stdio: "inherit" });
console.log("next: npm run build && npm run docs, then replace the example grammar, facts and policy with the real ones");
