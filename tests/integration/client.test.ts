import { ApiError, createFalClient, ValidationError } from "@fal-ai/client";
import sharp from "sharp";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { ENDPOINT_ID } from "@/lib/kontext/endpoint";
import type { KontextOutput, KontextRequest } from "@/lib/kontext/schema";
import { magicFormat, makePhoto } from "../support/images";

const appUrl = inject("localAppUrl");
const proxyUrl = `${appUrl}/api/fal/proxy`;
// The real client, forced through the proxy even outside a browser.
const fal = createFalClient({ proxyUrl: { url: proxyUrl, when: "always" } });

let photoUrl: string;

async function upload(bytes: Buffer, type: string): Promise<string> {
  return fal.storage.upload(new Blob([new Uint8Array(bytes)], { type }));
}

async function run(input: Partial<KontextRequest>, mode: "polling" | "streaming" = "polling") {
  const updates: string[] = [];
  const result = await fal.subscribe(ENDPOINT_ID, {
    input: { image_url: photoUrl, prompt: "make it snow", num_inference_steps: 10, ...input },
    logs: true,
    mode,
    pollInterval: 50,
    onQueueUpdate: (update) => {
      updates.push(update.status);
    },
  });
  return { output: result.data as KontextOutput, requestId: result.requestId, updates };
}

