import { ApiError, ValidationError } from "@fal-ai/client";
import { describe, expect, it } from "vitest";
import type { KontextOutput, KontextRequest } from "@/lib/kontext/schema";
import {
  createPlaygroundStore,
  selectActiveRunCount,
  selectPredictedSize,
  selectPrice,
} from "./playground-store";
import type { PlaygroundServices, PreparedFile, RunUpdate } from "./types";

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function output(request: KontextRequest, seed = 77): KontextOutput {
  return {
    images: Array.from({ length: request.num_images }, (_, i) => ({
      url: `https://cdn.example/out-${i}.png`,
      width: 1024,
      height: 768,
      content_type: "image/png",
    })),
    timings: { inference: 1.5 },
    seed,
    has_nsfw_concepts: Array.from({ length: request.num_images }, () => false),
    prompt: request.prompt,
  };
}

/** Fake services whose steps the test releases one at a time. */
function fakeServices(overrides: Partial<PlaygroundServices> = {}) {
  let counter = 0;
  const calls = {
    uploads: 0,
    submitted: [] as KontextRequest[],
    cancelled: [] as string[],
    revoked: [] as string[],
  };
  const watchers = new Map<string, { onUpdate: (u: RunUpdate) => void; done: Deferred<void> }>();
  const services: PlaygroundServices = {
    upload: async () => {
      calls.uploads++;
      return `https://storage.example/upload-${calls.uploads}.png`;
    },
    submit: async (input) => {
      calls.submitted.push(input);
      return `req-${calls.submitted.length}`;
    },
    watch: (requestId, onUpdate) => {
      const done = deferred<void>();
      watchers.set(requestId, { onUpdate, done });
      return done.promise;
    },
    result: async (requestId) =>
      output(calls.submitted[Number(requestId.slice(4)) - 1] as KontextRequest),
    cancel: async (requestId) => {
      calls.cancelled.push(requestId);
      watchers.get(requestId)?.done.reject(
        new ApiError({
          message: "cancelled",
          status: 400,
          body: { detail: "The request was cancelled" },
        }),
      );
    },
    prepareFile: async (file): Promise<PreparedFile> => ({
      file,
      width: 1920,
      height: 1080,
      originalBytes: file.size,
      originalSize: null,
    }),
    probeUrl: async () => ({ width: 800, height: 600 }),
    createObjectUrl: () => `blob:preview-${++counter}`,
    revokeObjectUrl: (url) => calls.revoked.push(url),
    now: () => 1_000,
    newId: () => `id-${++counter}`,
    ...overrides,
  };
  return { services, calls, watchers };
}

function readyStore(overrides: Partial<PlaygroundServices> = {}) {
  const fake = fakeServices(overrides);
  const store = createPlaygroundStore(fake.services);
  return { store, ...fake };
}

async function withImage(store: ReturnType<typeof createPlaygroundStore>) {
  await store
    .getState()
    .setImageFile(new File([new Uint8Array([1, 2, 3])], "photo.png", { type: "image/png" }));
  store.getState().setPrompt("make it snow");
}

