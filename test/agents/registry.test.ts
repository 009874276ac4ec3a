/** One descriptor per agent: every folder under src/agents/ that holds an agent is registered once, and no
 *  other source file names the agents (their lists are derived from the registry). */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AGENT_NAMES, AGENT_REGISTRY, getAgent } from "../../src/agents/index.js";
import { INSTALL_HELP } from "../../src/cli/install.js";
import { HOOK_HELP } from "../../src/cli/hook.js";
import { INSTALL_TARGETS } from "../../src/install/index.js";

const SRC = path.resolve(import.meta.dirname, "..", "..", "src");
const AGENTS = path.join(SRC, "agents");
/** Folders under src/agents/ that are shared code, not an agent. */
const SHARED = new Set(["settings"]);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
}

describe("agent registry", () => {
  const folders = fs.readdirSync(AGENTS, { withFileTypes: true }).filter((e) => e.isDirectory() && !SHARED.has(e.name)).map((e) => e.name);

  it("registers every agent folder once, under the folder's name", () => {
    expect([...AGENT_NAMES].sort()).toEqual([...folders].sort());
    expect(new Set(AGENT_NAMES).size).toBe(AGENT_NAMES.length);
    for (const name of folders) expect(fs.existsSync(path.join(AGENTS, name, "index.ts")), `src/agents/${name}/index.ts`).toBe(true);
  });

  it("each descriptor is whole: adapter, installer, doctor facet", () => {
    for (const a of AGENT_REGISTRY) {
      expect(getAgent(a.name)).toBe(a);
      expect(a.adapter.name).toBe(a.name);
      expect(a.title.length).toBeGreaterThan(0);
      expect(a.installer.summary.length).toBeGreaterThan(0);
      expect(a.doctor.gateEvents.length).toBeGreaterThan(0);
    }
  });

  it("derives every list of agents from the registry", () => {
    expect(INSTALL_TARGETS).toEqual([...AGENT_NAMES, "git"]);
    for (const name of AGENT_NAMES) {
      expect(INSTALL_HELP).toContain(name);
      expect(HOOK_HELP).toContain(name);
    }
  });

  it("no source file outside an agent's folder names an agent in code", () => {
    const literal = new RegExp(`["'\`](?:${AGENT_NAMES.join("|")})["'\`]`);
    const offenders = sources(SRC)
      .filter((f) => !folders.some((name) => f.startsWith(path.join(AGENTS, name) + path.sep)))
      .filter((f) => fs.readFileSync(f, "utf8").split("\n").some((line) => !/^\s*(\/\/|\*|\/\*\*)/.test(line) && literal.test(line)))
      .map((f) => path.relative(SRC, f));
    // (policy-test's table default names the agent a case runs as when it names none.)
    expect(offenders.filter((f) => f !== path.join("policy-test", "run.ts"))).toEqual([]);
  });
});
