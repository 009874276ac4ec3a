// The service's rules cache: a change to the workspace's policies reloads them for every request that arrived
// after the change could have been seen, and a check that began after a request arrived stands for it (one
// check serves a burst). Real files, the real pack, the real Cedar engine.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createWarmRuntime } from "../../src/serve/warm-runtime.js";
import { tempDir } from "../support/temp.js";

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function workspace(): { ws: string; env: Record<string, string> } {
  const d = tempDir("infragate-warm-runtime-");
  made.push(d);
  const ws = path.join(d, "ws");
  fs.mkdirSync(path.join(ws, ".git"), { recursive: true });
  return { ws, env: { HOME: d, INFRAGATE_HOME: path.join(d, "home") } };
}

const agent = { name: "claude-code", mode: "default", session: "s" };
const TEAM_POLICY =
  '@id("team.no-git-push")\n@reason("pushes go through the release pipeline")\nforbid (principal, action == Action::"shell.exec", resource == Program::"git")\nwhen { context.args.contains("push") };\n';

describe("createWarmRuntime", () => {
  it("reuses the rules while nothing changed, and reloads for a request that arrived after a change", () => {
    const { ws, env } = workspace();
    const warm = createWarmRuntime();
    const first = warm.load({ cwd: ws, env, agent }, performance.now());
    expect(warm.loads()).toBe(1);
    expect(warm.load({ cwd: ws, env, agent }, performance.now()).engine).toBe(first.engine);
    expect(warm.loads()).toBe(1);

    fs.mkdirSync(path.join(ws, ".infragate", "policies"), { recursive: true });
    fs.writeFileSync(path.join(ws, ".infragate", "policies", "team.cedar"), TEAM_POLICY);
    const fresh = warm.load({ cwd: ws, env, agent }, performance.now());
    expect(warm.loads()).toBe(2);
    expect(fresh.engine).not.toBe(first.engine);
    expect(Object.keys(fresh.engine.policies.texts)).toContain("team.no-git-push");
  });

  it("answers a request that arrived before the last check began with that check's rules", () => {
    const { ws, env } = workspace();
    const warm = createWarmRuntime();
    const arrived = performance.now();
    const checked = warm.load({ cwd: ws, env, agent }, performance.now());
    fs.mkdirSync(path.join(ws, ".infragate", "policies"), { recursive: true });
    fs.writeFileSync(path.join(ws, ".infragate", "policies", "team.cedar"), TEAM_POLICY);
    // Arrived before the check above began: that check is as fresh as one made on arrival.
    expect(warm.load({ cwd: ws, env, agent }, arrived).engine).toBe(checked.engine);
    expect(warm.loads()).toBe(1);
    // Without an arrival time (the warm-up), and for a later request, the files are looked at again.
    expect(warm.load({ cwd: ws, env, agent }).engine).not.toBe(checked.engine);
    expect(warm.loads()).toBe(2);
  });

  it("keeps the call's own agent and environment on the cached rules", () => {
    const { ws, env } = workspace();
    const warm = createWarmRuntime();
    const at = performance.now();
    warm.load({ cwd: ws, env, agent }, at);
    const other = warm.load({ cwd: ws, env: { ...env, TF_CLI_ARGS: "-destroy" }, agent: { ...agent, name: "gemini" } }, at);
    expect(other.agent.name).toBe("gemini");
    expect(other.env.TF_CLI_ARGS).toBe("-destroy");
  });
});
