import { createServer, type IncomingHttpHeaders, type Server } from "node:http";

/** One request the fake upstream received. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A minimal fal-compatible upstream on loopback that records every request (with its headers),
 * laid out like FAL_UPSTREAM_ORIGIN expects: `/queue/…`, `/rest/…`, plus an upload URL.
 */
export async function startRecordingUpstream(): Promise<{
  url: string;
  requests: RecordedRequest[];
  stop: () => Promise<void>;
}> {
  const requests: RecordedRequest[] = [];
  let origin = "";
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += String(chunk);
    });
    req.on("end", () => {
      const url = req.url ?? "";
      requests.push({ method: req.method ?? "", url, headers: req.headers, body });
      const send = (status: number, payload: unknown) => {
        const text = JSON.stringify(payload);
        res.writeHead(status, {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(text),
          "x-fal-request-id": "rec-1",
          "access-control-allow-origin": "*",
        });
        res.end(text);
      };
      const queue = "/queue/fal-ai/flux-kontext-lora";
      if (req.method === "POST" && url === queue) {
        return send(200, { status: "IN_QUEUE", request_id: "rec-1", queue_position: 0 });
      }
      if (req.method === "GET" && url.startsWith(`${queue}/requests/rec-1/status`)) {
        return send(200, { status: "COMPLETED", request_id: "rec-1", logs: [], metrics: {} });
      }
      if (req.method === "GET" && url === `${queue}/requests/rec-1`) {
        return send(200, {
          images: [
            {
              url: `${origin}/files/out.png`,
              width: 1024,
              height: 1024,
              content_type: "image/png",
            },
          ],
          timings: { inference: 0.1 },
          seed: 7,
          has_nsfw_concepts: [false],
          prompt: "recorded",
        });
      }
      if (
        req.method === "POST" &&
        url === "/rest/storage/upload/initiate?storage_type=fal-cdn-v3"
      ) {
        return send(200, { upload_url: `${origin}/upload/1`, file_url: `${origin}/files/1` });
      }
      if (req.method === "PUT" && url === "/upload/1") return send(200, {});
      return send(404, { detail: "not found" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  return {
    url: origin,
    requests,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