describe("input", () => {
  it("reads a chosen file into a preview with its size and bytes", async () => {
    const { store } = readyStore();
    await withImage(store);
    expect(store.getState().image).toMatchObject({
      source: "file",
      name: "photo.png",
      previewUrl: "blob:preview-1",
      width: 1920,
      height: 1080,
      originalBytes: 3,
      uploadBytes: 3,
      remoteUrl: null,
    });
    expect(store.getState().isPreparingImage).toBe(false);
  });

  it("keeps the current image and shows the reason when a new file is refused", async () => {
    const { store } = readyStore();
    await withImage(store);
    store.setState({
      services: {
        ...store.getState().services,
        prepareFile: async () => {
          throw new Error("notes.txt is not a supported image (text/plain)");
        },
      },
    });
    await store.getState().setImageFile(new File(["x"], "notes.txt", { type: "text/plain" }));
    expect(store.getState().imageError).toBe("notes.txt is not a supported image (text/plain)");
    expect(store.getState().image?.name).toBe("photo.png");
  });

  it("revokes the old preview when the image is replaced or cleared", async () => {
    const { store, calls } = readyStore();
    await withImage(store);
    await store
      .getState()
      .setImageFile(new File([new Uint8Array([9])], "b.png", { type: "image/png" }));
    expect(calls.revoked).toEqual(["blob:preview-1"]);
    store.getState().clearImage();
    expect(calls.revoked).toEqual(["blob:preview-1", "blob:preview-2"]);
    expect(store.getState().image).toBeNull();
  });

  it("takes an image URL after checking it and reading its size", async () => {
    const { store } = readyStore();
    await store.getState().setImageUrl("ftp://example.com/a.png");
    expect(store.getState().imageError).toMatch(/http or https/);
    await store.getState().setImageUrl("https://example.com/cat.png");
    expect(store.getState().image).toMatchObject({
      source: "url",
      remoteUrl: "https://example.com/cat.png",
      width: 800,
      height: 600,
    });
  });

  it("uses a result as the next input without uploading it again", () => {
    const { store } = readyStore();
    store.getState().useResultAsInput({
      url: "https://cdn.example/r.png",
      width: 1024,
      height: 768,
      content_type: "image/png",
    });
    expect(store.getState().image).toMatchObject({
      source: "result",
      remoteUrl: "https://cdn.example/r.png",
      file: null,
    });
  });

  it("turns a data URI result into a file to upload", () => {
    const { store } = readyStore();
    store.getState().useResultAsInput({
      url: "data:image/png;base64,AQID",
      width: 4,
      height: 4,
      content_type: "image/png",
    });
    const image = store.getState().image;
    expect(image?.remoteUrl).toBeNull();
    expect(image?.file?.size).toBe(3);
    expect(image?.file?.type).toBe("image/png");
  });
});

describe("LoRA stack", () => {
  it("adds, reorders, duplicates, switches off and removes LoRAs", () => {
    const { store } = readyStore();
    const a = store.getState().addLora({ path: "https://x/a.safetensors" });
    const b = store.getState().addLora({ path: "https://x/b.safetensors", scale: 0.5 });
    store.getState().moveLora(b, -1);
    expect(store.getState().loras.map((l) => l.id)).toEqual([b, a]);
    store.getState().moveLora(b, -1);
    expect(store.getState().loras.map((l) => l.id)).toEqual([b, a]);
    store.getState().duplicateLora(b);
    expect(store.getState().loras.map((l) => [l.path, l.scale])).toEqual([
      ["https://x/b.safetensors", 0.5],
      ["https://x/b.safetensors", 0.5],
      ["https://x/a.safetensors", 1],
    ]);
    store.getState().toggleLora(a);
    expect(store.getState().loras.find((l) => l.id === a)?.isEnabled).toBe(false);
    store.getState().removeLora(a);
    expect(store.getState().loras).toHaveLength(2);
  });

  it("keeps scales within 0–4 on the 0.05 grid", () => {
    const { store } = readyStore();
    const id = store.getState().addLora();
    for (const [given, kept] of [
      [1.234, 1.25],
      [9, 4],
      [-1, 0],
      [Number.NaN, 1],
    ]) {
      store.getState().updateLora(id, { scale: given as number });
      expect(store.getState().loras[0]?.scale).toBe(kept);
    }
  });
});

describe("settings", () => {
  it("starts at the endpoint's defaults and resets one or all", () => {
    const { store } = readyStore();
    expect(store.getState().settings).toMatchObject({
      num_inference_steps: 30,
      guidance_scale: 2.5,
      num_images: 1,
      output_format: "png",
      acceleration: "none",
      resolution_mode: "match_input",
      enable_safety_checker: true,
      sync_mode: false,
      seedMode: "random",
    });
    store.getState().setSetting("num_images", 3);
    store.getState().setSetting("guidance_scale", 7);
    store.getState().resetSetting("num_images");
    expect(store.getState().settings.num_images).toBe(1);
    expect(store.getState().settings.guidance_scale).toBe(7);
    store.getState().resetSettings();
    expect(store.getState().settings.guidance_scale).toBe(2.5);
  });

  it("predicts the output size and price from the image and the mode", async () => {
    const { store } = readyStore();
    expect(selectPredictedSize(store.getState())).toBeNull();
    store.getState().setSetting("resolution_mode", "16:9");
    expect(selectPredictedSize(store.getState())).toEqual({ width: 1360, height: 768 });
    await withImage(store);
    store.getState().setSetting("resolution_mode", "auto");
    store.getState().setSetting("num_images", 2);
    expect(selectPredictedSize(store.getState())).toEqual({ width: 1392, height: 752 });
    expect(selectPrice(store.getState())?.usd).toBe(0.07);
  });
});

