/** Google Cloud: `gcloud` (with `gsutil` and `bq`). One `gcloud.<class>` request per call, plus an
 *  `object.write` / `object.delete` request per Cloud Storage object a copy, move, sync or remove touches
 *  (remote Terraform state), plus the local files a download writes. docs/clis/gcloud.md. */
import type { ActionsWith } from "../../facts/index.js";
import type { GcloudCall } from "../../facts/generated/32-gcloud.js";
import type { SimpleCommand } from "../../shell/types.js";
import { isCaptured } from "../printers.js";
import type { CliDescriptor } from "../descriptor.js";
import { objectOperation } from "../remote-objects.js";
import type { Interpretation, Operation } from "../types.js";
import { bqCall } from "./bq.js";
import type { GcpCall } from "./call.js";
import { gcloudCall } from "./gcloud.js";
import { gsutilCall } from "./gsutil.js";
import { storageEffects } from "./storage.js";

function actionFor(c: GcpCall): ActionsWith<GcloudCall> {
  if (c.dryRun) return "gcloud.dry-run";
  switch (c.cls) {
    case "read":
      return "gcloud.read";
    case "delete":
      return "gcloud.delete";
    case "secret":
    case "credentials":
      return "gcloud.secret";
    case "mutate":
      return "gcloud.mutate";
  }
}

function callOf(cmd: SimpleCommand): GcpCall {
  const args = cmd.argv.slice(1);
  if (cmd.program === "gsutil") return gsutilCall(args, cmd.env);
  if (cmd.program === "bq") return bqCall(args, cmd.env);
  return gcloudCall(args, cmd.env);
}

export function interpretGcloud(cmd: SimpleCommand): Interpretation {
  const c = callOf(cmd);
  const where = [c.project && `project ${c.project}`, c.impersonate && `as ${c.impersonate}`].filter(Boolean).join(", ");
  const label = `${cmd.program} ${c.path}${c.dryRun ? " (dry run)" : ""}${where ? ` (${where})` : ""}`;
  const main: Operation = {
    action: actionFor(c),
    resource: { type: "Program", name: cmd.program },
    context: {
      command: cmd.text,
      program: cmd.program,
      track: c.track,
      group: c.group,
      verb: c.verb,
      verbClass: c.cls,
      flags: [...c.flags],
      options: [...c.options],
      targets: [...c.targets],
      project: c.project,
      account: c.account,
      impersonate: c.impersonate,
      quiet: c.quiet,
      inputFile: c.inputFile,
      dryRun: c.dryRun,
      recursive: c.recursive,
      captured: isCaptured(cmd),
      iam: { ...c.iam, roles: [...c.iam.roles], members: [...c.iam.members] },
      firewall: { ...c.firewall },
      wrappers: [...cmd.wrappers],
      cwd: cmd.cwd,
    },
    summary: label,
  };
  if (!c.storage || c.dryRun || c.help) return { operations: [main], files: [] };
  const effects = storageEffects(cmd, `${cmd.program} ${c.path}`, c.storage);
  return { operations: [main, ...effects.objects.map((o) => objectOperation(cmd, `${cmd.program} ${c.path}`, o))], files: [...effects.files] };
}

export const gcloudCli: CliDescriptor = {
  name: "gcloud",
  names: { programs: ["gcloud", "gsutil", "bq"] },
  guarded: true,
  interpret: interpretGcloud,
};
