/** Container volumes (docs/clis/containers.md): the docker / podman / compose calls that delete volumes are
 *  container.volume-delete requests; every other container command yields nothing here. */
import type { SimpleCommand } from "../../shell/types.js";
import type { CliDescriptor } from "../descriptor.js";
import { splitWords } from "../migrations/operation.js";
import type { Interpretation, Interpreter, Operation } from "../types.js";

const NONE: Interpretation = { operations: [], files: [] };
const DOCKER_GLOBAL_VALUED = new Set(["H", "host", "context", "c", "config", "log-level", "l", "tlscacert", "tlscert", "tlskey", "url", "connection", "namespace", "n", "address", "a"]);
const COMPOSE_GLOBAL_VALUED = new Set(["f", "file", "p", "project-name", "profile", "env-file", "project-directory", "ansi", "parallel", "progress"]);

interface Found {
  readonly subcommand: string;
  readonly flags: readonly string[];
  readonly volumes?: readonly string[];
  readonly project?: string;
}

function operation(cmd: SimpleCommand, f: Found): Operation {
  const flags = [...new Set(f.flags)].sort();
  return {
    action: "container.volume-delete",
    resource: { type: "Program", name: cmd.program },
    context: {
      tool: cmd.program,
      command: cmd.text,
      cwd: cmd.cwd,
      subcommand: f.subcommand,
      flags,
      volumes: [...(f.volumes ?? [])],
      project: f.project ?? cmd.env.COMPOSE_PROJECT_NAME ?? "",
      wrappers: [...cmd.wrappers],
      depth: cmd.depth,
    },
    summary: `${cmd.program} ${f.subcommand}${f.volumes && f.volumes.length > 0 ? ` ${f.volumes.join(" ")}` : ""}${flags.length ? ` (${flags.join(", ")})` : ""}`,
  };
}

const FLAG_NAMES: Readonly<Record<string, string>> = { v: "volumes", volumes: "volumes", a: "all", all: "all", f: "force", force: "force" };

function normFlags(flags: readonly string[]): string[] {
  const out: string[] = [];
  for (const f of flags) {
    // Short clusters (`-fv`) count letter by letter.
    const names = f.length > 1 && !FLAG_NAMES[f] && /^[a-z]+$/.test(f) && f.length <= 4 ? [...f] : [f];
    for (const n of names) if (FLAG_NAMES[n]) out.push(FLAG_NAMES[n]);
  }
  return out;
}

/** `compose [global options] down|rm [options]`. */
function compose(words: readonly string[]): Found | undefined {
  const { values, positionals } = splitWords(words, COMPOSE_GLOBAL_VALUED);
  const sub = positionals[0];
  const at = words.indexOf(sub ?? "");
  const rest = at >= 0 ? words.slice(at + 1) : [];
  const { flags } = splitWords(rest, new Set(["t", "timeout", "rmi"]));
  const norm = normFlags(flags);
  const project = values.get("p") ?? values.get("project-name");
  if ((sub === "down" || sub === "rm") && norm.includes("volumes")) return { subcommand: `compose ${sub}`, flags: norm, ...(project ? { project } : {}) };
  return undefined;
}

function docker(words: readonly string[]): Found | undefined {
  const { positionals } = splitWords(words, DOCKER_GLOBAL_VALUED);
  const [first = "", second = ""] = positionals;
  const at = words.indexOf(first);
  const after = words.slice(at + 1);
  if (first === "compose") return compose(after);
  if (first === "volume" && ["rm", "remove", "prune"].includes(second)) {
    const rest = after.slice(after.indexOf(second) + 1);
    const { flags, positionals: vols } = splitWords(rest, new Set(["filter"]));
    return { subcommand: `volume ${second === "remove" ? "rm" : second}`, flags: normFlags(flags), volumes: vols };
  }
  if (first === "system" && second === "prune") {
    const { flags } = splitWords(after.slice(after.indexOf(second) + 1), new Set(["filter"]));
    const norm = normFlags(flags);
    return norm.includes("volumes") ? { subcommand: "system prune", flags: norm } : undefined;
  }
  if (first === "rm" || (first === "container" && (second === "rm" || second === "remove"))) {
    const rest = first === "rm" ? after : after.slice(after.indexOf(second) + 1);
    const { flags, positionals: ctrs } = splitWords(rest);
    const norm = normFlags(flags);
    return norm.includes("volumes") ? { subcommand: "rm", flags: norm, volumes: ctrs } : undefined;
  }
  return undefined;
}

export const interpretContainer: Interpreter = (cmd: SimpleCommand): Interpretation => {
  const words = cmd.argv.slice(1);
  if (words.some((w) => w === "--help" || w === "-h")) return NONE;
  const found = cmd.program === "docker-compose" || cmd.program === "podman-compose" ? compose(words) : docker(words);
  return found ? { operations: [operation(cmd, found)], files: [] } : NONE;
};

export const containersCli: CliDescriptor = {
  name: "containers",
  names: { programs: ["docker", "podman", "nerdctl", "finch", "docker-compose", "podman-compose"] },
  guarded: false,
  interpret: interpretContainer,
};
