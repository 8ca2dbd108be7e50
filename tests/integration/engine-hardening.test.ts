import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ENDPOINT_ID, PLAYGROUND_LIMITS } from "@/lib/kontext/endpoint";
import { makePhoto } from "../support/images";
import { type NextServer, startNext } from "../support/next-server";

const running: NextServer[] = [];
const QUEUE = `/api/engine/queue/${ENDPOINT_ID}`;

async function start(env: Record<string, string> = {}): Promise<NextServer> {
  const server = await startNext({ KONTEXT_BACKEND: "local", LOCAL_ENGINE_STEP_MS: "1", ...env });
  running.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop()));
});

async function submit(server: NextServer, body: unknown): Promise<string> {
  const response = await fetch(`${server.url}${QUEUE}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { request_id: string }).request_id;
}

async function status(server: NextServer, id: string) {
  const response = await fetch(`${server.url}${QUEUE}/requests/${id}/status?logs=1`);
  return { code: response.status, body: (await response.json()) as Record<string, unknown> };
}

const logsOf = (body: Record<string, unknown>) =>
  ((body.logs as { message: string }[] | undefined) ?? []).map((log) => log.message);

async function waitFor<T>(probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A request whose render takes a while: the most LoRAs, two 2 MP images. */
async function heavyInput() {
  const photo = (await makePhoto(1920, 1080)).toString("base64");
  return {
    image_url: `data:image/png;base64,${photo}`,
    prompt: "a heavy render",
    num_inference_steps: 10,
    num_images: 2,
    resolution_mode: "match_input",
    loras: Array.from({ length: PLAYGROUND_LIMITS.maxLoras }, (_, i) => ({
      path: `https://example.com/look-${i}.safetensors`,
      scale: 1,
    })),
  };
}

describe("the local engine under abuse (built server)", () => {
  it("renders on a worker: health and status answer quickly while a heavy render runs", async () => {
    const server = await start();
    const id = await submit(server, await heavyInput());
    await waitFor(async () => {
      const { body } = await status(server, id);
      return logsOf(body).some((line) => line.startsWith("Rendering")) ? true : undefined;
    });
    const latencies: number[] = [];
    for (;;) {
      const started = performance.now();
      const health = await fetch(`${server.url}/api/health`);
      const { body } = await status(server, id);
      latencies.push(performance.now() - started);
      expect(health.status).toBe(200);
      if (body.status === "COMPLETED") break;
    }
    expect(latencies.length).toBeGreaterThan(3);
    expect(Math.max(...latencies)).toBeLessThan(400);
    const result = await fetch(`${server.url}${QUEUE}/requests/${id}`);
    expect(result.status).toBe(200);
    expect(((await result.json()) as { images: unknown[] }).images).toHaveLength(2);
  });

  it("cancel interrupts a running render", async () => {
    const server = await start();
    const id = await submit(server, await heavyInput());
    await waitFor(async () => {
      const { body } = await status(server, id);
      return logsOf(body).some((line) => line.startsWith("Rendering")) ? true : undefined;
    });
    const cancel = await fetch(`${server.url}${QUEUE}/requests/${id}/cancel`, { method: "PUT" });
    expect(cancel.status).toBe(202);
    const done = await waitFor(async () => {
      const { body } = await status(server, id);
      return body.status === "COMPLETED" ? body : undefined;
    }, 2_000);
    expect(logsOf(done)).toContain("Cancelled while rendering");
    const result = await fetch(`${server.url}${QUEUE}/requests/${id}`);
    expect(result.status).toBe(400);
    expect(await result.json()).toEqual({ detail: "The request was cancelled" });
  });

  it("refuses cross-site requests and non-JSON bodies on the queue, run and rest APIs", async () => {
    const server = await start();
    const post = (where: string, headers: Record<string, string>, body = "{}") =>
      fetch(`${server.url}/api/engine/${where}`, { method: "POST", headers, body });
    for (const where of [
      `queue/${ENDPOINT_ID}`,
      `run/${ENDPOINT_ID}`,
      "rest/storage/upload/initiate",
    ]) {
      const plain = await post(where, { "content-type": "text/plain" });
      expect(plain.status, where).toBe(415);
      const none = await post(where, {});
      expect(none.status, where).toBe(415);
      const crossSite = await post(where, {
        "content-type": "application/json",
        "sec-fetch-site": "cross-site",
      });
      expect(crossSite.status, where).toBe(403);
      const foreign = await post(where, {
        "content-type": "application/json",
        origin: "https://evil.example",
      });
      expect(foreign.status, where).toBe(403);
    }
    const cancel = await fetch(`${server.url}${QUEUE}/requests/abc/cancel`, {
      method: "PUT",
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(cancel.status).toBe(403);
  });

  it("refuses more LoRAs than the documented cap before anything runs", async () => {
    const server = await start();
    const input = await heavyInput();
    input.loras.push({ path: "https://example.com/one-too-many.safetensors", scale: 1 });
    const id = await submit(server, input);
    const done = await waitFor(async () => {
      const { body } = await status(server, id);
      return body.status === "COMPLETED" ? body : undefined;
    });
    expect(logsOf(done).join("\n")).toContain(
      `loras may hold at most ${PLAYGROUND_LIMITS.maxLoras} entries`,
    );
    const result = await fetch(`${server.url}${QUEUE}/requests/${id}`);
    expect(result.status).toBe(422);
  });

  it("runs queued and running requests after a restart instead of forgetting them", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "kontext-resume-"));
    const first = await start({ LOCAL_ENGINE_DATA_DIR: dataDir, LOCAL_ENGINE_STEP_MS: "100" });
    const photo = (await makePhoto(64, 64)).toString("base64");
    const input = {
      image_url: `data:image/png;base64,${photo}`,
      prompt: "survive",
      num_inference_steps: 10,
    };
    const ids = [
      await submit(first, input),
      await submit(first, input),
      await submit(first, input),
    ];
    await waitFor(async () =>
      (await status(first, ids[0] as string)).body.status === "IN_PROGRESS" ? true : undefined,
    );
    await first.stop();
    running.splice(running.indexOf(first), 1);

    const second = await start({ LOCAL_ENGINE_DATA_DIR: dataDir, LOCAL_ENGINE_STEP_MS: "1" });
    for (const id of ids) {
      const { code } = await status(second, id);
      expect(code, id).not.toBe(404);
      const done = await waitFor(async () => {
        const { body } = await status(second, id);
        return body.status === "COMPLETED" ? body : undefined;
      });
      expect(logsOf(done)).toContain("Resumed after a server restart");
      const result = await fetch(`${second.url}${QUEUE}/requests/${id}`);
      expect(result.status, id).toBe(200);
    }
  });
});
