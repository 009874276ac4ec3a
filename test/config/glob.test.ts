/** src/config/glob.ts: the config stacks' globs. `dir/**` labels `dir` itself too (the usual layout has the
 *  Terraform root at infra/prod, not below it). */
import { describe, expect, it } from "vitest";
import { matchesGlob } from "../../src/config/glob.js";

describe("matchesGlob", () => {
  it.each([
    ["infra/prod", "infra/prod/**", true],
    ["infra/prod/main.tf", "infra/prod/**", true],
    ["infra/prod/modules/vpc", "infra/prod/**", true],
    ["infra/prod", "infra/prod/", true],
    ["infra/prod", "infra/prod", true],
    ["infra/prod/x", "infra/prod", true],
    ["infra/prod", "infra/*/**", true],
    ["infra/staging", "infra/prod/**", false],
    ["infra/production", "infra/prod/**", false],
    ["infra", "infra/prod/**", false],
    ["apps/prod", "**/prod", true],
  ])("%s ~ %s -> %s", (rel, glob, expected) => {
    expect(matchesGlob(rel, glob)).toBe(expected);
  });
});
