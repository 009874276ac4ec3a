/** Two facts the secret printers read: where a command's output is piped (stdoutTo) and which values of a
 *  sourced dotenv file it carries in its words (dotenvArgs). */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diskScriptReader } from "../../src/enrich/script-files.js";
import { analyze } from "./helpers.js";
import { tempDir } from "../support/temp.js";

const WS = tempDir("infragate-dotenv-");
fs.writeFileSync(path.join(WS, ".env"), "DATABASE_URL=postgres://u:pw@db/app\nexport API_KEY=sk-12345\nX=1\n");
fs.writeFileSync(path.join(WS, "vars.sh"), "APP=shop\n");
afterAll(() => fs.rmSync(WS, { recursive: true, force: true }));

function command(source: string, program: string) {
  return analyze(source, { cwd: WS, scripts: diskScriptReader }).commands.find((c) => c.program === program);
}

describe("stdoutTo", () => {
  it("is the words of the next element of a pipeline", () => {
    expect(command("aws ecr get-login-password | docker login -u AWS --password-stdin r", "aws")?.stdoutTo).toEqual(["docker", "login", "-u", "AWS", "--password-stdin", "r"]);
  });
  it("is absent for the last element and outside pipelines", () => {
    expect(command("aws ecr get-login-password | docker login --password-stdin r", "docker")?.stdoutTo).toBeUndefined();
    expect(command("aws ecr get-login-password && docker login r", "aws")?.stdoutTo).toBeUndefined();
  });
});

describe("dotenvArgs", () => {
  it("names the dotenv values a later command carries", () => {
    expect(command("source .env && echo $DATABASE_URL", "echo")?.dotenvArgs).toEqual(["DATABASE_URL"]);
    expect(command(". ./.env; printf '%s' \"$API_KEY\"", "printf")?.dotenvArgs).toEqual(["API_KEY"]);
  });
  it("is absent when the values are not in the words, or the file is not a dotenv file", () => {
    expect(command("source .env && echo done", "echo")?.dotenvArgs).toBeUndefined();
    expect(command("source vars.sh && echo $APP", "echo")?.dotenvArgs).toBeUndefined();
  });
});

describe("bind mounts", () => {
  it("docker run -v / --mount give the container's host paths", () => {
    const cmd = analyze("docker run --rm -v ~/.aws:/root/.aws:ro -v data:/data --mount type=bind,source=./src,target=/app alpine cat x", {
      cwd: "/ws",
      env: { HOME: "/home/u" },
    }).commands.find((c) => c.program === "cat");
    expect(cmd?.mounts).toEqual([
      { host: "/home/u/.aws", container: "/root/.aws" },
      { host: "/ws/src", container: "/app" },
    ]);
  });
  it("-w inside a mount is the host folder", () => {
    const cmd = analyze("docker run -v $PWD:/src -w /src/app alpine cat .env", { cwd: "/ws" }).commands.find((c) => c.program === "cat");
    expect(cmd?.cwd).toBe("/ws/app");
  });
  it("hostPathOf maps the longest mount, and leaves other paths", async () => {
    const { hostPathOf } = await import("../../src/shell/mounts.js");
    const mounts = [{ host: "/h", container: "/c" }, { host: "/k", container: "/c/kube" }];
    expect(hostPathOf("/c/kube/config", mounts)).toBe("/k/config");
    expect(hostPathOf("/c/x", mounts)).toBe("/h/x");
    expect(hostPathOf("/c", mounts)).toBe("/h");
    expect(hostPathOf("/etc/passwd", mounts)).toBe("/etc/passwd");
  });
});
