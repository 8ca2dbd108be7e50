import { request as httpRequest } from "node:http";
import { describe, expect, inject, it } from "vitest";
import { makePhoto } from "../support/images";

const appUrl = inject("localAppUrl");
const proxyUrl = `${appUrl}/api/fal/proxy`;
const SUBMIT = "https://queue.fal.run/fal-ai/flux-kontext-lora";

async function proxy(target: string | null, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (target) headers.set("x-fal-target-url", target);
  headers.set("content-type", "application/json");
  const response = await fetch(proxyUrl, { method: "POST", ...init, headers });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

describe("targets the proxy refuses", () => {
  it.each([
    [
      "another fal endpoint",
      "https://queue.fal.run/fal-ai/flux/dev",
      "POST",
      403,
      /only the endpoint fal-ai\/flux-kontext-lora/,
    ],
    ["a sub-path of the endpoint", `${SUBMIT}/inpaint`, "POST", 403, /only the endpoint/],
    [
      "the synchronous fal.run host",
      "https://fal.run/fal-ai/flux-kontext-lora",
      "POST",
      403,
      /fal\.run host is closed/,
    ],
    [
      "a foreign host",
      "https://evil.example.com/fal-ai/flux-kontext-lora",
      "POST",
      403,
      /not a fal API host/,
    ],
    [
      "the app itself over plain http",
      `${appUrl}/api/engine/queue/fal-ai/flux-kontext-lora`,
      "POST",
      403,
      /only https URLs/,
    ],
    [
      "a cloud metadata address",
      "https://169.254.169.254/latest",
      "GET",
      403,
      /not a fal API host/,
    ],
    [
      "fal with an explicit port",
      "https://queue.fal.run:8443/fal-ai/flux-kontext-lora",
      "POST",
      403,
      /only https URLs/,
    ],
    [
      "credentials in the URL",
      "https://user:pw@queue.fal.run/fal-ai/flux-kontext-lora",
      "POST",
      403,
      /only https URLs/,
    ],
    [
      "a webhook on submit",
      `${SUBMIT}?fal_webhook=https://evil.example.com`,
      "POST",
      403,
      /webhooks/,
    ],
    [
      "other rest.fal.ai paths",
      "https://rest.fal.ai/tokens/",
      "POST",
      403,
      /only storage upload initiation/,
    ],
    [
      "multipart uploads",
      "https://rest.fal.ai/storage/upload/initiate-multipart?storage_type=fal-cdn-v3",
      "POST",
      403,
      /only storage upload initiation/,
    ],
    ["a malformed request id", `${SUBMIT}/requests/..%2F..%2Fetc/status`, "GET", 400, /request id/],
    ["an unknown queue action", `${SUBMIT}/requests/abc/logs`, "GET", 403, /not available/],
    ["a GET on submit", SUBMIT, "GET", 405, /use POST/],
    ["a POST on cancel", `${SUBMIT}/requests/abc/cancel`, "POST", 405, /use PUT/],
  ])("refuses %s with a JSON error", async (_, target, method, status, message) => {
    const response = await proxy(target, { method, body: method === "GET" ? undefined : "{}" });
    expect(response.status).toBe(status);
    expect(response.json().message).toMatch(message);
  });

  it("refuses a request without x-fal-target-url", async () => {
    const response = await proxy(null, { body: "{}" });
    expect(response.status).toBe(400);
    expect(response.json().message).toBe("Missing the x-fal-target-url header");
  });

  it("turns away browsers on other sites", async () => {
    const response = await proxy(`${SUBMIT}/requests/abc/status`, {
      method: "GET",
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(response.status).toBe(401);
  });
});

describe("submit bodies checked before anything is queued", () => {
  it("answers 400 for malformed JSON", async () => {
    const response = await proxy(SUBMIT, { body: '{"prompt": ' });
    expect(response.status).toBe(400);
    expect(response.json().message).toBe("The request body is not valid JSON");
  });

  it("answers 413 for a body over 4 MiB", async () => {
    const body = JSON.stringify({
      image_url: `data:image/png;base64,${"A".repeat(4 * 1024 * 1024)}`,
      prompt: "x",
    });
    const response = await proxy(SUBMIT, { body });
    expect(response.status).toBe(413);
    expect(response.json().message).toMatch(/larger than the 4 MiB limit/);
  });

  it("answers 422 in fal's shape for a 100 KB prompt, wrong types and out-of-range values", async () => {
    const response = await proxy(SUBMIT, {
      body: JSON.stringify({
        image_url: "https://example.com/a.png",
        prompt: "x".repeat(100_000),
        num_inference_steps: "many",
        guidance_scale: 25,
        loras: [{ path: "https://example.com/l.safetensors", scale: 9 }],
      }),
    });
    expect(response.status).toBe(422);
    const body = response.json() as { detail: { loc: unknown[]; msg: string }[] };
    expect(body.detail.map((d) => d.loc)).toEqual([
      ["body", "prompt"],
      ["body", "num_inference_steps"],
      ["body", "guidance_scale"],
      ["body", "loras", 0, "scale"],
    ]);
    expect(body.detail[0]?.msg).toBe("prompt is longer than 5,000 characters");
  });

  it("answers 422 for a storage initiate without a content type", async () => {
    const response = await proxy(
      "https://rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3",
      {
        body: JSON.stringify({ file_name: "a.png" }),
      },
    );
    expect(response.status).toBe(422);
  });
});

describe("the local engine's own edges", () => {
  it("refuses an empty upload and answers 404 for unknown upload URLs and files", async () => {
    const initiate = await proxy(
      "https://rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3",
      {
        body: JSON.stringify({ content_type: "image/png", file_name: "a.png" }),
      },
    );
    const { upload_url: uploadUrl, file_url: fileUrl } = initiate.json() as Record<string, string>;
    const empty = await fetch(uploadUrl as string, { method: "PUT", body: new Uint8Array() });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toMatch(/empty/);
    expect((await fetch(fileUrl as string)).status).toBe(404);
    const unknown = await fetch(`${appUrl}/api/engine/upload/AAAAAAAAAAAAAAAAAAAAAA.png`, {
      method: "PUT",
      body: new Uint8Array(await makePhoto(8, 8)),
    });
    expect(unknown.status).toBe(404);
    expect((await fetch(`${appUrl}/api/engine/files/..%2F..%2Fpackage.json`)).status).toBe(404);
  });

  it("serves non-image uploads as attachments so they can never run as a page", async () => {
    const initiate = await proxy(
      "https://rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3",
      {
        body: JSON.stringify({ content_type: "text/html", file_name: "x.html" }),
      },
    );
    const { upload_url: uploadUrl, file_url: fileUrl } = initiate.json() as Record<string, string>;
    await fetch(uploadUrl as string, { method: "PUT", body: "<script>alert(1)</script>" });
    const response = await fetch(fileUrl as string);
    expect(response.headers.get("content-type")).toBe("application/octet-stream");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("hands out upload and file URLs on the host the caller used, so other machines can open them", async () => {
    const body = JSON.stringify({ content_type: "image/png", file_name: "a.png" });
    const answer = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        proxyUrl,
        {
          method: "POST",
          headers: {
            host: "192.168.1.20:3000",
            "content-type": "application/json",
            "x-fal-target-url":
              "https://rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3",
          },
        },
        (res) => {
          let text = "";
          res.on("data", (chunk) => {
            text += String(chunk);
          });
          res.on("end", () => resolve(text));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
    const { upload_url: uploadUrl, file_url: fileUrl } = JSON.parse(answer) as Record<
      string,
      string
    >;
    expect(uploadUrl).toMatch(/^http:\/\/192\.168\.1\.20:3000\/api\/engine\/upload\//);
    expect(fileUrl).toMatch(/^http:\/\/192\.168\.1\.20:3000\/api\/engine\/files\//);
  });

  it("answers 404 for the status stream of an unknown request", async () => {
    const response = await proxy(
      `${SUBMIT}/requests/00000000-0000-0000-0000-000000000001/status/stream`,
      {
        method: "GET",
      },
    );
    expect(response.status).toBe(404);
    expect(response.json().detail).toMatch(/not found/);
  });

  it("answers 400 for a malformed submit body sent straight to the engine", async () => {
    const response = await fetch(`${appUrl}/api/engine/queue/fal-ai/flux-kontext-lora`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "not json",
    });
    expect(response.status).toBe(400);
  });

  it("runs synchronously on /run and fails bad input with 422 like fal", async () => {
    const response = await fetch(`${appUrl}/api/engine/run/fal-ai/flux-kontext-lora`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        image_url: "data:image/png;base64,AAAA",
        prompt: "x",
        num_inference_steps: 10,
      }),
    });
    expect(response.status).toBe(422);
    const photo = (await makePhoto(64, 64)).toString("base64");
    const ok = await fetch(`${appUrl}/api/engine/run/fal-ai/flux-kontext-lora`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        image_url: `data:image/png;base64,${photo}`,
        prompt: "x",
        num_inference_steps: 10,
      }),
    });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { images: unknown[] }).images).toHaveLength(1);
  });

  it("stays up after all of the above", async () => {
    const health = await fetch(`${appUrl}/api/health`);
    expect(await health.json()).toMatchObject({ ok: true, backend: "local", upstream: "local" });
  });
});
