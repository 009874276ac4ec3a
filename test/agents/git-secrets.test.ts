/** The added-line scanner behind `infragate hook git`. */
import { describe, expect, it } from "vitest";
import { addedLines, scanDiff, scanLine } from "../../src/clis/git/staged-secrets.js";

describe("secret-looking values", () => {
  const cases: [string, string | undefined][] = [
    ['aws_access_key_id = "AKIAQWERTYUIOPASDFGH"', "aws-access-key-id"],
    ["ASIAQWERTYUIOPASDFGH", "aws-access-key-id"],
    ["-----BEGIN RSA PRIVATE KEY-----", "private-key"],
    ["-----BEGIN OPENSSH PRIVATE KEY-----", "private-key"],
    ["aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzzzzzzzzz", "aws-secret-access-key"],
    [`token: ghp_${"a".repeat(36)}`, "github-token"],
    ["xoxb-1234567890-abcdefghij", "slack-token"],
    [`AIza${"B".repeat(35)}`, "google-api-key"],
    [`sk_live_${"a1".repeat(12)}`, "stripe-live-key"],
    ["-----BEGIN PUBLIC KEY-----", undefined],
    ["AKIAQWERTYUIOPASDFGHJKL (too long)", undefined],
    ["const x = 1", undefined],
  ];
  for (const [line, kind] of cases) {
    it(`${line.slice(0, 40)} -> ${kind ?? "nothing"}`, () => {
      const hits = scanLine("f", 1, line);
      expect(hits[0]?.kind).toBe(kind);
      for (const h of hits) expect(h.preview).toContain("[REDACTED]");
    });
  }
  it("marks documented placeholders", () => {
    expect(scanLine("f", 1, "AKIAIOSFODNN7EXAMPLE")[0]?.placeholder).toBe(true);
    expect(scanLine("f", 1, "AKIAQWERTYUIOPASDFGH")[0]?.placeholder).toBe(false);
  });
  it("never shows the value", () => {
    expect(scanLine("f", 1, "key=AKIAQWERTYUIOPASDFGH")[0]?.preview).not.toContain("QWERTYUIOPASDFGH");
  });
});

describe("added lines from git diff -U0", () => {
  const diff = [
    "diff --git a/a.tf b/a.tf",
    "--- a/a.tf",
    "+++ b/a.tf",
    "@@ -3,0 +4,2 @@",
    "+one",
    "+AKIAQWERTYUIOPASDFGH",
    "@@ -10 +12 @@",
    "-old",
    "+new",
    "diff --git a/b c.txt b/b c.txt",
    "new file mode 100644",
    "--- /dev/null",
    "+++ b/b c.txt\t",
    "@@ -0,0 +1 @@",
    "+x",
  ].join("\n");
  it("numbers lines on the new side and reads names with spaces", () => {
    expect(addedLines(diff)).toEqual([
      { file: "a.tf", line: 4, text: "one" },
      { file: "a.tf", line: 5, text: "AKIAQWERTYUIOPASDFGH" },
      { file: "a.tf", line: 12, text: "new" },
      { file: "b c.txt", line: 1, text: "x" },
    ]);
    expect(scanDiff(diff).map((h) => `${h.file}:${h.line}:${h.kind}`)).toEqual(["a.tf:5:aws-access-key-id"]);
  });
});
