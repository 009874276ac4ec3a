/** The decision service and its thin client, run for real: same answers as the in-process hook, fail closed
 *  whatever the service does (killed, of another build, garbled, silent), fresh rules after a change. */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, cli, exited, freePort, payload, runHook, sandbox, serviceLog, startService, type Sandbox } from "./support.js";

afterEach(cleanup);

const DENY = /"permissionDecision":"deny"/;

function decisions(sb: Sandbox): number {
  const m = /(\d+) decisions/.exec(cli(sb, ["serve", "--status"]).stdout);
  return m ? Number(m[1]) : -1;
}

describe("infragate serve", () => {
  it("answers exactly what the in-process hook answers", async () => {
    const sb = sandbox();
    await startService(sb);
    const cases = [
      payload(sb, "Bash", { command: "terraform destroy -auto-approve" }),
      payload(sb, "Bash", { command: "git status" }),
      payload(sb, "Bash", { command: "terraform apply" }, "default"),
      payload(sb, "Write", { file_path: path.join(sb.ws, "terraform.tfstate"), content: "{}" }),
      payload(sb, "Edit", { file_path: path.join(sb.ws, "src/app.ts"), old_string: "a", new_string: "b" }),
      "not json",
    ];
    for (const input of cases) {
      const served = runHook(sb, input);
      const local = runHook(sb, input, { INFRAGATE_SERVE: "off" });
      expect({ input, stdout: served.stdout, code: served.code }).toEqual({ input, stdout: local.stdout, code: local.code });
    }
    expect(runHook(sb, cases[0] as string).code).toBe(2);
    expect(runHook(sb, cases[1] as string).code).toBe(0);
    // the service really answered them (the 6 served calls and this one): not the fallback
    expect(decisions(sb)).toBe(cases.length + 2);
  });

  it("falls back in process when the service is killed mid-run, and still denies", async () => {
    const sb = sandbox();
    const service = await startService(sb);
    const destroy = payload(sb, "Bash", { command: "terraform destroy -auto-approve" });
    expect(runHook(sb, destroy).stdout).toMatch(DENY);
    service.kill("SIGKILL");
    await exited(service, 5000);
    // the socket file is left behind: a connection is refused, the client decides here
    expect(fs.existsSync(path.join(sb.home, "serve", "sock"))).toBe(true);
    const after = runHook(sb, destroy);
    expect(after.code).toBe(2);
    expect(after.stdout).toMatch(DENY);
    expect(runHook(sb, payload(sb, "Bash", { command: "git status" })).code).toBe(0);
  });

  it.each([
    ["claims another build and allows", (build: string) => `${JSON.stringify({ ok: true, build: `${build}-other`, stdout: "", stderr: "", exitCode: 0 })}\n`],
    ["answers garbage", () => "{not json\n"],
    ["answers an allow of the wrong shape", (build: string) => `${JSON.stringify({ ok: true, build, stdout: "", exitCode: "0" })}\n`],
    ["never answers", () => undefined],
  ])("never yields an allow from a service that %s", async (_label, reply) => {
    const sb = sandbox();
    const build = fs.readFileSync(path.join(import.meta.dirname, "..", "..", "dist", "build-id.txt"), "utf8").trim();
    fs.mkdirSync(path.join(sb.home, "serve"), { recursive: true, mode: 0o700 });
    const impostor = net.createServer((c) => {
      c.on("data", () => {
        const text = reply(build);
        if (text !== undefined) c.end(text);
      });
      c.on("error", () => c.destroy());
    });
    sb.servers.push(impostor);
    await new Promise<void>((r) => impostor.listen(path.join(sb.home, "serve", "sock"), r));
    const r = runHook(sb, payload(sb, "Bash", { command: "terraform destroy -auto-approve" }));
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(DENY);
  });

  it("decides with fresh rules after the workspace's policies change", async () => {
    const sb = sandbox();
    await startService(sb);
    const status = payload(sb, "Bash", { command: "git push origin feature-x" });
    expect(runHook(sb, status).code).toBe(0);
    const dir = path.join(sb.ws, ".infragate", "policies");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, "team.cedar"),
      '@id("team.no-git-push")\n@reason("pushes go through the release pipeline, not the agent")\nforbid (principal, action == Action::"shell.exec", resource == Program::"git")\nwhen { context.args.contains("push") };\n',
    );
    const denied = runHook(sb, status);
    expect(denied.stdout).toContain("team.no-git-push");
    fs.rmSync(dir, { recursive: true });
    expect(runHook(sb, status).code).toBe(0);
    expect(decisions(sb)).toBe(3);
  });

  it("warms up in a scratch workspace: nothing reaches the user's audit, memory or decision count", async () => {
    const sb = sandbox();
    // What a killed service's warm-up left behind is removed by the next one.
    fs.mkdirSync(path.join(sb.home, "serve", "warm-up-left"), { recursive: true, mode: 0o700 });
    const child = await startService(sb);
    const until = Date.now() + 60_000;
    while (Date.now() < until && !/warmed up|warm-up failed/.test(serviceLog(child))) await new Promise((r) => setTimeout(r, 100));
    expect(serviceLog(child)).toMatch(/warmed up: [1-9]\d* decisions/);
    expect(decisions(sb)).toBe(0);
    expect(fs.readdirSync(path.join(sb.home, "serve")).filter((n) => n.startsWith("warm-up-"))).toEqual([]);
    // No audit log, session memory or state record: the user's home holds the service's own folder only.
    expect(fs.readdirSync(sb.home)).toEqual(["serve"]);
    // The first real call after it is the service's, and it is decided and audited as usual.
    expect(runHook(sb, payload(sb, "Bash", { command: "terraform destroy" })).stdout).toMatch(DENY);
    expect(decisions(sb)).toBe(1);
    expect(fs.readdirSync(path.join(sb.home, "audit")).some((n) => n.endsWith(".jsonl"))).toBe(true);
  });

  it("exits when idle, and when its socket is removed", async () => {
    const idle = sandbox();
    const a = await startService(idle, ["--idle-minutes", "0.02"]);
    expect(await exited(a, 10_000)).toBe(true);
    const removed = sandbox();
    const b = await startService(removed);
    fs.rmSync(path.join(removed.home, "serve", "sock"));
    expect(await exited(b, 10_000)).toBe(true);
  });

  it("starts in the background, reports and stops through the CLI", async () => {
    const sb = sandbox();
    expect(cli(sb, ["serve", "--status"]).code).toBe(1);
    const started = cli(sb, ["serve", "--detach"]);
    expect(started.stdout).toMatch(/started \(pid \d+/);
    const pid = Number(/pid (\d+)/.exec(started.stdout)?.[1]);
    try {
      expect(cli(sb, ["serve", "--detach"]).stdout).toMatch(/running \(pid/);
      expect(cli(sb, ["serve", "--status"]).code).toBe(0);
      expect(fs.statSync(path.join(sb.home, "serve")).mode & 0o777).toBe(0o700);
      expect(cli(sb, ["serve", "--stop"]).stdout).toContain("stopped");
      const until = Date.now() + 5000;
      while (Date.now() < until && cli(sb, ["serve", "--status"]).code === 0) await new Promise((r) => setTimeout(r, 100));
      expect(cli(sb, ["serve", "--status"]).code).toBe(1);
    } finally {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  });

  it("is started by the first hook call that finds none, for the calls after it", async () => {
    const sb = sandbox();
    const first = runHook(sb, payload(sb, "Bash", { command: "terraform destroy" }), { INFRAGATE_SERVE_AUTOSTART: "1" });
    expect(first.stdout).toMatch(DENY);
    const until = Date.now() + 15_000;
    while (Date.now() < until && cli(sb, ["serve", "--status"]).code !== 0) await new Promise((r) => setTimeout(r, 100));
    const status = cli(sb, ["serve", "--status"]);
    expect(status.code).toBe(0);
    const pid = Number(/pid (\d+)/.exec(status.stdout)?.[1]);
    try {
      expect(runHook(sb, payload(sb, "Bash", { command: "terraform destroy" })).stdout).toMatch(DENY);
      expect(decisions(sb)).toBe(1);
    } finally {
      process.kill(pid, "SIGTERM");
    }
  });
});

describe("the HTTP listener (Claude Code HTTP hooks)", () => {
  async function httpService(sb: Sandbox): Promise<{ url: string; token: string }> {
    const port = await freePort();
    const token = crypto.randomBytes(32).toString("hex");
    fs.mkdirSync(path.join(sb.home, "serve"), { recursive: true, mode: 0o700 });
    fs.writeFileSync(path.join(sb.home, "serve", "http.json"), JSON.stringify({ port, token }), { mode: 0o600 });
    await startService(sb);
    return { url: `http://127.0.0.1:${port}/infragate/hook/claude-code`, token };
  }

  it("answers the hook JSON to a POST with the user's token, and refuses one without it", async () => {
    const sb = sandbox();
    const { url, token } = await httpService(sb);
    const post = (body: string, headers: Record<string, string>): Promise<Response> => fetch(url, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });
    const destroy = payload(sb, "Bash", { command: "terraform destroy -auto-approve" });
    expect((await post(destroy, {})).status).toBe(403);
    expect((await post(destroy, { "x-infragate-token": "0".repeat(64) })).status).toBe(403);
    const denied = await post(destroy, { "x-infragate-token": token });
    expect(denied.status).toBe(200);
    const body: unknown = await denied.json();
    expect(body).toMatchObject({ hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: "deny" } });
    const allowed = await post(payload(sb, "Bash", { command: "git status" }), { "x-infragate-token": token });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toBe("{}");
    const garbage = await post("not json", { "x-infragate-token": token });
    expect(garbage.status).toBe(200);
    expect(await garbage.text()).toMatch(DENY);
    expect((await fetch(url.replace("/infragate/hook/claude-code", "/"), { method: "GET" })).status).toBe(404);
    // only Claude Code speaks HTTP hooks: another agent's answer shape would not be read as a deny there
    expect((await fetch(url.replace("claude-code", "gemini"), { method: "POST", body: destroy, headers: { "x-infragate-token": token } })).status).toBe(404);
  });
});

