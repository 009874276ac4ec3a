/** Talk to the decision service over its socket (for `serve --status|--stop` and tests; the hooks use the
 *  dependency-free hooks/serve-client.cjs, which speaks the same protocol). */
import net from "node:net";
import { z } from "zod";
import { ServeStatusSchema, type ServeRequest } from "./protocol.js";

const ResponseSchema = z.union([
  z.object({ ok: z.literal(true), build: z.string(), stdout: z.string(), stderr: z.string(), exitCode: z.number() }),
  z.object({
    ok: z.literal(true),
    build: z.string(),
    status: ServeStatusSchema,
  }),
  z.object({ ok: z.literal(false), build: z.string(), error: z.string() }),
]);
export type ClientResponse = z.infer<typeof ResponseSchema>;

/** One request; rejects on connection errors, timeouts and answers that are not the protocol. */
export function sendRequest(socket: string, req: ServeRequest, timeoutMs: number): Promise<ClientResponse> {
  return new Promise((resolve, reject) => {
    const c = net.connect(socket);
    let buf = "";
    const timer = setTimeout(() => {
      c.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    c.setEncoding("utf8");
    c.on("connect", () => c.write(`${JSON.stringify(req)}\n`));
    c.on("data", (d: string) => (buf += d));
    c.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    c.on("end", () => {
      clearTimeout(timer);
      try {
        const parsed = ResponseSchema.safeParse(JSON.parse(buf));
        if (parsed.success) resolve(parsed.data);
        else reject(new Error(`not a service answer: ${buf.slice(0, 200)}`));
      } catch {
        reject(new Error(`not a service answer: ${buf.slice(0, 200)}`));
      }
    });
  });
}