async function download(url: string): Promise<Buffer> {
  if (url.startsWith("data:")) return Buffer.from(url.slice(url.indexOf(",") + 1), "base64");
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

beforeAll(async () => {
  photoUrl = await upload(await makePhoto(640, 480), "image/png");
});

describe("storage upload", () => {
  it("initiates through the proxy, PUTs the bytes and serves them at file_url", async () => {
    const bytes = await makePhoto(64, 48);
    const url = await upload(bytes, "image/png");
    expect(url).toMatch(/\/api\/engine\/files\/[A-Za-z0-9_-]{22}\.png$/);
    const response = await fetch(url);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
  });
});

describe("subscribe", () => {
  it("runs a request with polling: queue, progress logs, then the result", async () => {
    const logs: string[] = [];
    const result = await fal.subscribe(ENDPOINT_ID, {
      input: { image_url: photoUrl, prompt: "make it snow", num_inference_steps: 12 },
      logs: true,
      pollInterval: 50,
      onQueueUpdate: (update) => {
        if (update.status !== "IN_QUEUE") logs.push(...update.logs.map((log) => log.message));
      },
    });
    expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(logs).toContain("Step 12/12");
    const output = result.data as KontextOutput;
    expect(output.images).toHaveLength(1);
    expect(output.prompt).toBe("make it snow");
    expect(output.has_nsfw_concepts).toEqual([false]);
    expect(output.timings.inference).toBeGreaterThan(0);
  });

  it("runs a request with the SSE status stream and gets every step's log", async () => {
    const seen: string[] = [];
    const result = await fal.subscribe(ENDPOINT_ID, {
      input: { image_url: photoUrl, prompt: "make it snow", num_inference_steps: 10 },
      logs: true,
      mode: "streaming",
      onQueueUpdate: (update) => {
        if (update.status === "COMPLETED" || update.status === "IN_PROGRESS") {
          seen.splice(0, seen.length, ...update.logs.map((log) => log.message));
        }
      },
    });
    for (let step = 1; step <= 10; step++) expect(seen).toContain(`Step ${step}/10`);
    expect((result.data as KontextOutput).images).toHaveLength(1);
  });

  it.each([
    ["auto", 1184, 880],
    ["match_input", 640, 480],
    ["16:9", 1360, 768],
    ["9:21", 656, 1552],
  ] as const)("renders %s at the predicted %d×%d", async (mode, width, height) => {
    const { output } = await run({ resolution_mode: mode });
    expect(output.images[0]).toMatchObject({ width, height });
    const meta = await sharp(await download(output.images[0]?.url ?? "")).metadata();
    expect([meta.width, meta.height]).toEqual([width, height]);
  });

  it("honours EXIF orientation of the input", async () => {
    const rotated = await upload(await makePhoto(400, 200, "jpeg", 6), "image/jpeg");
    const { output } = await run({ image_url: rotated, resolution_mode: "match_input" });
    expect(output.images[0]).toMatchObject({ width: 192, height: 400 });
  });

  it("returns num_images distinct images in the requested format", async () => {
    const { output } = await run({ num_images: 3, output_format: "jpeg", seed: 5 });
    expect(output.images).toHaveLength(3);
    expect(output.has_nsfw_concepts).toEqual([false, false, false]);
    const files = await Promise.all(output.images.map((image) => download(image.url)));
    for (const [index, file] of files.entries()) {
      expect(magicFormat(file)).toBe("jpeg");
      expect(output.images[index]?.content_type).toBe("image/jpeg");
    }
    expect(new Set(files.map((file) => file.toString("base64"))).size).toBe(3);
    const png = await run({ output_format: "png" });
    expect(magicFormat(await download(png.output.images[0]?.url ?? ""))).toBe("png");
    expect(png.output.images[0]?.content_type).toBe("image/png");
  });

  it("gives identical bytes for the same request and seed, and different ones for another seed", async () => {
    const input = {
      seed: 1234,
      loras: [{ path: "https://example.com/a.safetensors", scale: 0.8 }],
    };
    const first = await run(input);
    const second = await run(input);
    const other = await run({ ...input, seed: 1235 });
    expect(first.output.seed).toBe(1234);
    const [a, b, c] = await Promise.all(
      [first, second, other].map((r) => download(r.output.images[0]?.url ?? "")),
    );
    expect(a?.equals(b as Buffer)).toBe(true);
    expect(a?.equals(c as Buffer)).toBe(false);
  });

  it("picks and echoes a random seed when none is given", async () => {
    const [one, two] = [await run({}), await run({})];
    expect(Number.isInteger(one.output.seed)).toBe(true);
    expect(one.output.seed).not.toBe(two.output.seed);
  });

  it("returns data URIs in sync_mode", async () => {
    const { output } = await run({ sync_mode: true, output_format: "jpeg" });
    expect(output.images[0]?.url).toMatch(/^data:image\/jpeg;base64,/);
    expect(magicFormat(await download(output.images[0]?.url ?? ""))).toBe("jpeg");
  });

  it("flags prompts the simulated safety checker catches, unless it is off", async () => {
    const flagged = await run({ prompt: "an nsfw scene" });
    expect(flagged.output.has_nsfw_concepts).toEqual([true]);
    const off = await run({ prompt: "an nsfw scene", enable_safety_checker: false });
    expect(off.output.has_nsfw_concepts).toEqual([false]);
  });
});

describe("queue and cancel", () => {
  it("reports real queue positions and cancels a queued request", async () => {
    const slow = { image_url: photoUrl, prompt: "slow", num_inference_steps: 50 };
    const first = await fal.queue.submit(ENDPOINT_ID, { input: slow });
    const second = await fal.queue.submit(ENDPOINT_ID, { input: slow });
    const third = await fal.queue.submit(ENDPOINT_ID, { input: slow });
    const status = await fal.queue.status(ENDPOINT_ID, { requestId: third.request_id });
    expect(status.status).toBe("IN_QUEUE");
    expect(status.status === "IN_QUEUE" && status.queue_position).toBeGreaterThanOrEqual(1);

    await fal.queue.cancel(ENDPOINT_ID, { requestId: third.request_id });
    const cancelled = await fal.queue.status(ENDPOINT_ID, { requestId: third.request_id });
    expect(cancelled.status).toBe("COMPLETED");
    await expect(
      fal.queue.result(ENDPOINT_ID, { requestId: third.request_id }),
    ).rejects.toMatchObject({
      status: 400,
    });
    await fal.queue.cancel(ENDPOINT_ID, { requestId: first.request_id });
    await fal.queue.cancel(ENDPOINT_ID, { requestId: second.request_id });
  });

  it("stops a running request at its next step", async () => {
    const { request_id } = await fal.queue.submit(ENDPOINT_ID, {
      input: { image_url: photoUrl, prompt: "slow", num_inference_steps: 50 },
    });
    for (let i = 0; i < 200; i++) {
      const status = await fal.queue.status(ENDPOINT_ID, { requestId: request_id, logs: true });
      if (status.status === "IN_PROGRESS" && status.logs.some((l) => l.message.startsWith("Step")))
        break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await fal.queue.cancel(ENDPOINT_ID, { requestId: request_id });
    let final = await fal.queue.status(ENDPOINT_ID, { requestId: request_id, logs: true });
    for (let i = 0; i < 100 && final.status !== "COMPLETED"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      final = await fal.queue.status(ENDPOINT_ID, { requestId: request_id, logs: true });
    }
    expect(final.status).toBe("COMPLETED");
    const messages = final.status === "COMPLETED" ? final.logs.map((log) => log.message) : [];
    expect(messages.some((m) => /^Cancelled at step \d+\/50$/.test(m))).toBe(true);
    expect(messages).not.toContain("Step 50/50");
  });

  it("answers ALREADY_COMPLETED for a finished request and NOT_FOUND for an unknown one", async () => {
    const { requestId } = await run({});
    const finished = await fal.queue.cancel(ENDPOINT_ID, { requestId }).catch((e: unknown) => e);
    expect(finished).toBeInstanceOf(ApiError);
    expect((finished as ApiError<{ status: string }>).body.status).toBe("ALREADY_COMPLETED");
    const unknown = await fal.queue
      .cancel(ENDPOINT_ID, { requestId: "00000000-0000-0000-0000-000000000000" })
      .catch((e: unknown) => e);
    expect((unknown as ApiError<{ status: string }>).status).toBe(404);
    expect((unknown as ApiError<{ status: string }>).body.status).toBe("NOT_FOUND");
  });

  it("answers 404 for the status and result of an unknown request", async () => {
    const requestId = "11111111-2222-3333-4444-555555555555";
    await expect(fal.queue.status(ENDPOINT_ID, { requestId })).rejects.toMatchObject({
      status: 404,
    });
    await expect(fal.queue.result(ENDPOINT_ID, { requestId })).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe("validation", () => {
  it("refuses an invalid body in the proxy with fal's 422 shape, before it is queued", async () => {
    const error = await fal
      .subscribe(ENDPOINT_ID, {
        input: { image_url: photoUrl, prompt: "x", num_images: 9, guidance_scale: -1 },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const fields = (error as ValidationError).fieldErrors;
    expect(fields.map((f) => f.loc)).toEqual([
      ["body", "guidance_scale"],
      ["body", "num_images"],
    ]);
    expect((error as ValidationError).getFieldErrors("num_images")[0]?.msg).toBe(
      "num_images must be at most 4",
    );
  });

  it.each([
    ["non-image bytes", Buffer.from("definitely not an image"), "text/plain", /not an image/],
    ["an SVG", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), "image/svg+xml", /SVG/],
    ["a truncated PNG", "truncated", "image/png", /corrupt or truncated/],
    ["a 20,000-px side", "huge", "image/png", /largest side allowed is 14142/],
  ] as const)("fails %s when the result is fetched, with a 422 on image_url", async (_, data, type, pattern) => {
    let bytes: Buffer;
    if (typeof data !== "string") {
      bytes = data;
    } else if (data === "truncated") {
      const full = await sharp({
        create: { width: 300, height: 300, channels: 3, background: "#888" },
      })
        .png({ compressionLevel: 0 })
        .toBuffer();
      bytes = full.subarray(0, Math.floor(full.length / 2));
    } else {
      bytes = await sharp({ create: { width: 20_000, height: 8, channels: 3, background: "#fff" } })
        .png()
        .toBuffer();
    }
    const url = await upload(bytes, type);
    const error = await run({ image_url: url }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const [field] = (error as ValidationError).fieldErrors;
    expect(field?.loc).toEqual(["body", "image_url"]);
    expect(field?.msg).toMatch(pattern);
  });

  it("refuses image URLs on private addresses without fetching them", async () => {
    const error = await run({ image_url: "http://169.254.169.254/latest/meta-data" }).catch(
      (e: unknown) => e,
    );
    expect((error as ValidationError).fieldErrors[0]?.msg).toMatch(/private or loopback/);
  });
});
