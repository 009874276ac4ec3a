/** interpretFileTool: extraction (tar x, unzip, 7z x|e) and (de)compressors. An extraction is a write on
 *  the destination directory carrying the archive; members given on the command line are kept. */
import { describe, expect, it } from "vitest";
import { interpretFileTool } from "../../src/clis/file-tools/index.js";
import { none as noneOf, sc, t as tOf } from "./file-tools-cases.js";

const t = (line: string, has: readonly string[], not: readonly string[] = []): void => tOf(interpretFileTool, line, has, not);
const none = (line: string): void => noneOf(interpretFileTool, line);

describe("tar", () => {
  t("tar xzf old.tgz", ["write . <old.tgz>", "read old.tgz"]);
  t("tar xvf old.tar", ["write . <old.tar>"]);
  t("tar -xzf old.tgz", ["write . <old.tgz>"]);
  t("tar --extract --file=old.tar", ["write . <old.tar>"]);
  t("tar --extract --file old.tar --directory infra", ["write infra <old.tar>"]);
  t("tar -C infra -xf a.tar", ["write infra <a.tar>"]);
  t("tar xf a.tar -C /tmp/out", ["write /tmp/out <a.tar>"]);
  t("tar xzfC a.tgz infra", ["write infra <a.tgz>"]);
  t("tar -x -f a.tar terraform.tfstate .terraform", ["write . <a.tar> [terraform.tfstate,.terraform]"]);
  t("tar xz", ["write . <(stdin)>"]);
  t("tar -xf -", ["write . <(stdin)>"]);
  t("tar czf out.tgz dist", ["write out.tgz", "read dist"], ["write ."]);
  t("tar -cf backup.tar -C infra terraform.tfstate", ["read infra/terraform.tfstate", "write backup.tar"]);
  none("tar tzf old.tgz");
  none("tar -tvf old.tar");
  none("tar -xOf a.tar terraform.tfstate");
  it("TAPE names the archive when -f is absent", () => {
    const files = interpretFileTool(sc("tar x", { env: { TAPE: "/ws/t.tar" } })).files;
    expect(files[0]).toMatchObject({ op: "write", path: "/ws", archive: "/ws/t.tar", membersKnown: false, via: "tar x" });
  });
});

describe("unzip / 7z", () => {
  t("unzip -o state.zip", ["write . <state.zip>", "read state.zip"]);
  t("unzip state.zip -d infra", ["write infra <state.zip>"]);
  t("unzip -qo -d infra state.zip terraform.tfstate", ["write infra <state.zip> [terraform.tfstate]"]);
  t("unzip a.zip '*.tf' -x '*.tfstate'", ["write . <a.zip> [*.tf]"]);
  t("unzip -l state.zip", ["read state.zip"], ["write . <state.zip>"]);
  t("unzip -p state.zip terraform.tfstate", ["read state.zip"], ["write . <state.zip>"]);
  none("unzip");
  t("7z x a.7z -oinfra", ["write infra <a.7z>"]);
  t("7za x -y a.zip", ["write . <a.zip>"]);
  t("7z e a.7z -o. deep/terraform.tfstate", ["write . <a.7z> [terraform.tfstate]"]);
  t("7z a backup.7z infra", ["write backup.7z", "read infra"]);
  t("7z l a.7z", ["read a.7z"], ["write . <a.7z>"]);
});

describe("compressors", () => {
  t("gunzip terraform.tfstate.gz", ["write terraform.tfstate", "delete terraform.tfstate.gz"]);
  t("gzip -d backup.tfstate.gz", ["write backup.tfstate"]);
  t("gunzip -k s.tfstate.gz", ["write s.tfstate"], ["delete s.tfstate.gz"]);
  t("gzip terraform.tfstate", ["write terraform.tfstate.gz", "delete terraform.tfstate"]);
  t("gzip -c terraform.tfstate", ["read terraform.tfstate"], ["delete terraform.tfstate"]);
  t("bunzip2 old.tbz2", ["write old.tar"]);
  t("unxz .env.xz", ["write .env"]);
  t("zstd -d s.tfstate.zst", ["write s.tfstate"], ["delete s.tfstate.zst"]);
  t("zstd -d --rm s.tfstate.zst", ["delete s.tfstate.zst"]);
  t("zstd -d a.zst -o terraform.tfstate", ["write terraform.tfstate"]);
});
