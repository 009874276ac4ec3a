import { describe, expect, it } from "vitest";
import { isCaptured } from "../../src/clis/cloud/capture.js";
import { coversAdminPort, isWorldRange } from "../../src/clis/cloud/network.js";
import { isStateName, objectOperation, objectUrl, parseObjectUrl, uploadKey } from "../../src/clis/cloud/remote-objects.js";
import type { SimpleCommand } from "../../src/shell/types.js";

function cmd(text: string, wrappers: string[] = []): SimpleCommand {
  return { program: "aws", argv: text.split(" "), env: {}, lineEnv: [], cwd: "/ws", wrappers, depth: 0, stdin: "terminal", unresolved: false, inlineCode: undefined, text };
}

describe("cloud object URLs", () => {
  it.each([
    ["s3://b/k/terraform.tfstate", { store: "s3", bucket: "b", key: "k/terraform.tfstate" }],
    ["gs://b", { store: "gcs", bucket: "b", key: "" }],
    ["gs://b/", { store: "gcs", bucket: "b", key: "" }],
    ["https://acct.blob.core.windows.net/tfstate/prod.tfstate?sv=x", { store: "azure", bucket: "acct/tfstate", key: "prod.tfstate" }],
  ])("%s", (url, ref) => expect(parseObjectUrl(url)).toEqual(ref));
  it("local paths are not objects", () => {
    expect(parseObjectUrl("./terraform.tfstate")).toBeUndefined();
    expect(parseObjectUrl("/tmp/s3://x")).toBeUndefined();
  });
  it("round trip", () => expect(objectUrl({ store: "azure", bucket: "a/c", key: "k" })).toBe("azure://a/c/k"));
});

describe("state names and upload keys", () => {
  it.each([
    ["prod/terraform.tfstate", true],
    ["env:/staging/app.tfstate", true],
    ["x.tfstate.backup", true],
    ["x.tfstate.1712.backup", true],
    ["*.tfstate", true],
    ["prod/default.tflock", false],
    ["site/index.html", false],
  ])("%s -> %s", (key, yes) => expect(isStateName(key)).toBe(yes));
  it("a prefix destination takes the source's name", () => {
    expect(uploadKey("prod/", "./old.tfstate", false)).toBe("prod/old.tfstate");
    expect(uploadKey("", "a/b.tfstate", false)).toBe("b.tfstate");
    expect(uploadKey("prod/x", "a.txt", false)).toBe("prod/x");
    expect(uploadKey("prod", "dir/", true)).toBe("prod/dir");
  });
  it("an object request starts with no backend facts", () => {
    const op = objectOperation(cmd("aws s3 rm s3://b/k.tfstate"), "aws s3 rm", { op: "delete", ref: { store: "s3", bucket: "b", key: "k.tfstate" }, recursive: false });
    expect(op).toMatchObject({ action: "object.delete", resource: { type: "StoredObject", url: "s3://b/k.tfstate" }, context: { stateName: true, backendState: false, known: true } });
  });
});

describe("network ranges and ports", () => {
  it.each([["0.0.0.0/0", true], ["::/0", true], ["*", true], ["Internet", true], ["10.0.0.0/8", false], ["35.235.240.0/20", false]])("%s world: %s", (r, w) =>
    expect(isWorldRange(r)).toBe(w),
  );
  it.each([["22", true], ["20-30", true], ["80,3389", true], ["*", true], ["", true], ["443", false], ["8000-9000", false]])("ports %s admin: %s", (p, a) =>
    expect(coversAdminPort(p)).toBe(a),
  );
});

describe("captured output", () => {
  it("inside $(...) or backticks", () => {
    expect(isCaptured(cmd("gcloud auth print-access-token", ["$(...)"]))).toBe(true);
    expect(isCaptured(cmd("gcloud auth print-access-token", ["sudo"]))).toBe(false);
  });
});