describe("a rebuilt infragate under a running service", () => {
  it("hands over to a service of the new build", async () => {
    const sb = sandbox();
    // A copy of the package, so that its build id can change without touching the checkout.
    const pkg = path.join(sb.dir, "pkg");
    const root = path.join(import.meta.dirname, "..", "..");
    for (const d of ["bin", "dist", "hooks", "policies", "schemas"]) fs.cpSync(path.join(root, d), path.join(pkg, d), { recursive: true });
    fs.copyFileSync(path.join(root, "package.json"), path.join(pkg, "package.json"));
    fs.symlinkSync(path.join(root, "node_modules"), path.join(pkg, "node_modules"));
    const bin = path.join(pkg, "bin", "infragate.cjs");
    const run = (args: string[]): { stdout: string; code: number | null } => {
      const r = spawnSync(process.execPath, [bin, ...args], { env: sb.env, cwd: sb.ws, encoding: "utf8", timeout: 30_000 });
      return { stdout: r.stdout, code: r.status };
    };
    const started = run(["serve", "--detach"]);
    const first = Number(/pid (\d+)/.exec(started.stdout)?.[1]);
    fs.writeFileSync(path.join(pkg, "dist", "build-id.txt"), "rebuilt-for-the-test\n");
    let second = first;
    const until = Date.now() + 15_000;
    while (Date.now() < until && (second === first || Number.isNaN(second))) {
      await new Promise((r) => setTimeout(r, 200));
      second = Number(/pid (\d+)/.exec(run(["serve", "--status"]).stdout)?.[1]);
    }
    try {
      expect(second).not.toBe(first);
      expect(Number.isNaN(second)).toBe(false);
    } finally {
      run(["serve", "--stop"]);
      for (const pid of [first, second]) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // gone
        }
      }
    }
  });
});
