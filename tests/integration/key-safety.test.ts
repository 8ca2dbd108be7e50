import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ApiError, createFalClient } from "@fal-ai/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENDPOINT_ID } from "@/lib/kontext/endpoint";
import { freePort, type NextServer, startNext } from "../support/next-server";
import { type RecordedRequest, startRecordingUpstream } from "../support/recording-upstream";

// `npm test` builds the app with FAL_KEY set to KEY_CANARY, so a leak into the client bundle
// would show up in .next/static; the running server gets its own canary.
const buildCanary = process.env.KEY_CANARY;
const runtimeCanary = `fal-canary-${randomBytes(12).toString("hex")}`;
const byokKey = `byok-${randomBytes(12).toString("hex")}`;

let upstream: Awaited<ReturnType<typeof startRecordingUpstream>>;
let withKey: NextServer;
let withoutKey: NextServer;
const responses: string[] = [];

/** A client through the given app's proxy that records every response it reads. */
function clientFor(server: NextServer, credentials?: string) {
  return createFalClient({
    proxyUrl: { url: `${server.url}/api/fal/proxy`, when: "always" },
    ...(credentials ? { credentials } : {}),
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      const headers = [...response.headers.entries()].map(([k, v]) => `${k}: ${v}`).join("\n");
      responses.push(`${headers}\n${await response.clone().text()}`);
      return response;
    },
  });
}

function authorizations(requests: RecordedRequest[]) {
  return requests.map(
    (r) => `${r.method} ${r.url.split("?")[0]} ${r.headers.authorization ?? "-"}`,
  );
}

beforeAll(async () => {
  upstream = await startRecordingUpstream();
  withKey = await startNext({ FAL_KEY: runtimeCanary, FAL_UPSTREAM_ORIGIN: upstream.url });
  withoutKey = await startNext({
    KONTEXT_BACKEND: "fal",
    FAL_UPSTREAM_ORIGIN: `http://127.0.0.1:${await freePort()}`,
  });
});

afterAll(async () => {
  await withKey?.stop();
  await withoutKey?.stop();
  await upstream?.stop();
});

describe("the server's fal key", () => {
  it("reaches the upstream as Authorization: Key … on every proxied call, and only there", async () => {
    const fal = clientFor(withKey);
    const fileUrl = await fal.storage.upload(
      new Blob([new Uint8Array([1, 2, 3])], { type: "image/png" }),
    );
    expect(fileUrl).toBe(`${upstream.url}/files/1`);
    const result = await fal.subscribe(ENDPOINT_ID, {
      input: { image_url: fileUrl, prompt: "x" },
      pollInterval: 20,
    });
    expect(result.requestId).toBe("rec-1");
    expect(authorizations(upstream.requests)).toEqual([
      `POST /rest/storage/upload/initiate Key ${runtimeCanary}`,
      "PUT /upload/1 -",
      `POST /queue/fal-ai/flux-kontext-lora Key ${runtimeCanary}`,
      `GET /queue/fal-ai/flux-kontext-lora/requests/rec-1/status Key ${runtimeCanary}`,
      `GET /queue/fal-ai/flux-kontext-lora/requests/rec-1 Key ${runtimeCanary}`,
    ]);
  });

  it("never appears in a response, an error or the server's log", async () => {
    const pages = ["/", "/api/health", "/api/engine/files/x.png", "/missing-page"];
    for (const page of pages) {
      const response = await fetch(`${withKey.url}${page}`);
      responses.push(`${[...response.headers.entries()].join("\n")}\n${await response.text()}`);
    }
    const fal = clientFor(withKey);
    await fal.subscribe("fal-ai/flux/dev", { input: { prompt: "x" } }).catch(() => undefined);
    await fal
      .subscribe(ENDPOINT_ID, { input: { image_url: "x", prompt: "" } })
      .catch(() => undefined);
    await fal.queue.status(ENDPOINT_ID, { requestId: "unknown-id" }).catch(() => undefined);
    const badKey = await fetch(`${withKey.url}/api/fal/proxy`, {
      headers: {
        "x-fal-target-url": "https://queue.fal.run/fal-ai/flux-kontext-lora/requests/a/status",
        authorization: "Bearer nope",
      },
    });
    responses.push(await badKey.text());

    expect(responses.length).toBeGreaterThan(8);
    for (const text of responses) expect(text).not.toContain(runtimeCanary);
    expect(withKey.output()).not.toContain(runtimeCanary);
  });

  it("is not in the browser bundle or the prerendered pages", () => {
    const canaries = [runtimeCanary, ...(buildCanary ? [buildCanary] : [])];
    const files = listFiles(".next/static").concat(
      listFiles(".next/server/app").filter((file) => /\.(html|rsc|body|meta)$/.test(file)),
    );
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const canary of canaries) expect(text.includes(canary), file).toBe(false);
    }
  });

  it("turns the local engine's routes off while the backend is fal", async () => {
    const response = await fetch(`${withKey.url}/api/engine/queue/fal-ai/flux-kontext-lora`, {
      method: "POST",
      body: "{}",
    });
    expect(response.status).toBe(404);
    expect(await (await fetch(`${withKey.url}/api/health`)).json()).toMatchObject({
      backend: "fal",
      upstream: "custom",
      hasServerKey: true,
    });
  });
});

describe("without a server key", () => {
  it("answers 503 naming FAL_KEY instead of calling upstream with 'Key undefined'", async () => {
    const before = upstream.requests.length;
    const error = await clientFor(withoutKey)
      .subscribe(ENDPOINT_ID, { input: { image_url: "https://example.com/a.png", prompt: "x" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError<unknown>).status).toBe(503);
    expect((error as ApiError<unknown>).message).toMatch(/set FAL_KEY/);
    expect(upstream.requests.length).toBe(before);
  });

  it("forwards a caller's own key, never logging it, and reports an unreachable upstream as 502", async () => {
    // Plain fetch: the client would retry a 502 five times with backoff before giving up.
    const response = await fetch(`${withoutKey.url}/api/fal/proxy`, {
      headers: {
        "x-fal-target-url": "https://queue.fal.run/fal-ai/flux-kontext-lora/requests/abc/status",
        authorization: `Key ${byokKey}`,
      },
    });
    expect(response.status).toBe(502);
    const text = await response.text();
    expect(JSON.parse(text).message).toBe("The upstream could not be reached");
    expect(text).not.toContain(byokKey);
    expect(withoutKey.output()).not.toContain(byokKey);
  });

  it("sends a caller's own key upstream unchanged", async () => {
    const fal = clientFor(withKey, byokKey);
    await fal.queue.status(ENDPOINT_ID, { requestId: "rec-1" });
    const last = upstream.requests.at(-1);
    expect(last?.headers.authorization).toBe(`Key ${byokKey}`);
    expect(withKey.output()).not.toContain(byokKey);
  });
});

function listFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}
