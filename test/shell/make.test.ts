import { describe, expect, it } from "vitest";
import { runs, withFiles } from "./project-support.js";

const MK = [
  "TF ?= terraform",
  "STACK := prod",
  "ARGS = -auto-approve",
  ".PHONY: plan destroy all",
  "all: plan",
  "init:",
  "\t@$(TF) init -input=false",
  "plan: init",
  "\t$(TF) plan -out=$(STACK).tfplan",
  "destroy: init",
  "\t-$(TF) destroy $(ARGS) \\",
  "\t  -var stack=$(STACK)",
  "echo-%:",
  "\techo $* $@",
  "",
].join("\n");

describe("make", () => {
  it("runs prerequisites once, then the recipe, with variables expanded", () => {
    expect(runs(withFiles({ Makefile: MK }, "make destroy"))).toEqual([
      "make destroy",
      "make destroy (init) -> terraform init -input=false",
      "make destroy -> terraform destroy -auto-approve -var stack=prod",
    ]);
  });
  it("uses the default goal", () => {
    expect(runs(withFiles({ Makefile: MK }, "make"))).toEqual(["make", "make (init) -> terraform init -input=false", "make (plan) -> terraform plan -out=prod.tfplan"]);
  });
  it("command-line variables override ?= and :=", () => {
    expect(runs(withFiles({ Makefile: MK }, "make plan TF=tofu STACK=dev")).at(-1)).toBe("make plan TF=tofu STACK=dev -> tofu plan -out=dev.tfplan");
  });
  it("-C, -f, pattern rules and automatic variables", () => {
    expect(runs(withFiles({ "infra/build.mk": MK }, "make -C infra -f build.mk echo-x")).at(-1)).toBe("make -C infra -f build.mk echo-x -> echo x echo-x");
  });
  it("-n runs nothing but + lines and $(MAKE) lines", () => {
    const mk = "d:\n\tterraform destroy\n\t+echo plus\n\t$(MAKE) -C sub d\n";
    expect(runs(withFiles({ Makefile: mk, "sub/Makefile": "d:\n\tterraform destroy -auto-approve\n" }, "make -n d"))).toEqual([
      "make -n d",
      "make -n d -> echo plus",
      "make -n d -> make -n -C sub d",
    ]);
  });
  it("follows sub-makes", () => {
    const mk = "d:\n\t$(MAKE) -C sub d\n";
    expect(runs(withFiles({ Makefile: mk, "sub/Makefile": "d:\n\tterraform destroy -auto-approve\n" }, "make d")).at(-1)).toBe(
      "make d -> make -C sub d -> terraform destroy -auto-approve",
    );
  });
  it("include, export, conditionals, +=, define", () => {
    const mk = "include vars.mk\nexport TF_CLI_ARGS\nifeq ($(ENV),prod)\nX = -lock=true\nelse\nX = -lock=false\nendif\nX += -no-color\nd:\n\tterraform apply $(X)\n";
    const a = withFiles({ Makefile: mk, "vars.mk": "ENV = prod\nTF_CLI_ARGS = -destroy\n" }, "make d");
    expect(runs(a).at(-1)).toBe("make d -> terraform apply -lock=true -no-color");
    expect(a.commands.at(-1)?.env["TF_CLI_ARGS"]).toBe("-destroy");
  });
  it("an unknown function where the program is: unresolved", () => {
    const a = withFiles({ Makefile: "d:\n\t$(call tool,x) destroy\n" }, "make d");
    expect(a.commands.at(-1)?.program).toBe("");
    expect(a.commands.at(-1)?.unresolved).toBe(true);
  });
  it("$(shell) in a recipe is a command substitution; in := it runs while reading", () => {
    const a = withFiles({ Makefile: "V := $(shell git rev-parse HEAD)\nd:\n\techo $(shell terraform output -raw x)\n" }, "make d");
    expect(a.commands.map((c) => c.argv.join(" "))).toEqual(["make d", "git rev-parse HEAD", "terraform output -raw x", "echo $(terraform output -raw x)"]);
  });
  it("a missing goal is an unread fact; no Makefile is not followed", () => {
    expect(withFiles({ Makefile: MK }, "make nuke").commands.at(-1)?.unread).toMatchObject({ reason: "missing", target: "nuke" });
    expect(runs(withFiles({}, "make destroy"))).toEqual(["make destroy"]);
  });
  it("self-doubling variables and self-including makefiles stay bounded", () => {
    const vars = Array.from({ length: 40 }, (_, i) => `V${i + 1} = $(V${i})$(V${i})`).join("\n");
    const t0 = Date.now();
    const a = withFiles({ Makefile: `V0 = ${"x".repeat(1000)}\n${vars}\nd:\n\techo $(V40)\n` }, "make d");
    // Cut short: an unresolved word, or text too long to parse (a problem: ask).
    expect(a.commands.at(-1)?.unresolved === true || a.problems.length > 0).toBe(true);
    const b = withFiles({ Makefile: "include Makefile Makefile\nd:\n\tterraform destroy\n" }, "make d");
    expect(b.commands.at(-1)?.program).toBe("terraform");
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});
