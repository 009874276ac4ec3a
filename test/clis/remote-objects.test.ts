import { describe, expect, it } from "vitest";
import { downloadEffects, isStateName, objectOperation, objectUrl, parseObjectUrl, uploadKey } from "../../src/clis/remote-objects.js";
import { cmd as command } from "../support/interpreter-table.js";

const cmd = (text: string, wrappers: string[] = []) => command(text, { program: "aws", wrappers });

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

describe("download destinations", () => {
  it("a certain directory (., trailing /) gets dir/<name>; another word is the file, or dir/<name> if it is a directory", () => {
    expect(downloadEffects(cmd("x"), ".", ["terraform.tfstate"], "v").map((f) => [f.path, f.ifDirectory])).toEqual([["/ws/terraform.tfstate", undefined]]);
    expect(downloadEffects(cmd("x"), "infra/", ["a.tfstate"], "v").map((f) => [f.path, f.ifDirectory])).toEqual([["/ws/infra/a.tfstate", undefined]]);
    expect(downloadEffects(cmd("x"), "backup", ["terraform.tfstate"], "v").map((f) => [f.path, f.ifDirectory])).toEqual([
      ["/ws/backup", undefined],
      ["/ws/backup/terraform.tfstate", "/ws/backup"],
    ]);
  });
});
