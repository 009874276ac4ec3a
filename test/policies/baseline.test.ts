import { describe, expect, it } from "vitest";
import { makeGate } from "../support/gate.js";
import { policyTable } from "../support/policy-table.js";

// policies/baseline.cedar: the block-list baseline, and lines that could not be fully analysed
// (shell.incomplete requests).
const deep = (n: number, inner: string): string => {
  let s = inner;
  for (let i = 0; i < n; i++) s = `eval ${JSON.stringify(s)}`;
  return s;
};

policyTable("policies/baseline.cedar", {
  ask: [
    { cmd: "terraform plan (", by: "baseline.unanalysable-guarded-line" },
    { cmd: "echo 'unterminated", by: "baseline.unanalysable-line" },
    { cmd: "x".repeat(300 * 1024), by: "baseline.unanalysable-line", name: "a 300 KiB command (over the input limit)" },
    { cmd: `terraform plan; ${"#".repeat(300 * 1024)}`, by: "baseline.unanalysable-guarded-line", name: "a 300 KiB command naming terraform" },
  ],
  allow: ["git status", "npm test", "ls -la", deep(3, "ls")],
});

describe("allow-list mode (the baseline permit is left out)", () => {
  const opts = { config: { mode: "allow-list" as const }, userPolicies: '@id("mine.git")\npermit (principal, action, resource == Program::"git");' };
  it("denies what no permit allows, with no policy to name", async () => {
    const r = await makeGate(opts).shell("npm test");
    expect(r.decision).toBe("deny");
    expect(r.policies).toEqual([]);
    expect(r.reason).toContain("no policy permits");
  });
  it("allows what a permit allows", async () => {
    const r = await makeGate(opts).shell("git status");
    expect(r.decision, r.reason).toBe("allow");
  });
  it("an ask-forbid does not turn a missing permit into an ask", async () => {
    const r = await makeGate(opts).shell("$TOOL x");
    expect(r.decision).toBe("deny");
  });
});

describe("baseline.unknown-tool", () => {
  it("asks about a tool infragate does not know whose input names no command or file", async () => {
    const gate = makeGate();
    const r = await gate.run({ kind: "tool", tool: "FancyDeployTool", input: { target: "prod", confirm: true }, cwd: gate.root });
    expect(r.findings.flatMap((f) => f.errors)).toEqual([]);
    expect(r.decision, r.reason).toBe("ask");
    expect(r.policies).toEqual(["baseline.unknown-tool"]);
  });
});

describe("config: disable", () => {
  it("leaves a pack policy out, so what it alone decided is allowed", async () => {
    const gate = makeGate({ config: { disable: ["terraform.apply"] } });
    const r = await gate.shell("terraform apply");
    expect(r.decision, r.reason).toBe("allow");
    const destroy = await gate.shell("terraform destroy");
    expect(destroy.decision).toBe("deny");
  });

  it("names an id the pack does not have as a problem, and the runtime fails closed on it", async () => {
    const { selectPolicies } = await import("../../src/runtime/policies.js");
    const { getSourcePack } = await import("../support/gate.js");
    const { problems } = selectPolicies(getSourcePack(), [], { mode: "block-list", disable: ["terraform.aply"] });
    expect(problems).toEqual(['.infragate/config.json disables "terraform.aply", which is not a policy of the pack']);
  });
});

