import { describe, expect, it } from "vitest";
import { isCaptured } from "../../src/clis/printers.js";
import { cmd as command } from "../support/interpreter-table.js";

const cmd = (text: string, wrappers: string[] = []) => command(text, { program: "aws", wrappers });

describe("captured output", () => {
  it("inside $(...) or backticks", () => {
    expect(isCaptured(cmd("gcloud auth print-access-token", ["$(...)"]))).toBe(true);
    expect(isCaptured(cmd("gcloud auth print-access-token", ["sudo"]))).toBe(false);
  });
});
