/**
 * A scripted stand-in for the OpenAI Chat Completions API on 127.0.0.1 (streamed), for Copilot CLI and
 * OpenCode (research/agent-e2e.md): each request that offers tools gets the next planned tool call as SSE
 * chunks; the `role: "tool"` messages that come back are recorded by tool_call_id; requests without tools (a
 * title) and the turn after the plan is spent get a text answer.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface PlannedToolCall {
  readonly name: string;
  readonly args: Record<string, unknown> | string;
}

export interface FakeChat {
  /** The base URL, ending in /v1. */
  readonly url: string;
  /** tool_call_id -> the tool message content the agent sent back. */
  readonly results: Map<string, string>;
  /** tool_call_id -> the planned call, in plan order. */
  readonly calls: Map<string, PlannedToolCall>;
  offeredTools(): string[];
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

function contentText(v: unknown): string {
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return v.map((x) => (x && typeof x === "object" && "text" in x ? String((x as Json).text) : "")).join("\n");
  return JSON.stringify(v ?? "");
}

export async function startFakeChat(plan: readonly PlannedToolCall[]): Promise<FakeChat> {
  const results = new Map<string, string>();
  const calls = new Map<string, PlannedToolCall>();
  let step = 0;
  let offered: string[] | undefined;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      let body: Json = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Json;
      } catch {
        // not JSON
      }
      const url = req.url ?? "/";
      if (req.method === "GET" && url.endsWith("/models")) {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ object: "list", data: [{ id: String(body.model ?? "gpt-4.1"), object: "model" }] }));
        return;
      }
      if (req.method !== "POST" || !url.endsWith("/chat/completions")) {
        res.writeHead(404, { "content-type": "application/json" });
        res.end("{}");
        return;
      }
      const tools = Array.isArray(body.tools) ? (body.tools as Json[]).map((t) => String((t.function as Json | undefined)?.name ?? t.name)) : [];
      if (tools.length > 0) offered ??= tools;
      for (const m of Array.isArray(body.messages) ? (body.messages as Json[]) : []) {
        if (m.role === "tool" && typeof m.tool_call_id === "string") results.set(m.tool_call_id, contentText(m.content));
      }
      const model = String(body.model ?? "gpt-4.1");
      const chunk = (delta: Json, finish: string | null, extra: Json = {}): string =>
        `data: ${JSON.stringify({ id: `chatcmpl-${step}`, object: "chat.completion.chunk", created: 1, model, choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`;
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      res.write(chunk({ role: "assistant", content: "" }, null));
      const next = tools.length > 0 ? plan[step] : undefined;
      if (next) {
        step++;
        const id = `call_${step}`;
        calls.set(id, next);
        const args = typeof next.args === "string" ? next.args : JSON.stringify(next.args);
        res.write(chunk({ tool_calls: [{ index: 0, id, type: "function", function: { name: next.name, arguments: args } }] }, null));
        res.write(chunk({}, "tool_calls"));
      } else {
        res.write(chunk({ content: tools.length > 0 ? "Done." : "E2E session" }, null));
        res.write(chunk({}, "stop"));
      }
      res.write(`data: ${JSON.stringify({ id: `chatcmpl-${step}`, object: "chat.completion.chunk", created: 1, model, choices: [], usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } })}\n\n`);
      res.end("data: [DONE]\n\n");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/v1`, results, calls, offeredTools: () => offered ?? [], close: () => new Promise<void>((r) => server.close(() => r())) };
}
