import { describe, expect, it } from "vitest";
import { coversAdminPort, isWorldRange } from "../../src/clis/network-rules.js";

describe("network ranges and ports", () => {
  it.each([["0.0.0.0/0", true], ["::/0", true], ["*", true], ["Internet", true], ["10.0.0.0/8", false], ["35.235.240.0/20", false]])("%s world: %s", (r, w) =>
    expect(isWorldRange(r)).toBe(w),
  );
  it.each([["22", true], ["20-30", true], ["80,3389", true], ["*", true], ["", true], ["443", false], ["8000-9000", false]])("ports %s admin: %s", (p, a) =>
    expect(coversAdminPort(p)).toBe(a),
  );
});
