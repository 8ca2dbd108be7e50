import { createServer, type IncomingHttpHeaders } from "node:http";

/** One request the fake fal received. */
export interface FakeFalRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const QUEUE = "/queue/fal-ai/flux-kontext-lora";

/**
 * A recording stand-in for fal's queue on loopback, for the browser tests: every submit completes
 * at once (the status stream sends one COMPLETED event), and its result is one image at
 * `imageUrl` (an address the page may load under its Content-Security-Policy).
 */
export async function startFakeFal(port: number, imageUrl: string) {
  const requests: FakeFalRequest[] = [];
  let next = 1;
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += String(chunk);
    });
    req.on("end", () => {
      const url = req.url ?? "";
      requests.push({ method: req.method ?? "", url, headers: req.headers, body });
      const send = (status: number, payload: unknown, id = "") => {
        const text = JSON.stringify(payload);
        res.writeHead(status, {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(text),
          ...(id ? { "x-fal-request-id": id } : {}),
        });
        res.end(text);
      };
      if (req.method === "POST" && url === QUEUE) {
        const id = `fake-${next++}`;
        return send(200, { status: "IN_QUEUE", request_id: id, queue_position: 0 }, id);
      }
      const match =
        /^\/queue\/fal-ai\/flux-kontext-lora\/requests\/(fake-\d+)(\/status)?(\/stream)?/.exec(url);
      const id = match?.[1];
      if (req.method !== "GET" || !id) return send(404, { detail: "not found" });
      const completed = { status: "COMPLETED", request_id: id, logs: [], metrics: {} };
      if (match[3]) {
        res.writeHead(200, { "content-type": "text/event-stream", "x-fal-request-id": id });
        res.end(`data: ${JSON.stringify(completed)}\n\n`);
        return;
      }
      if (match[2]) return send(200, completed, id);
      const image = { url: imageUrl, width: 1024, height: 1024, content_type: "image/jpeg" };
      return send(
        200,
        { images: [image], timings: {}, seed: 1, has_nsfw_concepts: [false], prompt: "fake" },
        id,
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return {
    requests,
    /** Submits that reached the fake fal. */
    submits: () => requests.filter((r) => r.method === "POST" && r.url === QUEUE),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
