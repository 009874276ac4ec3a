/** src/clis/infragate/: infragate run by the agent. Reading verbs are infragate.use; verbs that change what
 *  the guard does are infragate.admin (denied to agents by self-protection.admin-verbs). */
import { describe, expect, it } from "vitest";
import { interpretInfragate } from "../../src/clis/infragate/index.js";
import { factsOf } from "../support/facts.js";
import { cmd as command } from "../support/interpreter-table.js";

const cmd = (argv: string[]) => command(argv, { program: "infragate", cwd: "/w" });

const t = (argv: string[], action: string, verb: string): [string, string[], string, string] => [argv.join(" "), argv, action, verb];

describe("interpretInfragate", () => {
  it.each([
    t(["infragate", "state", "accept", "."], "infragate.admin", "state accept"),
    t(["infragate", "state", "accept"], "infragate.admin", "state accept"),
    t(["infragate", "uninstall", "claude-code"], "infragate.admin", "uninstall claude-code"),
    t(["infragate", "install", "cursor", "--dir", "."], "infragate.admin", "install cursor"),
    t(["infragate", "policy", "edit"], "infragate.admin", "policy edit"),
    t(["infragate", "audit", "rotate"], "infragate.admin", "audit rotate"),
    t(["infragate", "state", "show"], "infragate.use", "state show"),
    t(["infragate", "check", "--", "terraform", "plan"], "infragate.use", "check terraform"),
    t(["infragate", "explain", "--json"], "infragate.use", "explain"),
    t(["infragate", "policy", "validate"], "infragate.use", "policy validate"),
    t(["infragate", "policy", "test"], "infragate.use", "policy test"),
    t(["infragate", "audit", "verify"], "infragate.use", "audit verify"),
    t(["infragate", "doctor"], "infragate.use", "doctor"),
  ])("%s -> %s", (_label, argv, action, verb) => {
    const [op] = interpretInfragate(cmd(argv)).operations;
    expect(op?.action).toBe(action);
    expect(factsOf(op).verb).toBe(verb);
    expect(op?.resource).toEqual({ type: "Program", name: "infragate" });
  });
});
