/** src/util/args.ts: a valued option without its value is reported as missing (and unknown), never fed the
 *  next word (`check --cwd -- ls` is "--cwd needs a value", not "unexpected ls"). */
import { describe, expect, it } from "vitest";
import { runCheck } from "../../src/cli/check.js";
import { parseArgs } from "../../src/util/args.js";
import { runVerb } from "../cli/run-cli.js";

const SPEC = { flags: ["json"], values: ["cwd", "dir"] };

describe("parseArgs", () => {
  it.each([
    [["--cwd", "/w", "--", "ls"], { cwd: "/w" }, [], ["ls"]],
    [["--cwd=/w"], { cwd: "/w" }, [], undefined],
    [["--cwd"], {}, ["--cwd"], undefined],
    [["--cwd", "--", "ls"], {}, ["--cwd"], ["ls"]],
    [["--cwd", "--json"], {}, ["--cwd"], undefined],
    [["--dir", "-"], { dir: "-" }, [], undefined],
  ])("%j", (args, values, missing, rest) => {
    const p = parseArgs(args, SPEC);
    expect(Object.fromEntries(p.values)).toEqual(values);
    expect(p.missing).toEqual(missing);
    for (const m of missing) expect(p.unknown).toContain(m);
    expect(p.rest).toEqual(rest);
  });
});

describe("infragate check usage", () => {
  it("--cwd without a value says so, in one line and without the whole help", async () => {
    const r = await runVerb(runCheck, ["--cwd", "--", "ls"], { cwd: "/" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--cwd needs a value");
    expect(r.stderr).not.toContain("options:");
  });
});
