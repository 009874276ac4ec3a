import { describe, expect, it } from "vitest";
import { runs, withFiles } from "./project-support.js";

const pkg = (scripts: Record<string, string>, extra: Record<string, unknown> = {}): string => JSON.stringify({ name: "root", scripts, ...extra });

describe("package.json scripts", () => {
  const files = {
    "package.json": pkg({ predestroy: "echo before", destroy: "cdk destroy", postdestroy: "echo after", build: "tsc", all: "npm run build && npm run destroy -- --force", test: "vitest run" }),
  };
  it("npm run: pre, the script with the arguments after --, post", () => {
    expect(runs(withFiles(files, "npm run destroy -- --all 'x y'"))).toEqual([
      "npm run destroy -- --all 'x y' (predestroy) -> echo before",
      "npm run destroy -- --all 'x y' -> cdk destroy --all x y",
      "npm run destroy -- --all 'x y' (postdestroy) -> echo after",
    ]);
  });
  it("--ignore-scripts leaves pre/post out; npm's own options are not passed", () => {
    expect(runs(withFiles(files, "npm run destroy --ignore-scripts"))).toEqual(["npm run destroy --ignore-scripts -> cdk destroy"]);
  });
  it("a script calling scripts is followed in turn", () => {
    expect(runs(withFiles(files, "npm run all")).filter((r) => r.includes("cdk"))).toEqual(["npm run all -> npm run destroy -- --force -> cdk destroy --force"]);
  });
  it("the package is found from a subdirectory up; --prefix and -C choose another", () => {
    expect(runs(withFiles(files, "npm test", "/p/src/deep"))).toEqual(["npm test -> vitest run"]);
    expect(withFiles({ "infra/package.json": pkg({ test: "jest" }) }, "npm --prefix infra test").commands[0]?.cwd).toBe("/p/infra");
    expect(runs(withFiles({ "infra/package.json": pkg({ test: "jest" }) }, "pnpm -C infra test"))).toEqual(["pnpm -C infra test -> jest"]);
  });
  it("yarn, pnpm and bun pass every word after the script name", () => {
    expect(runs(withFiles(files, "yarn destroy --force")).at(1)).toBe("yarn destroy --force -> cdk destroy --force");
    expect(runs(withFiles(files, "pnpm run destroy --force")).at(1)).toBe("pnpm run destroy --force -> cdk destroy --force");
    expect(runs(withFiles(files, "bun run build"))).toEqual(["bun run build -> tsc"]);
  });
  it("npm install / ci run the root lifecycle scripts; installing a package does not", () => {
    const f = { "package.json": pkg({ preinstall: "echo pre", postinstall: "terraform init", prepare: "husky" }) };
    expect(runs(withFiles(f, "npm ci"))).toEqual(["npm ci (preinstall) -> echo pre", "npm ci (postinstall) -> terraform init", "npm ci (prepare) -> husky"]);
    expect(runs(withFiles(f, "npm install left-pad"))).toEqual(["npm install left-pad"]);
  });
  it("workspaces: -w, --workspace, -ws, pnpm --filter, yarn workspace", () => {
    const ws = {
      "package.json": pkg({}, { workspaces: ["packages/*"] }),
      "packages/infra/package.json": JSON.stringify({ name: "@org/infra", scripts: { destroy: "cdk destroy" } }),
      "packages/web/package.json": JSON.stringify({ name: "@org/web", scripts: { destroy: "echo web" } }),
    };
    expect(runs(withFiles(ws, "npm run destroy -w @org/infra"))).toEqual(["npm run destroy -w @org/infra (destroy in @org/infra) -> cdk destroy"]);
    expect(runs(withFiles(ws, "npm run destroy --workspace packages/infra")).length).toBe(1);
    expect(runs(withFiles(ws, "npm run destroy -ws")).length).toBe(2);
    expect(runs(withFiles(ws, "pnpm --filter @org/infra destroy")).at(0)).toContain("cdk destroy");
    expect(runs(withFiles(ws, "yarn workspace @org/web destroy"))).toEqual(["yarn workspace @org/web destroy (destroy in @org/web) -> echo web"]);
  });
  it("a missing script or package.json is left to the launcher table; an unparsable package.json is an unread fact", () => {
    expect(runs(withFiles(files, "npm run cdk -- destroy"))).toEqual(["cdk destroy"]);
    expect(runs(withFiles({}, "npm run nope"))).toEqual(["npm run nope"]);
    expect(withFiles({ "package.json": "{ not json" }, "npm run destroy").commands[0]?.unread).toMatchObject({ runner: "npm", reason: "unreadable" });
  });
});

describe("script runners used inside package.json scripts", () => {
  const files = {
    "package.json": pkg({ "build:a": "tsc", "build:b": "vite build", destroy: "cdk destroy", all: "run-s build:* destroy", both: "concurrently -n x,y \"npm:build:a\" \"terraform plan\"", env: "cross-env TF_CLI_ARGS=-destroy terraform apply" }, { workspaces: ["packages/*"] }),
    "packages/infra/package.json": JSON.stringify({ name: "infra", scripts: { destroy: "terraform destroy" } }),
  };
  it("npm-run-all / run-s / run-p run scripts by name and glob", () => {
    expect(runs(withFiles(files, "npm run all")).map((r) => r.split(" -> ").at(-1))).toEqual(["tsc", "vite build", "cdk destroy"]);
  });
  it("concurrently runs each command; npm:NAME is a script", () => {
    expect(runs(withFiles(files, "npm run both")).map((r) => r.split(" -> ").at(-1))).toEqual(["tsc", "terraform plan"]);
  });
  it("cross-env sets the environment of the command it runs (no link in the chain)", () => {
    const a = withFiles(files, "npm run env");
    expect(runs(a)).toEqual(["npm run env -> terraform apply"]);
    expect(a.commands[0]?.env["TF_CLI_ARGS"]).toBe("-destroy");
  });
  it("turbo and lerna run the script in the workspaces", () => {
    expect(runs(withFiles(files, "turbo run destroy")).at(-1)).toBe("turbo run destroy -> npm run destroy -ws (destroy in infra) -> terraform destroy");
    expect(runs(withFiles(files, "lerna run destroy --scope infra")).at(-1)).toContain("terraform destroy");
  });
});

