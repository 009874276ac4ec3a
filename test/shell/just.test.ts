import { describe, expect, it } from "vitest";
import { runs, withFiles } from "./project-support.js";

const JF = [
  "set shell := [\"bash\", \"-uc\"]",
  "stack := \"prod\"",
  "export TF_IN_AUTOMATION := \"1\"",
  "",
  "default: lint",
  "",
  "lint:",
  "    tflint",
  "",
  "init dir=\"stacks\":",
  "    terraform -chdir={{dir}} init",
  "",
  "# Tear everything down",
  "nuke target=stack: (init \"stacks/\" + target)",
  "    @echo nuking {{target}}",
  "    -terraform -chdir=stacks/{{target}} destroy -auto-approve",
  "",
  "py:",
  "    #!/usr/bin/env bash",
  "    set -e",
  "    terraform plan",
  "",
  "alias n := nuke",
  "",
].join("\n");

describe("just", () => {
  it("runs dependencies with their arguments, then the body lines, parameters defaulted", () => {
    expect(runs(withFiles({ justfile: JF }, "just nuke"))).toEqual([
      "just nuke",
      "just nuke (init) -> terraform -chdir=stacks/prod init",
      "just nuke -> echo nuking prod",
      "just nuke -> terraform -chdir=stacks/prod destroy -auto-approve",
    ]);
  });
  it("binds arguments, resolves aliases, exports variables", () => {
    const a = withFiles({ justfile: JF }, "just n dev");
    expect(runs(a).at(-1)).toBe("just n dev -> terraform -chdir=stacks/dev destroy -auto-approve");
    expect(a.commands.at(-1)?.env["TF_IN_AUTOMATION"]).toBe("1");
  });
  it("the default recipe, shebang recipes, --dry-run", () => {
    expect(runs(withFiles({ justfile: JF }, "just"))).toEqual(["just", "just (lint) -> tflint"]);
    expect(runs(withFiles({ justfile: JF }, "just py")).slice(1)).toEqual(["just py -> set -e", "just py -> terraform plan"]);
    expect(runs(withFiles({ justfile: JF }, "just --dry-run nuke"))).toEqual(["just --dry-run nuke"]);
  });
  it("finds the justfile upward; an unknown recipe is an unread fact", () => {
    expect(runs(withFiles({ Justfile: JF }, "just lint", "/p/stacks/prod")).at(-1)).toBe("just lint -> tflint");
    expect(withFiles({ justfile: JF }, "just destroy").commands.at(-1)?.unread).toMatchObject({ reason: "missing", target: "destroy" });
  });
  it("an unknown expression is an unresolved word", () => {
    const a = withFiles({ justfile: "x:\n    {{ weird() }} destroy\n" }, "just x");
    expect(a.commands.at(-1)?.program).toBe("");
  });
  it("imports join the justfile's recipes and variables", () => {
    const a = withFiles({ justfile: "import 'infra/tf.just'\nstack := \"dev\"\n", "infra/tf.just": "stack := \"prod\"\nnuke:\n    terraform -chdir={{stack}} destroy\n" }, "just nuke");
    expect(runs(a).at(-1)).toBe("just nuke -> terraform -chdir=dev destroy");
  });
});