describe("running", () => {
  it("refuses to start without an image, prompt or valid LoRA paths, naming each field", async () => {
    const { store, calls } = readyStore();
    const id = store.getState().addLora({ path: "fal/Plushie-Kontext-Dev-LoRA" });
    store.getState().setSetting("num_inference_steps", 60);
    expect(await store.getState().startRun()).toBeNull();
    expect(store.getState().fieldErrors).toEqual({
      image_url: "Add an image to edit",
      prompt: "prompt is required",
      [`lora:${id}:path`]: expect.stringContaining("resolve/main/<file>.safetensors"),
      num_inference_steps: "num_inference_steps must be at most 50",
    });
    expect(calls.uploads).toBe(0);
    expect(store.getState().runs).toHaveLength(0);
  });

  it("clears a field's error when the field changes", async () => {
    const { store } = readyStore();
    await store.getState().startRun();
    store.getState().setPrompt("x");
    expect(store.getState().fieldErrors.prompt).toBeUndefined();
  });

  it("moves a run through uploading, queue and progress to its result", async () => {
    const upload = deferred<string>();
    const { store, calls, watchers } = readyStore({ upload: () => upload.promise });
    await withImage(store);
    store
      .getState()
      .addLora({ path: "https://huggingface.co/a/b/blob/main/c.safetensors", scale: 0.5 });
    const off = store.getState().addLora({ path: "https://x/off.safetensors" });
    store.getState().toggleLora(off);
    const runId = await store.getState().startRun();
    expect(store.getState().runs[0]).toMatchObject({ id: runId, phase: "uploading" });
    upload.resolve("https://storage.example/upload-1.png");
    await tick();
    const run = () => store.getState().runs[0];
    expect(calls.submitted).toHaveLength(1);
    expect(calls.submitted[0]).toMatchObject({
      image_url: "https://storage.example/upload-1.png",
      prompt: "make it snow",
      loras: [{ path: "https://huggingface.co/a/b/resolve/main/c.safetensors", scale: 0.5 }],
      num_inference_steps: 30,
    });
    expect(calls.submitted[0]?.seed).toBeUndefined();
    const watcher = watchers.get("req-1");
    watcher?.onUpdate({ status: "IN_QUEUE", queuePosition: 2 });
    expect(run()).toMatchObject({ phase: "queued", queuePosition: 2, requestId: "req-1" });
    watcher?.onUpdate({ status: "IN_PROGRESS", logs: ["Loading", "Step 1/30", "Step 2/30"] });
    expect(run()).toMatchObject({ phase: "running", step: { current: 2, total: 30 } });
    watcher?.done.resolve();
    await tick();
    expect(run()).toMatchObject({ phase: "completed", finishedAt: 1_000 });
    expect(run()?.output?.images).toHaveLength(1);
    expect(store.getState().lastSeed).toBe(77);
    expect(selectActiveRunCount(store.getState())).toBe(0);
  });

  it("uploads an image once and reuses its URL for the next runs", async () => {
    const { store, calls, watchers } = readyStore();
    await withImage(store);
    await store.getState().startRun();
    await tick();
    watchers.get("req-1")?.done.resolve();
    await store.getState().startRun();
    await tick();
    expect(calls.uploads).toBe(1);
    expect(calls.submitted[1]?.image_url).toBe("https://storage.example/upload-1.png");
  });

  it("runs several requests at once and sends the fixed seed", async () => {
    const { store, calls } = readyStore();
    await withImage(store);
    store.getState().setSetting("seedMode", "fixed");
    store.getState().setSetting("seed", 1234);
    await store.getState().startRun();
    await store.getState().startRun();
    await tick();
    expect(selectActiveRunCount(store.getState())).toBe(2);
    expect(calls.submitted.map((r) => r.seed)).toEqual([1234, 1234]);
  });

  it("cancels a run while it uploads, before anything is queued", async () => {
    const upload = deferred<string>();
    const { store, calls } = readyStore({ upload: () => upload.promise });
    await withImage(store);
    const runId = (await store.getState().startRun()) as string;
    await store.getState().cancelRun(runId);
    upload.resolve("https://storage.example/late.png");
    await tick();
    expect(store.getState().runs[0]?.phase).toBe("cancelled");
    expect(calls.submitted).toHaveLength(0);
  });

  it("cancels a queued or running request through the service", async () => {
    const { store, calls } = readyStore();
    await withImage(store);
    const runId = (await store.getState().startRun()) as string;
    await tick();
    await store.getState().cancelRun(runId);
    await tick();
    expect(calls.cancelled).toEqual(["req-1"]);
    expect(store.getState().runs[0]?.phase).toBe("cancelled");
    expect(store.getState().alert).toBeNull();
  });

  it("puts a 422 next to its fields, mapping LoRA indexes to rows", async () => {
    const { store, watchers } = readyStore({
      result: async () => {
        throw new ValidationError({
          message: "Unprocessable Entity",
          status: 422,
          body: {
            detail: [
              { loc: ["body", "image_url"], msg: "The input is not an image", type: "value_error" },
              {
                loc: ["body", "loras", 0, "path"],
                msg: "Could not download the LoRA",
                type: "value_error",
              },
            ],
          },
        });
      },
    });
    await withImage(store);
    const off = store.getState().addLora({ path: "https://x/off.safetensors" });
    store.getState().toggleLora(off);
    const on = store.getState().addLora({ path: "https://x/on.safetensors" });
    await store.getState().startRun();
    await tick();
    watchers.get("req-1")?.done.resolve();
    await tick();
    expect(store.getState().fieldErrors).toEqual({
      image_url: "The input is not an image",
      [`lora:${on}:path`]: "Could not download the LoRA",
    });
    expect(store.getState().runs[0]?.phase).toBe("failed");
    expect(store.getState().alert).toBeNull();
  });

  it("puts other failures in the one alert, and retry runs the same request again", async () => {
    let attempts = 0;
    const { store, calls } = readyStore({
      submit: async (input) => {
        attempts++;
        if (attempts === 1)
          throw new ApiError({
            message: "Bad Gateway",
            status: 502,
            body: { message: "The upstream could not be reached" },
          });
        calls.submitted.push(input);
        return "req-1";
      },
    });
    await withImage(store);
    const runId = (await store.getState().startRun()) as string;
    await tick();
    const { alert } = store.getState();
    expect(alert?.runId).toBe(runId);
    expect(alert?.error).toMatchObject({ kind: "upstream", isRetryable: true });
    expect(alert?.error.message).toBe("The upstream could not be reached (HTTP 502)");
    await store.getState().retryRun(runId);
    await tick();
    expect(store.getState().alert).toBeNull();
    expect(calls.submitted[0]?.image_url).toBe("https://storage.example/upload-1.png");
    expect(store.getState().runs).toHaveLength(2);
  });

  it("puts a run's settings back in the form, with its seed when asked", async () => {
    const { store, watchers } = readyStore();
    await withImage(store);
    store.getState().addLora({ path: "https://x/a.safetensors", scale: 1.5 });
    store.getState().setSetting("num_images", 2);
    const runId = (await store.getState().startRun()) as string;
    await tick();
    watchers.get("req-1")?.done.resolve();
    await tick();
    store.getState().resetSettings();
    store.getState().setPrompt("something else");
    store.getState().reuseSettings(runId, { withSeed: true });
    const state = store.getState();
    expect(state.prompt).toBe("make it snow");
    expect(state.loras.map((l) => [l.path, l.scale])).toEqual([["https://x/a.safetensors", 1.5]]);
    expect(state.settings).toMatchObject({ num_images: 2, seedMode: "fixed", seed: 77 });
  });

  it("fixes the seed to the last run's on request", async () => {
    const { store, watchers } = readyStore();
    store.getState().reuseLastSeed();
    expect(store.getState().settings.seedMode).toBe("random");
    await withImage(store);
    await store.getState().startRun();
    await tick();
    watchers.get("req-1")?.done.resolve();
    await tick();
    store.getState().reuseLastSeed();
    expect(store.getState().settings).toMatchObject({ seedMode: "fixed", seed: 77 });
  });
});
