/**
 * A scripted stand-in for the Anthropic Messages API on 127.0.0.1: each main-loop request gets the next
 * planned tool call (streamed as the real API does), the tool_result blocks that come back are recorded, and
 * when the plan is spent the turn ends with a text block. Every request is logged.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface PlannedCall {
  readonly name: string;
  readonly input: Record<string, unknown>;
}

export interface ToolResult {
  readonly tool_use_id: string;
  readonly content: string;
  readonly is_error: boolean;
}

export interface LoggedRequest {
  readonly method: string;
  readonly url: string;
  readonly body: unknown;
}

export interface FakeAnthropic {
  readonly url: string;
  readonly requests: LoggedRequest[];
  /** tool_use_id -> the tool_result the agent sent back. */
  readonly results: Map<string, ToolResult>;
  /** tool_use_id -> the planned call it was. */
  readonly calls: Map<string, PlannedCall>;
  /** Tool names offered in the first main-loop request. */
  offeredTools(): string[];
  close(): Promise<void>;
}

type Block = Record<string, unknown>;

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return content.map((c) => (c && typeof c === "object" && "text" in c ? String((c as Block).text) : "")).join("\n");
  return "";
}

function sse(res: http.ServerResponse, type: string, data: Block): void {
  res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
}

export async function startFakeAnthropic(plan: readonly PlannedCall[]): Promise<FakeAnthropic> {
  const requests: LoggedRequest[] = [];
  const results = new Map<string, ToolResult>();
  const calls = new Map<string, PlannedCall>();
  let step = 0;
  let offered: string[] | undefined;

  const answer = (body: Block, res: http.ServerResponse): void => {
    const messages = Array.isArray(body.messages) ? (body.messages as Block[]) : [];
    for (const m of messages) {
      if (!Array.isArray(m.content)) continue;
      for (const c of m.content as Block[]) {
        if (c.type === "tool_result") {
          const id = String(c.tool_use_id);
          results.set(id, { tool_use_id: id, content: textOf(c.content), is_error: c.is_error === true });
        }
      }
    }
    const tools = Array.isArray(body.tools) ? (body.tools as Block[]).map((t) => String(t.name)) : [];
    const isMainLoop = tools.length > 0;
    if (isMainLoop && !offered) offered = tools;
    const next = isMainLoop ? plan[step] : undefined;
    let block: Block;
    if (next) {
      step++;
      const id = `toolu_e2e_${String(step).padStart(2, "0")}`;
      calls.set(id, next);
      block = { type: "tool_use", id, name: next.name, input: next.input };
    } else {
      block = { type: "text", text: "Done." };
    }
    const stop = block.type === "tool_use" ? "tool_use" : "end_turn";
    const model = String(body.model ?? "claude-e2e");
    if (body.stream !== true) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: `msg_${step}`, type: "message", role: "assistant", model, content: [block], stop_reason: stop, stop_sequence: null, usage: { input_tokens: 10, output_tokens: 5 } }));
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    sse(res, "message_start", { message: { id: `msg_${step}`, type: "message", role: "assistant", model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 10, output_tokens: 1 } } });
    if (block.type === "tool_use") {
      sse(res, "content_block_start", { index: 0, content_block: { type: "tool_use", id: block.id, name: block.name, input: {} } });
      sse(res, "content_block_delta", { index: 0, delta: { type: "input_json_delta", partial_json: JSON.stringify(block.input) } });
    } else {
      sse(res, "content_block_start", { index: 0, content_block: { type: "text", text: "" } });
      sse(res, "content_block_delta", { index: 0, delta: { type: "text_delta", text: block.text } });
    }
    sse(res, "content_block_stop", { index: 0 });
    sse(res, "message_delta", { delta: { stop_reason: stop, stop_sequence: null }, usage: { output_tokens: 5 } });
    sse(res, "message_stop", {});
    res.end();
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let body: unknown = raw;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        // keep the raw text
      }
      const url = req.url ?? "/";
      requests.push({ method: req.method ?? "", url, body });
      if (req.method === "POST" && url.startsWith("/v1/messages/count_tokens")) {
        res.writeHead(200, { "content-type": "application/json" });
        res.end('{"input_tokens":10}');
      } else if (req.method === "POST" && url.startsWith("/v1/messages")) {
        answer((body ?? {}) as Block, res);
      } else {
        // HEAD / (a reachability probe), telemetry and anything else: a harmless empty success.
        res.writeHead(200, { "content-type": "application/json" });
        res.end(req.method === "HEAD" ? undefined : "{}");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    results,
    calls,
    offeredTools: () => offered ?? [],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
