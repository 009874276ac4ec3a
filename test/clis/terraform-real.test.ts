/** The interpreter's facts checked against the REAL terraform on PATH (1.11): where TF_CLI_ARGS lands,
 *  that -destroy=false is no destroy, that -chdir needs `=`, that help and -version run nothing, that a
 *  piped "yes" answers the prompt. Offline: only the built-in terraform_data resource, a temporary dir,
 *  an empty CLI config, no checkpoint calls. Skipped visibly when terraform is not installed. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { interpretTerraform } from "../../src/clis/terraform/index.js";
import { simple } from "./terraform-support.js";
import { tempDir } from "../support/temp.js";

const probe = spawnSync("terraform", ["version"], { encoding: "utf8", env: { ...process.env, CHECKPOINT_DISABLE: "1" } });
const hasTerraform = probe.status === 0;
const WHY = hasTerraform ? "" : " [SKIPPED: no terraform on PATH]";
if (!hasTerraform) console.warn("terraform-real.test.ts: terraform is not on PATH; the real-terraform checks are skipped");

let home = "";
let dir = "";

function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith("TF_") && !k.startsWith("TG_")) env[k] = v;
  return { ...env, HOME: home, TF_IN_AUTOMATION: "1", CHECKPOINT_DISABLE: "1", TF_CLI_CONFIG_FILE: path.join(home, "terraformrc") };
}

function tf(args: readonly string[], env: Record<string, string> = {}, input?: string): { status: number | null; out: string } {
  const r = spawnSync("terraform", args, { cwd: dir, env: { ...baseEnv(), ...env }, input: input ?? "", encoding: "utf8", timeout: 60_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

function resources(): string[] {
  const r = tf(["state", "list"]);
  return r.out.split("\n").map((l) => l.trim()).filter((l) => l.startsWith("terraform_data."));
}

/** What the interpreter says about the same argv and env. */
function facts(argv: readonly string[], env: Record<string, string> = {}, stdin: "terminal" | "pipe" = "terminal") {
  const op = interpretTerraform(simple(["terraform", ...argv], { ...baseEnv(), ...env }, { program: "terraform", cwd: dir, stdin })).operations[0]!;
  return { action: op.action, dir: (op.resource as { dir: string }).dir, ctx: op.context };
}