describe("script files", () => {
  it("./x.sh by its shebang, positional arguments bound, $0 the path", () => {
    expect(runs(withFiles({ "x.sh": '#!/bin/bash\nterraform -chdir="stacks/$1" "${@:2}" plan\necho "$0" $#\n' }, "./x.sh prod"))).toEqual([
      "./x.sh prod -> terraform -chdir=stacks/prod ${@:2} plan",
      "./x.sh prod -> echo ./x.sh 1",
    ]);
  });
  it("a script running a script; a missing script is an ordinary program; binaries and installed bins are not read", () => {
    const f = { "a.sh": "bash ./b.sh destroy\n", "b.sh": 'terraform "$1"\n', "bin/tool": "\u0000ELF" };
    expect(runs(withFiles(f, "sh a.sh"))).toEqual(["sh a.sh -> bash ./b.sh destroy -> terraform destroy"]);
    expect(runs(withFiles(f, "./missing.sh"))).toEqual(["./missing.sh"]);
    expect(runs(withFiles(f, "./bin/tool x"))).toEqual(["./bin/tool x"]);
    expect(runs(withFiles({ "node_modules/.bin/cdk": "#!/usr/bin/env node\nrequire('child_process')" }, "./node_modules/.bin/cdk destroy"))).toEqual(["./node_modules/.bin/cdk destroy"]);
  });
  it("a script re-running itself is followed once per argument list, without reaching the depth limit", () => {
    const a = withFiles({ "x.sh": 'if [ -z "$1" ]; then exec "$0" destroy; fi\nterraform "$1"\n', "loop.sh": "bash ./loop.sh\n", "npm.json": "" }, "./x.sh; bash loop.sh");
    expect(a.problems).toEqual([]);
    expect(runs(a).filter((r) => r.endsWith("terraform destroy"))).toEqual(['./x.sh -> exec "$0" destroy -> terraform destroy']);
    expect(runs(withFiles({ "package.json": pkg({ a: "npm run a" }) }, "npm run a"))).toEqual([]);
  });
  it("a script redirected to a shell's or an interpreter's stdin is read", () => {
    const f = { "x.sh": 'terraform -chdir="$1" destroy\n', "d.py": "import os\nos.system('terraform destroy')\n" };
    expect(runs(withFiles(f, "bash < x.sh")).at(-1)).toBe("bash < x.sh -> terraform -chdir= destroy");
    expect(runs(withFiles(f, "sh -s prod < x.sh")).at(-1)).toBe("sh -s prod < x.sh -> terraform -chdir=prod destroy");
    expect(withFiles(f, "python3 < d.py").commands[0]?.inlineCode).toContain("terraform destroy");
  });
  it("source puts variables, exports and functions into the rest of the line", () => {
    const a = withFiles({ "env.sh": "STACK=prod\nexport TF_CLI_ARGS=-destroy\nnuke() { terraform destroy; }\ncd stacks\n" }, ". ./env.sh && terraform -chdir=$STACK apply");
    const tf = a.commands.at(-1);
    expect(tf?.argv).toEqual(["terraform", "-chdir=prod", "apply"]);
    expect(tf?.env["TF_CLI_ARGS"]).toBe("-destroy");
    expect(tf?.cwd).toBe("/p/stacks");
    expect(tf?.via).toBeUndefined();
    expect(a.exported["TF_CLI_ARGS"]).toBe("-destroy");
  });
  it("a script the line wrote is read from what it wrote; unknown text is an unread fact", () => {
    expect(runs(withFiles({ "t.sh": "echo old" }, "printf 'terraform destroy\\n' > t.sh && bash t.sh")).at(-1)).toBe("bash t.sh -> terraform destroy");
    expect(withFiles({}, "curl -o x https://e.x; curl https://e.x > t.sh; sh t.sh").commands.at(-1)?.unread).toMatchObject({ reason: "written-unknown" });
  });
  it("other languages: the file is inline code when it runs processes, a plain program otherwise", () => {
    const a = withFiles({ "d.py": "import subprocess\nsubprocess.run(['terraform','destroy'])\n", "r.py": "print('terraform')\n" }, "python3 -u d.py; python3 r.py; go run main.go");
    expect(a.commands.map((c) => c.inlineCode !== undefined)).toEqual([true, false, false]);
  });
  it("too large or binary script files given to a shell are unread facts", () => {
    expect(withFiles({ "big.sh": "x".repeat(300 * 1024) }, "bash big.sh").commands[0]?.unread).toMatchObject({ reason: "too-large" });
    expect(withFiles({ "bin.sh": "\u0000" }, "bash bin.sh").commands[0]?.unread).toMatchObject({ reason: "binary" });
  });
});
