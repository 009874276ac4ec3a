/**
 * A scripted stand-in for the OpenAI Responses API on 127.0.0.1 (research/agent-e2e.md): each `POST
 * /v1/responses` gets the next planned function call (streamed as named SSE events), the function_call_output
 * items that come back are recorded by call id, and when the plan is spent the turn ends with a message.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface PlannedFunctionCall {
  /** The tool name, as offered in body.tools (exec_command, apply_patch, ...). */
  readonly name: string;
  /** The arguments object (sent as a JSON string), or raw text for a custom (freeform) tool. */
  readonly args: Record<string, unknown> | string;
}

export interface FakeResponses {
  readonly url: string;
  /** call_id -> the output string the agent sent back. */
  readonly outputs: Map<string, string>;
  /** call_id -> the planned call it was, in plan order. */
  readonly calls: Map<string, PlannedFunctionCall>;
  offeredTools(): string[];
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

function sse(res: http.ServerResponse, data: Json): void {
  res.write(`event: ${String(data.type)}\ndata: ${JSON.stringify(data)}\n\n`);
}

function toolNames(body: Json): string[] {
  const tools = Array.isArray(body.tools) ? (body.tools as Json[]) : [];
  return tools.map((t) => String(t.name ?? (t.function as Json | undefined)?.name ?? t.type));
}

function isCustom(body: Json, name: string): boolean {
  const tools = Array.isArray(body.tools) ? (body.tools as Json[]) : [];
  return tools.some((t) => t.name === name && t.type === "custom");
}

function outputText(v: unknown): string {
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return v.map((x) => (x && typeof x === "object" && "text" in x ? String((x as Json).text) : "")).join("\n");
  return JSON.stringify(v);
}

export async function startFakeResponses(plan: readonly PlannedFunctionCall[]): Promise<FakeResponses> {
  const outputs = new Map<string, string>();
  const calls = new Map<string, PlannedFunctionCall>();
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
      if (req.method !== "POST" || !(req.url ?? "").endsWith("/responses")) {
        res.writeHead(404, { "content-type": "application/json" });
        res.end("{}");
        return;
      }
      offered ??= toolNames(body);
      for (const item of Array.isArray(body.input) ? (body.input as Json[]) : []) {
        if (item.type === "function_call_output" || item.type === "custom_tool_call_output") outputs.set(String(item.call_id), outputText(item.output));
      }
      const next = plan[step];
      const id = `resp_${step + 1}`;
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      sse(res, { type: "response.created", response: { id } });
      let item: Json;
      if (next) {
        step++;
        const callId = `call_${step}`;
        calls.set(callId, next);
        item =
          typeof next.args === "string" && isCustom(body, next.name)
            ? { type: "custom_tool_call", id: `ctc_${step}`, call_id: callId, name: next.name, input: next.args }
            : { type: "function_call", id: `fc_${step}`, call_id: callId, name: next.name, arguments: typeof next.args === "string" ? JSON.stringify({ input: next.args }) : JSON.stringify(next.args) };
      } else {
        item = { type: "message", role: "assistant", id: `msg_${step}`, content: [{ type: "output_text", text: "Done.", annotations: [] }] };
      }
      sse(res, { type: "response.output_item.added", output_index: 0, item });
      sse(res, { type: "response.output_item.done", output_index: 0, item });
      sse(res, { type: "response.completed", response: { id, usage: { input_tokens: 10, input_tokens_details: { cached_tokens: 0 }, output_tokens: 5, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 15 } } });
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/v1`, outputs, calls, offeredTools: () => offered ?? [], close: () => new Promise<void>((r) => server.close(() => r())) };
}
