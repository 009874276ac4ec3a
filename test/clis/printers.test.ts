import { describe, expect, it } from "vitest";
import { isCaptured } from "../../src/clis/printers.js";
import type { SimpleCommand } from "../../src/shell/types.js";

function cmd(text: string, wrappers: string[] = []): SimpleCommand {
  return { program: "aws", argv: text.split(" "), env: {}, lineEnv: [], cwd: "/ws", wrappers, depth: 0, stdin: "terminal", unresolved: false, inlineCode: undefined, text };
}

describe("captured output", () => {
  it("inside $(...) or backticks", () => {
    expect(isCaptured(cmd("gcloud auth print-access-token", ["$(...)"]))).toBe(true);
    expect(isCaptured(cmd("gcloud auth print-access-token", ["sudo"]))).toBe(false);
  });
});
