import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { analyze } from "./helpers.js";

/** `bash -c '<inner>'` with single quotes escaped the POSIX way ('\'' ). */
function bashC(inner: string): string {
  return `bash -c '${inner.split("'").join("'\\''")}'`;
}

function nestBashC(levels: number): string {
  let s = "terraform destroy";
  for (let i = 0; i < levels; i++) s = bashC(s);
  return s;
}

describe("nesting limit", () => {
  it("follows nesting up to maxDepth", () => {
    const a = analyze(nestBashC(5));
    expect(a.problems).toEqual([]);
    expect(a.commands[0]).toMatchObject({ program: "terraform", depth: 5 });
  });
  it("stops past maxDepth with a problem naming the limit and an unresolved command", () => {
    const a = analyze(nestBashC(6), { maxDepth: 3 });
    expect(a.problems).toContain("nesting deeper than 3 levels");
    expect(a.commands).toHaveLength(1);
    expect(a.commands[0]).toMatchObject({ program: "bash", depth: 3, unresolved: true });
  });
  it("200 levels of eval: a problem, no crash", () => {
    const a = analyze(`${"eval ".repeat(200)}terraform destroy`);
    expect(a.problems).toContain("nesting deeper than 32 levels");
    expect(a.commands.at(-1)).toMatchObject({ unresolved: true, depth: 32 });
  });
  it("200 levels of bash reading a heredoc: a problem, no crash", () => {
    let s = "terraform destroy";
    for (let i = 0; i < 200; i++) s = `bash <<'E${i}'\n${s}\nE${i}`;
    const a = analyze(s);
    expect(a.problems).toContain("nesting deeper than 32 levels");
    expect(a.commands).toHaveLength(1);
    expect(a.commands[0]).toMatchObject({ program: "bash", depth: 32, unresolved: true, stdin: "heredoc" });
  });
  it("200 levels of quoted bash -c cannot fit in 256 KiB: the input limit reports it", () => {
    let s = "terraform destroy";
    let levels = 0;
    while (s.length <= 256 * 1024 && levels < 200) {
      s = bashC(s);
      levels++;
    }
    expect(levels).toBeLessThan(200);
    const a = analyze(s, { maxDepth: 200 });
    expect(a.problems[0]).toMatch(/256 KiB/);
  });
  it("bash -c nested until the quoting reaches the input limit: no crash", () => {
    let s = "terraform destroy";
    let levels = 0;
    while (bashC(s).length < 200 * 1024) {
      s = bashC(s);
      levels++;
    }
    const a = analyze(s, { maxDepth: 200 });
    expect(levels).toBeGreaterThan(5);
    expect(a.commands[0]).toMatchObject({ program: "terraform", depth: levels });
  });
  it("200 nested $(...): a problem, no crash", () => {
    const a = analyze(`echo ${"$(".repeat(200)}terraform destroy${")".repeat(200)}`);
    expect(a.problems.length).toBeGreaterThan(0);
  });
  it("deeply nested subshells and groups are walked", () => {
    const a = analyze(`${"( ".repeat(100)}terraform destroy${" )".repeat(100)}`);
    expect(a.commands.map((c) => c.program)).toContain("terraform");
  });
});

describe("input limits and parse errors", () => {
  it("does not parse input over 256 KiB", () => {
    const a = analyze("echo " + "x".repeat(256 * 1024));
    expect(a.commands).toEqual([]);
    expect(a.problems[0]).toMatch(/256 KiB/);
  });
  it("a parse error is a problem; the recovered commands are still reported", () => {
    const a = analyze("terraform destroy; if then fi (");
    expect(a.problems.length).toBeGreaterThan(0);
    expect(a.problems[0]).toMatch(/parse error/);
    expect(a.commands[0]).toMatchObject({ program: "terraform" });
  });
  it("an unterminated quote is a problem", () => {
    expect(analyze("terraform destroy 'oops").problems.length).toBeGreaterThan(0);
  });
  it("a parse error inside bash -c is a problem", () => {
    expect(analyze("bash -c 'terraform destroy; (('").problems.some((p) => p.includes("nested"))).toBe(true);
  });
  it("a parse error inside $(...) is a problem", () => {
    expect(analyze("echo $(if; then)").problems.length).toBeGreaterThan(0);
  });
  it("empty input and comments yield nothing", () => {
    expect(analyze("")).toEqual({ commands: [], files: [], problems: [], exported: {} });
    expect(analyze("   # just a comment\n").commands).toEqual([]);
  });
});

describe("robustness", () => {
  it("never throws on arbitrary input", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const a = analyze(s);
        expect(Array.isArray(a.commands)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
  it("never throws on shell-ish token soup", () => {
    const token = fc.constantFrom("bash", "-c", "'", '"', "$(", ")", "`", "|", "&&", ";", "<<EOF\n", "EOF\n", "<<<", "eval", "sudo", "xargs",
      "find", "-exec", "\\;", "{", "}", "(", "cd", "x", "$X", "${X:-y}", "terraform", "destroy", "\n", "=", "export", "T=1", ">", "<", "2>&1");
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), (tokens) => {
        const a = analyze(tokens.join(" "));
        expect(Array.isArray(a.problems)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
  it("analyses a large script quickly", () => {
    const line = "cd /srv/infra && TF_X=1 sudo terraform plan -out=p | tee log > out.txt; echo $(date) \"$HOME\"\n";
    const src = line.repeat(Math.floor((200 * 1024) / line.length));
    const start = performance.now();
    const a = analyze(src);
    const ms = performance.now() - start;
    expect(a.commands.length).toBeGreaterThan(1000);
    // A guard against super-linear blowup on a loaded CI box, not a benchmark (see bench/ for latency).
    expect(ms).toBeLessThan(10_000);
  });
  it("fan-out is bounded", () => {
    const a = analyze(`echo {1..64}{1..64}{1..64}`);
    expect(a.commands.length).toBe(1);
  });
});
