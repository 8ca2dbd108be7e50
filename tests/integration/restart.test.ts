import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createFalClient } from "@fal-ai/client";
import { afterEach, describe, expect, it } from "vitest";
import { ENDPOINT_ID } from "@/lib/kontext/endpoint";
import type { KontextOutput } from "@/lib/kontext/schema";
import { makePhoto } from "../support/images";
import { type NextServer, startNext } from "../support/next-server";

const running: NextServer[] = [];

async function start(dataDir: string): Promise<NextServer> {
  const server = await startNext({
    KONTEXT_BACKEND: "local",
    LOCAL_ENGINE_STEP_MS: "1",
    LOCAL_ENGINE_DATA_DIR: dataDir,
  });
  running.push(server);
  return server;
}

function clientFor(server: NextServer) {
  return createFalClient({ proxyUrl: { url: `${server.url}/api/fal/proxy`, when: "always" } });
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop()));
});

describe("the local engine across a restart", () => {
  it("still serves uploads and outputs, and still answers status and result of old requests", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "kontext-restart-"));
    const first = await start(dataDir);
    const fal = clientFor(first);
    const input = await makePhoto(128, 96);
    const fileUrl = await fal.storage.upload(
      new Blob([new Uint8Array(input)], { type: "image/png" }),
    );
    const run = await fal.subscribe(ENDPOINT_ID, {
      input: { image_url: fileUrl, prompt: "keep me", num_inference_steps: 10, seed: 3 },
      pollInterval: 20,
    });
    const output = run.data as KontextOutput;
    await first.stop();

    const second = await start(dataDir);
    const moved = (url: string) => `${second.url}${new URL(url).pathname}`;
    const upload = await fetch(moved(fileUrl));
    expect(upload.status).toBe(200);
    expect(Buffer.from(await upload.arrayBuffer()).equals(input)).toBe(true);
    const image = await fetch(moved(output.images[0]?.url ?? ""));
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");

    const again = clientFor(second);
    const status = await again.queue.status(ENDPOINT_ID, { requestId: run.requestId, logs: true });
    expect(status.status).toBe("COMPLETED");
    expect(status.status === "COMPLETED" && status.logs.map((log) => log.message)).toContain(
      "Step 10/10",
    );
    const result = await again.queue.result(ENDPOINT_ID, { requestId: run.requestId });
    expect(result.data).toEqual(output);
  });
});
