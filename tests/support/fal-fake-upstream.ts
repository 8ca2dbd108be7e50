import { createServer, type IncomingHttpHeaders } from "node:http";

/** One request the fake fal received. */
export interface FakeFalRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A recording stand-in for fal's queue on loopback (the layout FAL_UPSTREAM_ORIGIN expects):
 * every submit gets its own request id and completes at once; its result has `num_images`
 * images of `resultSize` (settable per test), so spend settling can be checked.
 */
export async function startFakeFal() {
  const requests: FakeFalRequest[] = [];
  const submitted = new Map<string, number>();
  const state = { resultSize: { width: 1024, height: 1024 } };
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
      const queue = "/queue/fal-ai/flux-kontext-lora";
      if (req.method === "POST" && url === queue) {
        const id = `fake-${next++}`;
        const input = JSON.parse(body || "{}") as { num_images?: number };
        submitted.set(id, input.num_images ?? 1);
        return send(200, { status: "IN_QUEUE", request_id: id, queue_position: 0 }, id);
      }
      const match = /^\/queue\/fal-ai\/flux-kontext-lora\/requests\/([\w-]+)(\/status)?/.exec(url);
      const count = match?.[1] ? submitted.get(match[1]) : undefined;
      if (req.method === "GET" && match?.[1] && count !== undefined) {
        const id = match[1];
        if (match[2]) return send(200, { status: "COMPLETED", request_id: id, logs: [] }, id);
        const images = Array.from({ length: count }, () => ({
          url: "https://v3.fal.media/files/out.png",
          ...state.resultSize,
          content_type: "image/png",
        }));
        return send(
          200,
          { images, timings: {}, seed: 1, has_nsfw_concepts: images.map(() => false), prompt: "x" },
          id,
        );
      }
      return send(404, { detail: "not found" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    state,
    /** Submits that reached the upstream. */
    submits: () =>
      requests.filter((r) => r.method === "POST" && r.url.endsWith("/flux-kontext-lora")),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
