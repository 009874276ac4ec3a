import { describe, expect, it } from "vitest";
import { runs, withFiles } from "./project-support.js";

const TF = `version: '3'
vars:
  STACK: prod
env:
  TF_IN_AUTOMATION: "1"
includes:
  net: ./network
tasks:
  default:
    cmds: [task: lint]
  lint: tflint
  init:
    dir: stacks/{{.STACK}}
    cmds:
      - terraform init
  destroy:
    deps: [init]
    dir: stacks/{{.STACK}}
    cmds:
      - cmd: terraform destroy -auto-approve {{.CLI_ARGS}}
      - task: net:down
        vars: { WHO: me }
  rev:
    vars:
      SHA:
        sh: git rev-parse HEAD
    cmds:
      - echo {{.SHA}}
`;
const NET = `version: '3'
tasks:
  down:
    cmds:
      - echo {{.WHO}}
      - terraform destroy
`;

describe("task", () => {
  it("deps, dir, vars, CLI_ARGS, task: calls into includes", () => {
    const a = withFiles({ "Taskfile.yml": TF, "network/Taskfile.yml": NET }, "task destroy -- -lock=false");
    expect(runs(a)).toEqual([
      "task destroy -- -lock=false",
      "task destroy -- -lock=false (init) -> terraform init",
      "task destroy -- -lock=false -> terraform destroy -auto-approve -lock=false",
      "task destroy -- -lock=false (net:down) -> echo me",
      "task destroy -- -lock=false (net:down) -> terraform destroy",
    ]);
    expect(a.commands[2]?.cwd).toBe("/p/stacks/prod");
    expect(a.commands[2]?.env["TF_IN_AUTOMATION"]).toBe("1");
    expect(a.commands.at(-1)?.cwd).toBe("/p/network");
  });
  it("the default task, CLI variables, --dry", () => {
    expect(runs(withFiles({ "Taskfile.yml": TF, "network/Taskfile.yml": NET }, "task"))).toEqual(["task", "task (lint) -> tflint"]);
    expect(withFiles({ "Taskfile.yml": TF, "network/Taskfile.yml": NET }, "task init STACK=dev").commands.at(-1)?.cwd).toBe("/p/stacks/dev");
    expect(runs(withFiles({ "Taskfile.yml": TF }, "task --dry destroy"))).toEqual(["task --dry destroy"]);
  });
  it("dynamic variables run their sh and are unresolved", () => {
    const a = withFiles({ "Taskfile.yml": TF, "network/Taskfile.yml": NET }, "task rev");
    expect(runs(a).slice(1)).toEqual(["task rev -> git rev-parse HEAD", "task rev -> echo $__infragate_unresolved"]);
    expect(a.commands.at(-1)?.unresolved).toBe(true);
  });
  it("an unknown task or an invalid Taskfile is an unread fact", () => {
    expect(withFiles({ "Taskfile.yml": TF }, "task nuke").commands.at(-1)?.unread).toMatchObject({ reason: "missing", target: "nuke" });
    expect(withFiles({ "Taskfile.yml": "tasks: [1" }, "task x").commands.at(-1)?.unread).toMatchObject({ reason: "unreadable" });
  });
  it("a Taskfile including itself stays bounded", () => {
    const t0 = Date.now();
    const a = withFiles({ "Taskfile.yml": "version: '3'\nincludes:\n  a: ./Taskfile.yml\n  b: ./Taskfile.yml\ntasks:\n  d: terraform destroy\n" }, "task d");
    expect(a.commands.at(-1)?.program).toBe("terraform");
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});