describe("baseline.known-tool: agent tools that change nothing infragate guards are Cedar requests", () => {
  const webFetch = (root: string) => ({ kind: "tool", tool: "WebFetch", input: { url: "https://example.com" }, cwd: root, category: "web" }) as const;

  it("permits a known tool (tool.use) in block-list mode, answered by the scope shortcut without Cedar", async () => {
    const gate = makeGate();
    const before = gate.fast.stats.cedar;
    const r = await gate.run({ kind: "tool", tool: "TodoWrite", input: { todos: [] }, cwd: gate.root, category: "session" });
    expect(r.findings.flatMap((f) => f.errors)).toEqual([]);
    expect(r.decision, r.reason).toBe("allow");
    expect(r.findings.map((f) => f.action)).toEqual(["tool.use"]);
    const requests = gate.requestsOf(r);
    for (const q of requests) expect(gate.fast.authorize(q).decision).toBe("allow");
    expect(gate.fast.stats.cedar).toBe(before);
  });

  it("permits it in allow-list mode too (the baseline permit-all is left out, this permit is not)", async () => {
    const gate = makeGate({ config: { mode: "allow-list" } });
    const r = await gate.run(webFetch(gate.root));
    expect(r.decision, r.reason).toBe("allow");
  });

  it("a user forbid on the tool by name decides it (allow-list mode and user policies see these tools)", async () => {
    const gate = makeGate({ userPolicies: '@id("mine.no-web")\n@reason("no web access from this project")\nforbid (principal, action == Action::"tool.use", resource == Program::"WebFetch");' });
    const r = await gate.run(webFetch(gate.root));
    expect(r.decision).toBe("deny");
    expect(r.policies).toEqual(["mine.no-web"]);
  });

  it("disabling baseline.known-tool leaves known tools to your own permits in allow-list mode", async () => {
    const gate = makeGate({ config: { mode: "allow-list", disable: ["baseline.known-tool"] } });
    const r = await gate.run(webFetch(gate.root));
    expect(r.decision).toBe("deny");
    expect(r.reason).toContain("no policy permits");
  });
});

// MCP tool calls: the input is read like the agent's own tools (src/decide/mcp-input.ts); a tool that changes
// something with an input infragate cannot read asks.
const STATE = '{"version":4,"serial":1,"lineage":"x","resources":[]}';
policyTable("MCP tool inputs", {
  deny: [
    { mcp: { server: "filesystem", tool: "write_file", input: { path: ".claude/settings.json", content: "{}" } }, by: "self-protection.hook-config" },
    { mcp: { server: "filesystem", tool: "write_file", input: { path: "terraform.tfstate", content: "{}" } }, files: { "terraform.tfstate": STATE }, by: "state.write-state-file" },
    { mcp: { server: "filesystem", tool: "move_file", input: { source: "terraform.tfstate", destination: "old.tfstate" } }, files: { "terraform.tfstate": STATE }, by: "state.delete-state-file" },
    { mcp: { server: "aws-api", tool: "call_aws", input: { cli_command: "aws s3 rm s3://prod-bucket --recursive" } }, by: "aws.s3-bulk-delete" },
    { mcp: { server: "shell", tool: "run_command", input: { command: "terraform destroy -auto-approve" } }, by: "terraform.destroy" },
    { mcp: { server: "shell", tool: "exec", input: { command: ["terraform", "destroy"] } }, by: "terraform.destroy" },
    { mcp: { server: "postgres", tool: "execute_sql", input: { sql: "DROP TABLE users" } }, by: "database.drop" },
  ],
  ask: [
    { mcp: { server: "db", tool: "delete_rows", input: { table: "users", where: "1=1" } }, by: "baseline.mcp-unread-change" },
    { mcp: { server: "cloud", tool: "deploy_service", input: { name: "api" } }, by: "baseline.mcp-unread-change" },
    { mcp: { server: "filesystem", tool: "read_file", input: { path: ".env" } }, by: "secrets.project-secret-read" },
    { mcp: { server: "aws-api", tool: "call_aws", input: { cli_command: "aws eks update-cluster-version --name x --kubernetes-version 1.30" } }, by: "aws.mutation" },
  ],
  allow: [
    { mcp: { server: "filesystem", tool: "read_file", input: { path: "src/app.ts" } } },
    { mcp: { server: "filesystem", tool: "write_file", input: { path: "src/app.ts", content: "x" } } },
    { mcp: { server: "filesystem", tool: "list_directory", input: { path: "." } } },
    { mcp: { server: "docs", tool: "search", input: { query: "how to delete a table" } } },
    { mcp: { server: "aws-api", tool: "call_aws", input: { cli_command: "aws s3 ls s3://bucket" } } },
    { mcp: { server: "github", tool: "get_issue", input: { owner: "o", repo: "r", issue_number: 1 } } },
    { mcp: { server: "postgres", tool: "query", input: { sql: "SELECT count(*) FROM users" } } },
  ],
});