describe(`real terraform${WHY}`, () => {
  beforeAll(() => {
    if (!hasTerraform) return;
    home = tempDir("infragate-tf-home-");
    fs.writeFileSync(path.join(home, "terraformrc"), "");
    dir = path.join(home, "stack");
    fs.mkdirSync(path.join(dir, "sub"), { recursive: true });
    const main = 'resource "terraform_data" "a" {\n  input = "x"\n}\n';
    fs.writeFileSync(path.join(dir, "main.tf"), main);
    fs.writeFileSync(path.join(dir, "sub", "main.tf"), main);
    expect(tf(["init", "-input=false"]).status).toBe(0);
    expect(tf(["-chdir=sub", "init", "-input=false"]).status).toBe(0);
  }, 120_000);

  beforeEach(() => {
    if (!hasTerraform) return;
    expect(tf(["apply", "-auto-approve", "-input=false"]).status).toBe(0);
    expect(resources()).toEqual(["terraform_data.a"]);
  }, 120_000);

  it.skipIf(!hasTerraform)("TF_CLI_ARGS_apply=-destroy turns apply -auto-approve into a full destroy", () => {
    const env = { TF_CLI_ARGS_apply: "-destroy" };
    expect(facts(["apply", "-auto-approve"], env)).toMatchObject({ action: "terraform.destroy", ctx: { autoApprove: true } });
    expect(tf(["apply", "-auto-approve"], env).status).toBe(0);
    expect(resources()).toEqual([]);
  });

  it.skipIf(!hasTerraform)("TF_CLI_ARGS=-auto-approve makes destroy run without any prompt", () => {
    const env = { TF_CLI_ARGS: "-auto-approve" };
    expect(facts(["destroy"], env)).toMatchObject({ action: "terraform.destroy", ctx: { autoApprove: true, injected: ["auto-approve"] } });
    expect(tf(["destroy"], env).status).toBe(0);
    expect(resources()).toEqual([]);
  });

  it.skipIf(!hasTerraform)("with no subcommand, TF_CLI_ARGS is prepended and becomes the command", () => {
    const env = { TF_CLI_ARGS: "destroy -auto-approve" };
    expect(facts([], env)).toMatchObject({ action: "terraform.destroy", ctx: { autoApprove: true } });
    expect(tf([], env).status).toBe(0);
    expect(resources()).toEqual([]);
  });

  it.skipIf(!hasTerraform)("order is <specific> <general> <user>: the general variable wins over the specific one", () => {
    const env = { TF_CLI_ARGS: "-destroy", TF_CLI_ARGS_apply: "-destroy=false" };
    expect(facts(["apply", "-auto-approve"], env).action).toBe("terraform.destroy");
    expect(tf(["apply", "-auto-approve"], env).status).toBe(0);
    expect(resources()).toEqual([]);
  });

  it.skipIf(!hasTerraform)("the user's own flags come last and win over TF_CLI_ARGS", () => {
    const env = { TF_CLI_ARGS: "-destroy" };
    expect(facts(["apply", "-auto-approve", "-destroy=false"], env).action).toBe("terraform.apply");
    expect(tf(["apply", "-auto-approve", "-destroy=false"], env).status).toBe(0);
    expect(resources()).toEqual(["terraform_data.a"]);
  });

  it.skipIf(!hasTerraform)("-destroy=false is not a destroy", () => {
    expect(facts(["apply", "-auto-approve", "-destroy=false"]).action).toBe("terraform.apply");
    expect(tf(["apply", "-auto-approve", "-destroy=false"]).status).toBe(0);
    expect(resources()).toEqual(["terraform_data.a"]);
  });

  it.skipIf(!hasTerraform)("--destroy (two dashes) and -destroy=TRUE are a destroy", () => {
    expect(facts(["apply", "-auto-approve", "--destroy=TRUE"]).action).toBe("terraform.destroy");
    expect(tf(["apply", "-auto-approve", "--destroy=TRUE"]).status).toBe(0);
    expect(resources()).toEqual([]);
  });

  it.skipIf(!hasTerraform)("a piped yes answers destroy's prompt", () => {
    expect(facts(["destroy"], {}, "pipe")).toMatchObject({ action: "terraform.destroy", ctx: { autoApprove: true, stdinPiped: true } });
    expect(tf(["destroy"], {}, "yes\n").status).toBe(0);
    expect(resources()).toEqual([]);
  });

  it.skipIf(!hasTerraform)("-chdir=DIR re-roots the command; -chdir DIR (no =) runs nothing", () => {
    expect(facts(["-chdir=sub", "destroy"]).dir).toBe(path.join(dir, "sub"));
    const spaced = tf(["-chdir", "sub", "destroy", "-auto-approve"]);
    expect(spaced.status).not.toBe(0);
    expect(spaced.out).toMatch(/equals sign/);
    // The interpreter reads the spaced form the way tofu does (conservative): a destroy in sub.
    expect(facts(["-chdir", "sub", "destroy"])).toMatchObject({ action: "terraform.destroy", dir: path.join(dir, "sub") });
    expect(resources()).toEqual(["terraform_data.a"]);
  });

  it.skipIf(!hasTerraform)("flags before the subcommand make terraform refuse to run", () => {
    const r = tf(["-auto-approve", "destroy"]);
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/Invalid flags before the subcommand/);
    expect(resources()).toEqual(["terraform_data.a"]);
  });

  it.skipIf(!hasTerraform)("help anywhere before -- runs nothing", () => {
    for (const h of ["-help", "-h", "--help"]) {
      expect(facts(["destroy", "-auto-approve", h]).action).toBe("terraform.help");
      tf(["destroy", "-auto-approve", h]);
      expect(resources()).toEqual(["terraform_data.a"]);
    }
    expect(facts(["destroy"], { TF_CLI_ARGS: "-help" }).action).toBe("terraform.help");
    tf(["destroy"], { TF_CLI_ARGS: "-help" });
    expect(resources()).toEqual(["terraform_data.a"]);
  });

  it.skipIf(!hasTerraform)("-version anywhere turns the line into `terraform version`", () => {
    expect(facts(["destroy", "-auto-approve", "-version"]).action).toBe("terraform.version");
    const r = tf(["destroy", "-auto-approve", "-version"]);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/Terraform v\d/);
    expect(resources()).toEqual(["terraform_data.a"]);
  });

  it.skipIf(!hasTerraform)("apply -- x takes x as a saved plan file", () => {
    expect(facts(["apply", "--", "x"])).toMatchObject({ action: "terraform.apply", ctx: { planFile: path.join(dir, "x") } });
    const r = tf(["apply", "--", "x"]);
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/Failed to load "x" as a plan file/);
  });

  it.skipIf(!hasTerraform)("TF_CLI_ARGS_state_rm lands after `state rm` (-dry-run keeps the state)", () => {
    const env = { TF_CLI_ARGS_state_rm: "-dry-run" };
    expect(facts(["state", "rm", "terraform_data.a"], env).ctx).toMatchObject({ flags: ["dry-run"], injected: ["dry-run"] });
    const r = tf(["state", "rm", "terraform_data.a"], env);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/Would remove/);
    expect(resources()).toEqual(["terraform_data.a"]);
  });
});
