/** `install claude-code --http`: the HTTP handler with the user's secret and onFailure block, the SessionStart
 *  starter, a private settings file; idempotent; switching back and uninstalling leave nothing of ours. */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, cli, sandbox } from "./support.js";

afterEach(cleanup);

function json(file: string): Record<string, unknown> {
  const v: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
  if (!v || typeof v !== "object" || Array.isArray(v)) throw new Error(`${file} is not an object`);
  return v as Record<string, unknown>;
}

describe("install claude-code --http", () => {
  it("writes the HTTP hook and the service starter to .claude/settings.local.json, 0600", () => {
    const sb = sandbox();
    const r = cli(sb, ["install", "claude-code", "--http", "--port", "24567", "--dir", sb.ws]);
    expect(r.code, r.stderr).toBe(0);
    const file = path.join(sb.ws, ".claude", "settings.local.json");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const http = json(path.join(sb.home, "serve", "http.json"));
    expect(http.port).toBe(24567);
    expect(fs.statSync(path.join(sb.home, "serve", "http.json")).mode & 0o777).toBe(0o600);
    expect(json(file).hooks).toMatchObject({
      PreToolUse: [{ matcher: "*", hooks: [{ type: "http", url: "http://127.0.0.1:24567/infragate/hook/claude-code", headers: { "x-infragate-token": http.token }, timeout: 30, onFailure: "block" }] }],
      SessionStart: [{ hooks: [{ type: "command", command: expect.stringMatching(/bin\/infragate\.cjs'? serve --detach --quiet$/), timeout: 15 }] }],
    });
    // session memory of what ran still comes from PostToolUse, through the thin client (a warm service answers it)
    expect(JSON.stringify(json(file).hooks)).toMatch(/"PostToolUse":\[\{"matcher":"[^"]*Bash[^"]*","hooks":\[\{"type":"command","command":"[^"]*infragate-hook/);
    // the project's shared settings get nothing (the secret must not be committed)
    expect(fs.existsSync(path.join(sb.ws, ".claude", "settings.json"))).toBe(false);
    const again = cli(sb, ["install", "claude-code", "--http", "--port", "24567", "--dir", sb.ws, "--json"]);
    expect(again.stdout).toContain('"changed":false');
    // doctor knows the HTTP hook (and not the starter) as the installed gate, and sees the service is down
    const doctor = cli(sb, ["doctor", "--dir", sb.ws]);
    expect(doctor.stdout).toMatch(/pass +claude-code +hook installed for PreToolUse\b/);
    expect(doctor.stdout).toMatch(/warn +claude-code +the decision service at http:\/\/127\.0\.0\.1:24567\/infragate\/hook\/claude-code does not answer/);
  });

  it("switching back to the command hook removes the HTTP one, and uninstall removes both", () => {
    const sb = sandbox();
    expect(cli(sb, ["install", "claude-code", "--http", "--dir", sb.ws]).code).toBe(0);
    const local = path.join(sb.ws, ".claude", "settings.local.json");
    fs.writeFileSync(local, JSON.stringify({ ...json(local), permissions: { allow: ["Bash(npm test)"] } }));
    expect(cli(sb, ["install", "claude-code", "--dir", sb.ws]).code).toBe(0);
    expect(json(local)).toEqual({ permissions: { allow: ["Bash(npm test)"] } });
    expect(JSON.stringify(json(path.join(sb.ws, ".claude", "settings.json")))).toContain("infragate-hook");
    expect(cli(sb, ["install", "claude-code", "--http", "--dir", sb.ws]).code).toBe(0);
    expect(cli(sb, ["uninstall", "claude-code", "--dir", sb.ws]).code).toBe(0);
    expect(json(local)).toEqual({ permissions: { allow: ["Bash(npm test)"] } });
    expect(fs.existsSync(path.join(sb.ws, ".claude", "settings.json"))).toBe(false);
  });

  it("refuses --http for agents without HTTP hooks, and a bad port", () => {
    const sb = sandbox();
    expect(cli(sb, ["install", "gemini", "--http", "--dir", sb.ws]).stderr).toContain("--http is for agents with HTTP hooks");
    expect(cli(sb, ["install", "claude-code", "--port", "80", "--dir", sb.ws]).code).toBe(2);
  });
});
