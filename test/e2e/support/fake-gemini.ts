/**
 * A scripted stand-in for the Gemini API on 127.0.0.1 (research/agent-e2e.md): each streamGenerateContent
 * gets the next planned functionCall, the functionResponse parts that come back are recorded, and when the plan
 * is spent the turn ends with text. Non-streaming calls (router, next-speaker checks) get a neutral JSON text.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface GeminiCall {
  readonly name: string;
  readonly args: Record<string, unknown>;
}

export interface FakeGemini {
  readonly url: string;
  readonly requests: { method: string; url: string }[];
  /** In plan order: the functionResponse.response each call got back. */
  readonly responses: Record<string, unknown>[];
  offeredTools(): string[];
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

function reply(parts: Json[], model: string): Json {
  return {
    candidates: [{ content: { role: "model", parts }, finishReason: "STOP", index: 0 }],
    usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 5, totalTokenCount: 15 },
    modelVersion: model,
  };
}

export async function startFakeGemini(plan: readonly GeminiCall[]): Promise<FakeGemini> {
  const requests: { method: string; url: string }[] = [];
  const responses: Record<string, unknown>[] = [];
  let step = 0;
  let offered: string[] | undefined;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = req.url ?? "/";
      requests.push({ method: req.method ?? "", url });
      let body: Json = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Json;
      } catch {
        // not JSON
      }
      const model = /models\/([^:]+):/.exec(url)?.[1] ?? "gemini-2.5-flash";
      if (url.includes(":streamGenerateContent")) {
        const tools = Array.isArray(body.tools) ? (body.tools as Json[]).flatMap((t) => (Array.isArray(t.functionDeclarations) ? (t.functionDeclarations as Json[]).map((f) => String(f.name)) : [])) : [];
        if (!offered && tools.length > 0) offered = tools;
        const contents = Array.isArray(body.contents) ? (body.contents as Json[]) : [];
        const last = contents[contents.length - 1];
        for (const p of Array.isArray(last?.parts) ? (last.parts as Json[]) : []) {
          const fr = p.functionResponse as Json | undefined;
          if (fr) responses.push((fr.response ?? {}) as Json);
        }
        const next = plan[step];
        if (next) step++;
        const parts = next ? [{ functionCall: { name: next.name, args: next.args } }] : [{ text: "Done." }];
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.end(`data: ${JSON.stringify(reply(parts, model))}\r\n\r\n`);
        return;
      }
      if (url.includes(":countTokens")) {
        res.writeHead(200, { "content-type": "application/json" });
        res.end('{"totalTokens":10}');
        return;
      }
      if (url.includes(":generateContent")) {
        const text = JSON.stringify({ next_speaker: "user", reasoning: "done", complexity_reasoning: "simple", complexity_score: 1 });
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(reply([{ text }], model)));
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, responses, offeredTools: () => offered ?? [], close: () => new Promise<void>((r) => server.close(() => r())) };
}
