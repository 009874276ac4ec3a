/** The container-volume interpreter (src/clis/containers/): which calls delete volumes, and their facts. */
import { describe, expect, it } from "vitest";
import { interpretContainer } from "../../src/clis/containers/index.js";
import { PROGRAM_NAMES } from "../../src/clis/registry.js";
import type { Operation } from "../../src/clis/types.js";
import { analyzeShell } from "../../src/shell/analyze.js";
import { factsOf } from "../support/facts.js";

function ops(line: string, env: Record<string, string> = {}): Operation[] {
  return analyzeShell(line, { cwd: "/ws", env, names: PROGRAM_NAMES }).commands.flatMap((c) => interpretContainer(c).operations);
}

describe("container volume deletes", () => {
  it.each([
    ["docker compose down -v", "compose down", ["volumes"]],
    ["docker compose -p shop down --volumes", "compose down", ["volumes"]],
    ["docker-compose down -v --rmi all", "compose down", ["volumes"]],
    ["docker compose rm -fsv", "compose rm", ["force", "volumes"]],
    ["docker volume rm pgdata redisdata", "volume rm", []],
    ["docker volume remove pgdata", "volume rm", []],
    ["docker volume prune -af", "volume prune", ["all", "force"]],
    ["docker system prune --volumes", "system prune", ["volumes"]],
    ["docker rm -v db", "rm", ["volumes"]],
    ["docker container rm --volumes db", "rm", ["volumes"]],
    ["nerdctl volume rm pgdata", "volume rm", []],
  ] as const)("%s", (line, subcommand, flags) => {
    const [op] = ops(line);
    expect(op?.action).toBe("container.volume-delete");
    expect(factsOf(op).subcommand).toBe(subcommand);
    expect(factsOf(op).flags).toEqual([...flags].sort());
  });

  it("names the volumes and the compose project", () => {
    expect(factsOf(ops("docker volume rm pgdata redisdata")[0]).volumes).toEqual(["pgdata", "redisdata"]);
    expect(factsOf(ops("docker compose -p shop down -v")[0]).project).toBe("shop");
    expect(factsOf(ops("docker compose down -v", { COMPOSE_PROJECT_NAME: "app" })[0]).project).toBe("app");
  });

  it.each(["docker compose down", "docker compose down --remove-orphans", "docker system prune -af", "docker volume ls", "docker volume create x", "docker rm -f web", "docker compose up -d", "docker volume rm --help"])(
    "%s deletes no volume",
    (line) => expect(ops(line)).toEqual([]),
  );
});
