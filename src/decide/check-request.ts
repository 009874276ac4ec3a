/** `check --jsonl` requests: Claude Code's tool names and fields. The schema is the type. */
import path from "node:path";
import { z } from "zod";
import { DecisionSchema } from "../util/decision.js";
import type { GateAction } from "./action.js";

const Cwd = z.string().min(1).optional().describe("absolute working directory (default: the process's cwd)");
const FilePath = z.string().min(1).describe("the file; relative paths resolve against cwd");
const Session = z
  .string()
  .min(1)
  .optional()
  .describe("agent session id: requests with the same id share session memory; without one a request is independent");

export const CheckRequest = z.discriminatedUnion("tool", [
  z.object({ tool: z.literal("Bash"), command: z.string(), cwd: Cwd, session: Session }),
  z.object({ tool: z.literal("Write"), file_path: FilePath, content: z.string().optional(), cwd: Cwd, session: Session }),
  z.object({
    tool: z.literal("Edit"),
    file_path: FilePath,
    old_string: z.string().optional(),
    new_string: z.string().optional(),
    replace_all: z.boolean().optional(),
    cwd: Cwd,
    session: Session,
  }),
  z.object({ tool: z.literal("Read"), file_path: FilePath, offset: z.number().optional(), limit: z.number().optional(), cwd: Cwd, session: Session }),
]);
export type CheckRequest = z.infer<typeof CheckRequest>;

export const CheckAnswer = z.object({
  decision: DecisionSchema,
  policies: z.array(z.string()).optional(),
  reason: z.string().optional(),
  error: z.string().optional(),
});
export type CheckAnswer = z.infer<typeof CheckAnswer>;

export function requestToAction(req: CheckRequest, processCwd: string): GateAction {
  const cwd = path.resolve(processCwd, req.cwd ?? ".");
  switch (req.tool) {
    case "Bash":
      return { kind: "shell", command: req.command, cwd, tool: "Bash" };
    case "Write":
    case "Edit":
      return { kind: "file", op: "write", path: path.resolve(cwd, req.file_path), cwd, tool: req.tool };
    case "Read":
      return { kind: "file", op: "read", path: path.resolve(cwd, req.file_path), cwd, tool: "Read" };
  }
}
