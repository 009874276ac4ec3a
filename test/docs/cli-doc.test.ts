/** docs/cli.md stays true: every verb has a section, every option a verb's --help names is documented,
 *  and the exit-code table has every code in src/cli/io.ts. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_USAGE } from "../../src/audit/cli.js";
import { CHECK_HELP } from "../../src/cli/check.js";
import { DOCTOR_HELP } from "../../src/cli/doctor.js";
import { EXPLAIN_HELP } from "../../src/cli/explain.js";
import { HOOK_HELP } from "../../src/cli/hook.js";
import { INSTALL_HELP } from "../../src/cli/install.js";
import { EXIT } from "../../src/cli/io.js";
import { USAGE } from "../../src/cli/main.js";
import { POLICY_TEST_HELP } from "../../src/cli/policy-test.js";
import { POLICY_HELP } from "../../src/cli/policy.js";
import { SERVE_HELP } from "../../src/cli/serve.js";
import { STATE_HELP } from "../../src/cli/state.js";
import { getPackageRoot } from "../../src/policy/pack.js";

const doc = fs.readFileSync(path.join(getPackageRoot(), "docs", "cli.md"), "utf8");
const headings = doc.split("\n").filter((l) => l.startsWith("## ")).map((l) => l.slice(3));

const HELPS: Record<string, string> = {
  check: CHECK_HELP,
  explain: EXPLAIN_HELP,
  hook: HOOK_HELP,
  install: INSTALL_HELP,
  policy: `${POLICY_HELP}\n${POLICY_TEST_HELP}`,
  audit: AUDIT_USAGE,
  state: STATE_HELP,
  doctor: DOCTOR_HELP,
  serve: SERVE_HELP,
};

describe("docs/cli.md", () => {
  const verbs = [...USAGE.slice(USAGE.indexOf("verbs:")).matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1] as string);

  it("has a section for every verb in the usage text", () => {
    expect(verbs).toEqual(expect.arrayContaining(["check", "explain", "hook", "install", "uninstall", "policy", "audit", "state", "doctor"]));
    for (const verb of new Set(verbs)) expect(headings.some((h) => h.split(/[ ,]+/).includes(verb)), verb).toBe(true);
  });

  for (const [verb, help] of Object.entries(HELPS)) {
    it(`documents every option of ${verb} --help`, () => {
      const options = new Set([...help.matchAll(/(?<![\w-])--[a-z][a-z-]*/g)].map((m) => m[0]));
      for (const o of options) expect(doc, `${verb} ${o}`).toContain(o);
    });
  }

  it("lists every exit code in one table", () => {
    for (const code of new Set(Object.values(EXIT))) expect(doc).toMatch(new RegExp(`^\\| ${code} \\|`, "m"));
  });
});
