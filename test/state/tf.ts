/** Real terraform for the state tests: offline (the built-in terraform_data resource needs no provider
 *  download), one init'ed template per worker that tests copy. Tests that need terraform use
 *  `describe.skipIf(!hasTerraform)` and say so in their name. */
import fs from "node:fs";
import path from "node:path";
import { execaSync } from "execa";
import { tempDir } from "../support/temp.js";

function probe(): boolean {
  try {
    return execaSync("terraform", ["version"], { reject: false, timeout: 10_000 }).exitCode === 0;
  } catch {
    return false;
  }
}

export const hasTerraform = probe();
export const NO_TERRAFORM = hasTerraform ? "" : " (SKIPPED: no terraform on PATH)";

const tfHome = tempDir("infragate-tfhome-");
fs.writeFileSync(path.join(tfHome, "terraformrc"), "");

/** The environment for terraform in tests: offline, no checkpoint, its own CLI config and HOME. */
export const TF_ENV: Record<string, string> = {
  PATH: process.env.PATH ?? "",
  HOME: tfHome,
  TF_IN_AUTOMATION: "1",
  CHECKPOINT_DISABLE: "1",
  TF_INPUT: "0",
  TF_CLI_CONFIG_FILE: path.join(tfHome, "terraformrc"),
};

export const MAIN_TF = `terraform {}\nresource "terraform_data" "x" {\n  input = "a"\n}\n`;

export function tf(dir: string, ...args: string[]): string {
  const r = execaSync("terraform", args, { cwd: dir, env: TF_ENV, extendEnv: false, reject: false, timeout: 60_000 });
  if (r.exitCode !== 0) throw new Error(`terraform ${args.join(" ")} in ${dir} failed:\n${r.stderr}\n${r.stdout}`);
  return r.stdout;
}

let template: string | undefined;

/** A fresh copy of an init'ed stack with one terraform_data resource (not applied). */
export function stack(into?: string, files: Record<string, string> = {}): string {
  if (!template) {
    template = tempDir("infragate-tftemplate-");
    fs.writeFileSync(path.join(template, "main.tf"), MAIN_TF);
    tf(template, "init", "-input=false", "-no-color");
  }
  const dir = into ?? tempDir("infragate-tf-");
  fs.mkdirSync(dir, { recursive: true });
  fs.cpSync(template, dir, { recursive: true });
  for (const [rel, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, rel), text);
  return dir;
}

/** A stack that has been applied once: it holds terraform.tfstate with its own lineage. */
export function appliedStack(into?: string): string {
  const dir = stack(into);
  tf(dir, "apply", "-auto-approve", "-input=false", "-no-color");
  return dir;
}

export function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
}

/** A hand-made state file (no terraform needed). */
export function writeState(file: string, lineage: string, serial: number, resources: unknown[] = []): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ version: 4, terraform_version: "1.11.4", serial, lineage, outputs: {}, resources, check_results: null }, null, 2));
}

export function tmpdir(prefix = "infragate-t-"): string {
  return tempDir(prefix);
}
