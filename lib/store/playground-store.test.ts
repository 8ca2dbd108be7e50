import { ApiError, ValidationError } from "@fal-ai/client";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { prepareImageFile, probeImageUrl } from "@/lib/browser/browser-image";
import { dataUriToBlob } from "@/lib/browser/data-uri";
import { toAppError } from "@/lib/browser/errors";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import { StorageFullError } from "@/lib/history/db";
import type { KontextRequest } from "@/lib/kontext/schema";
import { selectPredictedSize, selectPrice } from "./estimate";
import {
  canRetryRun,
  type createPlaygroundStore,
  DRAFT_SAVE_DELAY_MS,
  selectActiveRunCount,
} from "./playground-store";
import {
  type Deferred,
  deferred,
  fakeHistory,
  loadPersistenceEngine,
  output,
  readyStore,
  savedRun,
  tick,
  withImage,
} from "./test-support";
import type { PreparedFile } from "./types";

// Tests here that save runs without hydrating count the saves in ticks.
beforeAll(loadPersistenceEngine);

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

  it("uses a result as the next input without uploading it again", async () => {
    const { store } = readyStore();
    await store.getState().loadInputEngine();
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

  it("turns a data URI result into a file to upload", async () => {
    const { store } = readyStore();
    await store.getState().loadInputEngine();
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
      prompt: "Write a prompt: say what to change in the image",
      [`lora:${id}:path`]: expect.stringContaining("resolve/main/<file>.safetensors"),
      num_inference_steps: "Steps must be at most 50",
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
    await store.getState().reuseSettings(runId, { withSeed: true });
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

function photo(name = "photo.png", bytes = [1, 2, 3]): File {
  return new File([new Uint8Array(bytes)], name, { type: "image/png" });
}

const runById = (store: ReturnType<typeof createPlaygroundStore>, id: string | null) =>
  store.getState().runs.find((run) => run.id === id);

describe("retry after a failed upload (1)", () => {
  it("keeps the image of a run whose upload failed, so Retry uploads it again", async () => {
    let attempts = 0;
    const { store, calls } = readyStore({
      upload: async () => {
        attempts++;
        if (attempts === 1) throw new TypeError("Failed to fetch");
        return "https://storage.example/again.png";
      },
    });
    await withImage(store);
    const runId = await store.getState().startRun();
    await tick();
    const failed = runById(store, runId);
    expect(failed?.phase).toBe("failed");
    expect(failed?.request.image_url).toBe("");
    expect(failed && canRetryRun(failed)).toBe(true);
    expect(store.getState().alert).toMatchObject({ runId, topic: "run" });
    const retried = await store.getState().retryRun(runId as string);
    expect(retried).not.toBeNull();
    await tick();
    expect(attempts).toBe(2);
    expect(calls.submitted[0]?.image_url).toBe("https://storage.example/again.png");
    expect(runById(store, retried)?.upload).toBeNull();
  });

  it("offers Retry only for failed runs with a retryable error and an image", () => {
    const base = {
      phase: "failed" as const,
      error: toAppError(new TypeError("Failed to fetch")),
      request: { image_url: "https://storage.example/a.png" } as KontextRequest,
      upload: null,
    };
    expect(canRetryRun(base)).toBe(true);
    expect(canRetryRun({ ...base, phase: "running" })).toBe(false);
    expect(canRetryRun({ ...base, request: { ...base.request, image_url: "" } })).toBe(false);
    expect(
      canRetryRun({ ...base, request: { ...base.request, image_url: "" }, upload: photo() }),
    ).toBe(true);
    const invalid = new ValidationError({
      message: "Unprocessable Entity",
      status: 422,
      body: { detail: [{ loc: ["body", "prompt"], msg: "bad", type: "value_error" }] },
    });
    expect(canRetryRun({ ...base, error: toAppError(invalid) })).toBe(false);
  });
});

describe("cancel answers (2)", () => {
  const alreadyCompleted = () =>
    new ApiError({ message: "Bad Request", status: 400, body: { status: "ALREADY_COMPLETED" } });
  const notFound = () =>
    new ApiError({ message: "Not Found", status: 404, body: { status: "NOT_FOUND" } });

  it("lets a run keep its result when the cancel arrives after it finished", async () => {
    const { store, watchers } = readyStore({
      cancel: async () => {
        throw alreadyCompleted();
      },
    });
    await withImage(store);
    const runId = (await store.getState().startRun()) as string;
    await tick();
    await store.getState().cancelRun(runId);
    expect(runById(store, runId)?.isCancelRequested).toBe(false);
    expect(store.getState().alert).toBeNull();
    watchers.get("req-1")?.done.resolve();
    await tick();
    expect(runById(store, runId)).toMatchObject({ phase: "completed", error: null });
    expect(store.getState().alert).toBeNull();
  });

  it("reports a later failure after a NOT_FOUND cancel instead of calling it cancelled", async () => {
    const { store, watchers } = readyStore({
      cancel: async () => {
        throw notFound();
      },
    });
    await withImage(store);
    const runId = (await store.getState().startRun()) as string;
    await tick();
    await store.getState().cancelRun(runId);
    watchers
      .get("req-1")
      ?.done.reject(
        new ApiError({ message: "Bad Gateway", status: 502, body: { detail: "down" } }),
      );
    await tick();
    expect(runById(store, runId)?.phase).toBe("failed");
    expect(store.getState().alert).toMatchObject({ runId, topic: "run" });
    expect(store.getState().alert?.error.message).toBe("down (HTTP 502)");
  });

  it("shows any other cancel failure as a cancel alert, without Retry, and keeps following the run", async () => {
    const { store, watchers } = readyStore({
      cancel: async () => {
        throw new ApiError({ message: "Bad Gateway", status: 502, body: { detail: "proxy down" } });
      },
    });
    await withImage(store);
    const runId = (await store.getState().startRun()) as string;
    await tick();
    await store.getState().cancelRun(runId);
    const { alert } = store.getState();
    expect(alert).toMatchObject({ runId, topic: "cancel" });
    expect(alert?.error.message).toBe("proxy down (HTTP 502)");
    expect(runById(store, runId)).toMatchObject({ isCancelRequested: false, finishedAt: null });
    watchers.get("req-1")?.done.resolve();
    await tick();
    expect(runById(store, runId)?.phase).toBe("completed");
  });
});

describe("cancel stops the client (3)", () => {
  it("marks the run cancelled once the cancel is accepted and aborts its watch", async () => {
    const { store, calls, watchers } = readyStore({
      cancel: async (requestId) => {
        calls.cancelled.push(requestId);
      },
    });
    await withImage(store);
    const runId = (await store.getState().startRun()) as string;
    await tick();
    await store.getState().cancelRun(runId);
    expect(runById(store, runId)).toMatchObject({ phase: "cancelled", finishedAt: 1_000 });
    expect(watchers.get("req-1")?.signal?.aborted).toBe(true);
    // A watch that ignores the signal: its result is not fetched and the run stays cancelled.
    watchers.get("req-1")?.done.resolve();
    await tick();
    expect(calls.results).toEqual([]);
    expect(runById(store, runId)).toMatchObject({ phase: "cancelled", output: null });
    expect(store.getState().lastSeed).toBeNull();
  });

  it("ignores a result that arrives while an accepted cancel is being answered", async () => {
    const answer = deferred<void>();
    const { store, watchers } = readyStore({ cancel: () => answer.promise });
    await withImage(store);
    const runId = (await store.getState().startRun()) as string;
    await tick();
    const cancelling = store.getState().cancelRun(runId);
    watchers.get("req-1")?.done.resolve();
    await tick();
    expect(runById(store, runId)?.phase).not.toBe("completed");
    answer.resolve();
    await cancelling;
    await tick();
    expect(runById(store, runId)).toMatchObject({ phase: "cancelled", output: null });
  });

  it("aborts the upload of a run cancelled while it uploads", async () => {
    const upload = deferred<string>();
    const signals: (AbortSignal | undefined)[] = [];
    const { store } = readyStore({
      upload: (_file, signal) => {
        signals.push(signal);
        return upload.promise;
      },
    });
    await withImage(store);
    const runId = (await store.getState().startRun()) as string;
    await store.getState().cancelRun(runId);
    expect(signals[0]?.aborted).toBe(true);
    expect(runById(store, runId)?.phase).toBe("cancelled");
  });

  it("cancels on the server a request whose cancel came while it was being submitted", async () => {
    const submitted = deferred<string>();
    const { store, calls } = readyStore({ submit: () => submitted.promise });
    await withImage(store);
    const runId = (await store.getState().startRun()) as string;
    await tick();
    await store.getState().cancelRun(runId);
    expect(runById(store, runId)?.isCancelRequested).toBe(true);
    submitted.resolve("req-9");
    await tick();
    expect(calls.cancelled).toEqual(["req-9"]);
    expect(runById(store, runId)?.phase).toBe("cancelled");
  });
});

describe("image input races (4)", () => {
  function slowPrepare() {
    const pending = new Map<string, Deferred<PreparedFile>>();
    const prepareFile = (file: File) => {
      const step = deferred<PreparedFile>();
      pending.set(file.name, step);
      return step.promise;
    };
    const ready = (file: File, width = 100): PreparedFile => ({
      file,
      width,
      height: 100,
      originalBytes: file.size,
      originalSize: null,
    });
    return { pending, prepareFile, ready };
  }

  it("keeps the newest image when an earlier, slower read finishes last", async () => {
    const slow = slowPrepare();
    const { store } = readyStore({ prepareFile: slow.prepareFile });
    const a = photo("a.png");
    const b = photo("b.png");
    const first = store.getState().setImageFile(a);
    const second = store.getState().setImageFile(b);
    slow.pending.get("b.png")?.resolve(slow.ready(b, 200));
    await second;
    slow.pending.get("a.png")?.resolve(slow.ready(a, 300));
    await first;
    expect(store.getState().image).toMatchObject({ name: "b.png", width: 200 });
    expect(store.getState().isPreparingImage).toBe(false);
  });

  it("stays preparing while a newer read runs, and never makes a preview for a stale one", async () => {
    const slow = slowPrepare();
    const created: Blob[] = [];
    const { store } = readyStore({
      prepareFile: slow.prepareFile,
      createObjectUrl: (blob) => {
        created.push(blob);
        return `blob:${created.length}`;
      },
    });
    const a = photo("a.png");
    const b = photo("b.png");
    const first = store.getState().setImageFile(a);
    const second = store.getState().setImageFile(b);
    slow.pending.get("a.png")?.resolve(slow.ready(a));
    await first;
    expect(store.getState().isPreparingImage).toBe(true);
    expect(store.getState().image).toBeNull();
    expect(created).toEqual([]);
    slow.pending.get("b.png")?.resolve(slow.ready(b));
    await second;
    expect(created).toEqual([b]);
  });

  it("drops a URL read that finishes after a newer file", async () => {
    const probe = deferred<{ width: number; height: number }>();
    const { store } = readyStore({ probeUrl: () => probe.promise });
    const reading = store.getState().setImageUrl("https://example.com/cat.png");
    await store.getState().setImageFile(photo("new.png"));
    probe.resolve({ width: 10, height: 10 });
    await reading;
    expect(store.getState().image?.name).toBe("new.png");
  });

  it("lets clearImage cancel a read in progress", async () => {
    const slow = slowPrepare();
    const { store } = readyStore({ prepareFile: slow.prepareFile });
    const a = photo("a.png");
    const reading = store.getState().setImageFile(a);
    store.getState().clearImage();
    expect(store.getState().isPreparingImage).toBe(false);
    slow.pending.get("a.png")?.resolve(slow.ready(a));
    await reading;
    expect(store.getState().image).toBeNull();
  });

  it("refuses to start a run while the image is being read", async () => {
    const slow = slowPrepare();
    const { store, calls } = readyStore({ prepareFile: slow.prepareFile });
    const a = photo("a.png");
    const first = store.getState().setImageFile(a);
    slow.pending.get("a.png")?.resolve(slow.ready(a));
    await first;
    store.getState().setPrompt("make it snow");
    const b = photo("b.png");
    const reading = store.getState().setImageFile(b);
    expect(await store.getState().startRun()).toBeNull();
    expect(store.getState().fieldErrors.image_url).toBe("Wait until the image has been read");
    expect(store.getState().runs).toHaveLength(0);
    expect(calls.uploads).toBe(0);
    slow.pending.get("b.png")?.resolve(slow.ready(b));
    await reading;
    expect(store.getState().fieldErrors.image_url).toBeUndefined();
  });
});

describe("unusable image sizes (5)", () => {
  it("refuses a 0×0 image instead of throwing, and predicts no size for it", async () => {
    const { store } = readyStore({ probeUrl: async () => ({ width: 0, height: 0 }) });
    await store.getState().setImageUrl("https://example.com/odd.png");
    store.getState().setPrompt("x");
    expect(selectPredictedSize(store.getState())).toBeNull();
    await expect(store.getState().startRun()).resolves.toBeNull();
    expect(store.getState().fieldErrors.image_url).toMatch(/no usable size/);
    expect(store.getState().runs).toHaveLength(0);
  });

  it("turns an unexpected exception in startRun into the alert", async () => {
    const { store } = readyStore();
    await withImage(store);
    store.setState({
      services: {
        ...store.getState().services,
        newId: () => {
          throw new Error("no ids left");
        },
      },
    });
    await expect(store.getState().startRun()).resolves.toBeNull();
    expect(store.getState().alert).toMatchObject({ runId: null, topic: "run" });
    expect(store.getState().alert?.error.message).toBe("no ids left");
  });
});

describe("data URIs typed as a URL (6)", () => {
  it("reads a data URI as a file to upload, never as an image_url", async () => {
    const { store, calls } = readyStore();
    await store.getState().setImageUrl("  data:image/png;base64,AQID  ");
    const prepared = calls.prepared[0];
    expect(prepared?.file.type).toBe("image/png");
    expect(prepared?.file.size).toBe(3);
    expect(store.getState().image).toMatchObject({ source: "file", remoteUrl: null });
    store.getState().setPrompt("x");
    await store.getState().startRun();
    await tick();
    expect(calls.uploads).toBe(1);
    expect(calls.submitted[0]?.image_url).toBe("https://storage.example/upload-1.png");
  });

  it("explains a malformed data URI instead of throwing", async () => {
    const { store } = readyStore();
    await expect(
      store.getState().setImageUrl("data:image/png;base64,@@@"),
    ).resolves.toBeUndefined();
    expect(store.getState().imageError).toMatch(/could not be decoded/);
    await store.getState().setImageUrl("data:image/png;base64");
    expect(store.getState().imageError).toMatch(/malformed/);
    store.getState().useResultAsInput({
      url: "data:image/png;base64,%%%",
      width: 4,
      height: 4,
      content_type: "image/png",
    });
    expect(store.getState().imageError).toMatch(/could not be decoded/);
    expect(store.getState().image).toBeNull();
  });

  it("decodes percent-encoded data URIs", () => {
    const decoded = dataUriToBlob("data:image/gif,GIF89a%01%02");
    expect(decoded.ok && decoded.blob.size).toBe(8);
    expect(decoded.ok && decoded.blob.type).toBe("image/gif");
  });
});

describe("cancel is decided by the user, not the error text (7)", () => {
  it("reports a 400 that mentions cancel when nobody cancelled", async () => {
    const { store, watchers } = readyStore();
    await withImage(store);
    const runId = (await store.getState().startRun()) as string;
    await tick();
    watchers.get("req-1")?.done.reject(
      new ApiError({
        message: "Bad Request",
        status: 400,
        body: { detail: "The request was cancelled by the operator" },
      }),
    );
    await tick();
    expect(runById(store, runId)?.phase).toBe("failed");
    expect(store.getState().alert?.error).toMatchObject({ kind: "upstream" });
  });
});

describe("422s land on the rows that were sent (8)", () => {
  function failWith(detail: { loc: (string | number)[]; msg: string; type: string }[]) {
    return async () => {
      throw new ValidationError({ message: "Unprocessable Entity", status: 422, body: { detail } });
    };
  }

  it("maps loras.<i> through the run's LoRA ids, even after the form was reordered", async () => {
    const { store, watchers } = readyStore({
      result: failWith([{ loc: ["body", "loras", 0, "scale"], msg: "too strong", type: "x" }]),
    });
    await withImage(store);
    const a = store.getState().addLora({ path: "https://x/a.safetensors" });
    const b = store.getState().addLora({ path: "https://x/b.safetensors" });
    const runId = (await store.getState().startRun()) as string;
    expect(runById(store, runId)?.loraIds).toEqual([a, b]);
    await tick();
    store.getState().moveLora(b, -1);
    watchers.get("req-1")?.done.resolve();
    await tick();
    expect(store.getState().fieldErrors).toEqual({ [`lora:${a}:scale`]: "too strong" });
    expect(store.getState().alert).toBeNull();
  });

  it("puts errors that match no form field in the alert", async () => {
    const { store, watchers } = readyStore({
      result: failWith([
        { loc: ["body", "prompt"], msg: "too long", type: "x" },
        { loc: ["body", "loras"], msg: "at most 3 LoRAs", type: "x" },
        { loc: ["body", "content_type"], msg: "unsupported", type: "x" },
      ]),
    });
    await withImage(store);
    const runId = (await store.getState().startRun()) as string;
    await tick();
    watchers.get("req-1")?.done.resolve();
    await tick();
    expect(store.getState().fieldErrors).toEqual({ prompt: "too long" });
    const { alert } = store.getState();
    expect(alert).toMatchObject({ runId, topic: "run" });
    expect(alert?.error.message).toBe("loras: at most 3 LoRAs; content_type: unsupported");
  });

  it("shows a 422 without field paths (`input`) in the alert", async () => {
    const { store, watchers } = readyStore({
      result: async () => {
        throw new ValidationError({
          message: "Unprocessable Entity",
          status: 422,
          body: { detail: "The image could not be decoded" },
        });
      },
    });
    await withImage(store);
    await store.getState().startRun();
    await tick();
    watchers.get("req-1")?.done.resolve();
    await tick();
    expect(store.getState().alert?.error.message).toBe("input: The image could not be decoded");
  });
});

describe("one upload per image (9)", () => {
  it("shares an upload in flight between runs started before it finished", async () => {
    const upload = deferred<string>();
    const signals: (AbortSignal | undefined)[] = [];
    const { store, calls } = readyStore({
      upload: (_file, signal) => {
        signals.push(signal);
        return upload.promise;
      },
    });
    await withImage(store);
    const first = (await store.getState().startRun()) as string;
    const second = (await store.getState().startRun()) as string;
    const third = (await store.getState().startRun()) as string;
    expect(signals).toHaveLength(1);
    // Cancelling one run stops only its own wait; the others still need the upload.
    await store.getState().cancelRun(first);
    expect(signals[0]?.aborted).toBe(false);
    upload.resolve("https://storage.example/shared.png");
    await tick();
    expect(calls.submitted.map((request) => request.image_url)).toEqual([
      "https://storage.example/shared.png",
      "https://storage.example/shared.png",
    ]);
    expect(runById(store, second)?.requestId).not.toBeNull();
    expect(runById(store, third)?.requestId).not.toBeNull();
    expect(store.getState().image?.remoteUrl).toBe("https://storage.example/shared.png");
  });

  it("aborts a shared upload once every run waiting for it is cancelled", async () => {
    const signals: (AbortSignal | undefined)[] = [];
    const { store } = readyStore({
      upload: (_file, signal) => {
        signals.push(signal);
        return new Promise<string>(() => {});
      },
    });
    await withImage(store);
    const first = (await store.getState().startRun()) as string;
    const second = (await store.getState().startRun()) as string;
    await store.getState().cancelRun(first);
    expect(signals[0]?.aborted).toBe(false);
    await store.getState().cancelRun(second);
    expect(signals[0]?.aborted).toBe(true);
    // The next run uploads again rather than joining the aborted upload.
    await store.getState().startRun();
    expect(signals).toHaveLength(2);
  });
});

describe("downscale setting (12)", () => {
  it("prepares the chosen photo again when the setting changes", async () => {
    const { store, calls, watchers } = readyStore({
      prepareFile: async (file, options) => {
        calls.prepared.push({ file, downscale: options.downscale });
        const redrawn = new File([new Uint8Array([1])], "small.webp", { type: "image/webp" });
        return options.downscale
          ? {
              file: redrawn,
              width: 2000,
              height: 1500,
              originalBytes: file.size,
              originalSize: { width: 4000, height: 3000 },
            }
          : { file, width: 4000, height: 3000, originalBytes: file.size, originalSize: null };
      },
    });
    await withImage(store);
    const chosen = calls.prepared[0]?.file;
    expect(store.getState().image).toMatchObject({ width: 2000, originalFile: chosen });
    await store.getState().startRun();
    await tick();
    watchers.get("req-1")?.done.resolve();
    await tick();
    expect(store.getState().image?.remoteUrl).not.toBeNull();
    await store.getState().setShouldDownscale(false);
    expect(calls.prepared.at(-1)).toEqual({ file: chosen, downscale: false });
    expect(store.getState().image).toMatchObject({
      width: 4000,
      file: chosen,
      originalSize: null,
      remoteUrl: null,
    });
  });

  it("re-reads a photo still being read with the new setting", async () => {
    const steps: Deferred<PreparedFile>[] = [];
    const { store, calls } = readyStore({
      prepareFile: (file, options) => {
        calls.prepared.push({ file, downscale: options.downscale });
        const step = deferred<PreparedFile>();
        steps.push(step);
        return step.promise;
      },
    });
    const a = photo("a.png");
    const reading = store.getState().setImageFile(a);
    const toggled = store.getState().setShouldDownscale(false);
    expect(calls.prepared).toEqual([
      { file: a, downscale: true },
      { file: a, downscale: false },
    ]);
    const result = { file: a, width: 5, height: 5, originalBytes: 3, originalSize: null };
    steps[0]?.resolve({ ...result, width: 1 });
    steps[1]?.resolve(result);
    await Promise.all([reading, toggled]);
    expect(store.getState().image?.width).toBe(5);
  });
});

describe("browser image: probing URLs (5)", () => {
  class FakeImage {
    static last: FakeImage | null = null;
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    naturalWidth = 0;
    naturalHeight = 0;
    src = "";
    constructor() {
      FakeImage.last = this;
    }
  }

  beforeEach(() => {
    FakeImage.last = null;
    vi.stubGlobal("Image", FakeImage);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it("gives up after 20 s and clears the image", async () => {
    vi.useFakeTimers();
    const probing = probeImageUrl("https://example.com/slow.png");
    const outcome = probing.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(await outcome).toMatchObject({ message: expect.stringMatching(/within 20 s/) });
    expect(FakeImage.last).toMatchObject({ src: "", onload: null, onerror: null });
  });

  it("refuses SVG URLs by extension and images that report 0×0", async () => {
    await expect(probeImageUrl("https://example.com/logo.svg?v=2")).rejects.toThrow(/SVG/);
    expect(FakeImage.last).toBeNull();
    const probing = probeImageUrl("https://example.com/icon");
    FakeImage.last?.onload?.();
    await expect(probing).rejects.toThrow(/SVG/);
  });

  it("reads the size of a loaded image", async () => {
    const probing = probeImageUrl("https://example.com/cat.png");
    const image = FakeImage.last as FakeImage;
    image.naturalWidth = 640;
    image.naturalHeight = 480;
    image.onload?.();
    await expect(probing).resolves.toEqual({ width: 640, height: 480 });
    expect(image.src).toBe("");
  });
});

describe("browser image: downscaling (12)", () => {
  function stubCanvas(options: { webp: boolean; bytes: number }) {
    const requested: { type: string; quality?: number }[] = [];
    class FakeCanvas {
      getContext() {
        return { imageSmoothingQuality: "low", drawImage: () => {} };
      }
      async convertToBlob(request: { type: string; quality?: number }) {
        requested.push(request);
        const type = request.type === "image/webp" && !options.webp ? "image/png" : request.type;
        return new Blob([new Uint8Array(options.bytes)], { type });
      }
    }
    vi.stubGlobal("OffscreenCanvas", FakeCanvas);
    vi.stubGlobal("createImageBitmap", async () => ({
      width: 4000,
      height: 3000,
      close: () => {},
    }));
    return requested;
  }
  const big = (type: string, name: string) => new File([new Uint8Array(10_000)], name, { type });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("redraws PNG input as WebP at quality 0.95 when the browser encodes WebP", async () => {
    const requested = stubCanvas({ webp: true, bytes: 100 });
    const prepared = await prepareImageFile(big("image/png", "shot.png"), { downscale: true });
    expect(requested).toEqual([{ type: "image/webp", quality: 0.95 }]);
    expect(prepared.file.type).toBe("image/webp");
    expect((prepared.file as File).name).toMatch(/^shot-\d+x\d+\.webp$/);
    expect(prepared.originalSize).toEqual({ width: 4000, height: 3000 });
  });

  it("falls back to PNG without WebP, and keeps JPEG as JPEG", async () => {
    stubCanvas({ webp: false, bytes: 100 });
    const png = await prepareImageFile(big("image/png", "a.png"), { downscale: true });
    expect(png.file.type).toBe("image/png");
    const requested = stubCanvas({ webp: true, bytes: 100 });
    const jpeg = await prepareImageFile(big("image/jpeg", "b.jpg"), { downscale: true });
    expect(jpeg.file.type).toBe("image/jpeg");
    expect(requested[0]?.type).toBe("image/jpeg");
  });

  it("uploads the chosen file when the redrawn one is not smaller", async () => {
    stubCanvas({ webp: true, bytes: 20_000 });
    const chosen = big("image/png", "tiny.png");
    const prepared = await prepareImageFile(chosen, { downscale: true });
    expect(prepared).toEqual({
      file: chosen,
      width: 4000,
      height: 3000,
      originalBytes: 10_000,
      originalSize: null,
    });
  });
});

/** An in-memory history that checks every record as the real one does before keeping it. */

describe("history", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("saves a run with its request id as soon as it is queued, before watching it", async () => {
    const saved = fakeHistory();
    const { store, watchers } = readyStore({ history: saved.history });
    await withImage(store);
    const runId = await store.getState().startRun();
    await tick();
    expect(watchers.has("req-1")).toBe(true);
    expect(saved.saves[0]).toMatchObject({
      id: runId,
      status: "queued",
      requestId: "req-1",
      finishedAt: null,
      output: null,
      backend: "local",
      parentId: null,
      inputThumbnail: null,
    });
    expect(saved.saves[0]?.request.image_url).toBe("https://storage.example/upload-1.png");
    // Nothing was saved while it uploaded (it could not be resumed).
    expect(saved.saves.every((run) => run.requestId !== null)).toBe(true);
  });

  it("saves each phase change and the completed run with its output", async () => {
    const saved = fakeHistory();
    const { store, watchers } = readyStore({ history: saved.history });
    await withImage(store);
    const runId = (await store.getState().startRun()) as string;
    await tick();
    watchers.get("req-1")?.onUpdate({ status: "IN_PROGRESS", logs: ["Step 1/30"] });
    watchers.get("req-1")?.onUpdate({ status: "IN_PROGRESS", logs: ["Step 1/30", "Step 2/30"] });
    watchers.get("req-1")?.done.resolve();
    await tick();
    await tick();
    expect(saved.saves.map((run) => run.status)).toEqual(["queued", "running", "completed"]);
    expect(saved.runs.get(runId)).toMatchObject({
      status: "completed",
      finishedAt: 1_000,
      output: { seed: 77 },
      error: null,
    });
  });

  it("saves a failed run with its error and a cancelled one", async () => {
    const saved = fakeHistory();
    const { store, watchers } = readyStore({ history: saved.history });
    await withImage(store);
    const failedId = (await store.getState().startRun()) as string;
    const cancelledId = (await store.getState().startRun()) as string;
    await tick();
    watchers.get("req-1")?.done.reject(new Error("engine exploded"));
    await store.getState().cancelRun(cancelledId);
    await tick();
    expect(saved.runs.get(failedId)).toMatchObject({
      status: "failed",
      error: { kind: "upstream", message: "engine exploded" },
    });
    expect(saved.runs.get(cancelledId)?.status).toBe("cancelled");
  });

  it("restores the draft and the saved runs, newest first, with their results", async () => {
    const older = savedRun({ id: "old", createdAt: 100 });
    const newer = savedRun({ id: "new", createdAt: 200 });
    const saved = fakeHistory({
      runs: [older, newer],
      draft: {
        prompt: "from the draft",
        loras: [{ path: "https://x/a.safetensors", scale: 0.5, isEnabled: false }],
        settings: { ...DEFAULT_SETTINGS, num_inference_steps: 12, seedMode: "fixed", seed: 5 },
      },
    });
    const { store } = readyStore({ history: saved.history });
    await store.getState().hydrate();
    const state = store.getState();
    expect(state.isHistoryLoaded).toBe(true);
    expect(state.prompt).toBe("from the draft");
    expect(state.loras).toMatchObject([
      { path: "https://x/a.safetensors", scale: 0.5, isEnabled: false },
    ]);
    expect(state.settings).toMatchObject({ num_inference_steps: 12, seedMode: "fixed", seed: 5 });
    expect(state.runs.map((run) => run.id)).toEqual(["new", "old"]);
    expect(state.runs[0]).toMatchObject({
      phase: "completed",
      finishedAt: 600,
      output: { seed: 9 },
      inputThumbnail: null,
      parentId: null,
    });
  });

  it("resumes a run that was in flight and completes it", async () => {
    const saved = fakeHistory({
      runs: [savedRun({ id: "flying", status: "running", finishedAt: null, output: null })],
    });
    const { store, watchers } = readyStore({
      history: saved.history,
      result: async () => output(savedRun().request, 31),
    });
    await store.getState().hydrate();
    expect(store.getState().runs[0]).toMatchObject({ id: "flying", phase: "running" });
    // Followed once the runs' code has loaded (a module import).
    await vi.waitFor(() => expect(watchers.has("req-old")).toBe(true));
    watchers.get("req-old")?.onUpdate({ status: "IN_PROGRESS", logs: ["Step 20/30"] });
    expect(store.getState().runs[0]?.step).toEqual({ current: 20, total: 30 });
    watchers.get("req-old")?.done.resolve();
    await tick();
    await tick();
    expect(store.getState().runs[0]).toMatchObject({ phase: "completed", output: { seed: 31 } });
    expect(saved.runs.get("flying")).toMatchObject({
      status: "completed",
      output: { seed: 31 },
    });
  });

  it("fails a resumed run the server no longer knows", async () => {
    const saved = fakeHistory({
      runs: [savedRun({ id: "lost", status: "queued", finishedAt: null, output: null })],
    });
    const { store, watchers } = readyStore({ history: saved.history });
    await store.getState().hydrate();
    await vi.waitFor(() => expect(watchers.has("req-old")).toBe(true));
    watchers
      .get("req-old")
      ?.done.reject(
        new ApiError({ message: "not found", status: 404, body: { status: "NOT_FOUND" } }),
      );
    await tick();
    await tick();
    expect(store.getState().runs[0]?.phase).toBe("failed");
    expect(saved.runs.get("lost")?.status).toBe("failed");
  });

  it("saves the draft once the form has been still for a moment, after hydrating", async () => {
    vi.useFakeTimers();
    const saved = fakeHistory();
    const { store } = readyStore({ history: saved.history });
    store.getState().setPrompt("before hydrating");
    await store.getState().hydrate();
    store.getState().setPrompt("a");
    store.getState().setPrompt("ab");
    store.getState().addLora({ path: "https://x/b.safetensors", scale: 2 });
    store.getState().setSetting("num_inference_steps", 40);
    await vi.advanceTimersByTimeAsync(DRAFT_SAVE_DELAY_MS - 1);
    expect(saved.drafts).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved.drafts).toHaveLength(1);
    expect(saved.draft()).toMatchObject({
      prompt: "ab",
      loras: [{ path: "https://x/b.safetensors", scale: 2, isEnabled: true }],
      settings: { num_inference_steps: 40 },
    });
  });

  it("saves a pending draft at once when a run starts", async () => {
    vi.useFakeTimers();
    const saved = fakeHistory();
    const { store } = readyStore({ history: saved.history });
    await store.getState().hydrate();
    await withImage(store);
    store.getState().setSetting("num_inference_steps", 50);
    await store.getState().startRun();
    await vi.advanceTimersByTimeAsync(0);
    expect(saved.drafts).toHaveLength(1);
    expect(saved.draft()?.settings.num_inference_steps).toBe(50);
    await vi.advanceTimersByTimeAsync(DRAFT_SAVE_DELAY_MS);
    expect(saved.drafts).toHaveLength(1);
  });

  it("reports a full storage in the alert when a run cannot be saved", async () => {
    const saved = fakeHistory();
    const { store } = readyStore({
      history: {
        ...saved.history,
        saveRun: async () => {
          throw new StorageFullError("the run");
        },
      },
    });
    await withImage(store);
    await store.getState().startRun();
    await tick();
    await tick();
    expect(store.getState().alert).toMatchObject({ topic: "history", runId: null });
    expect(store.getState().alert?.error.message).toMatch(
      /^Your browser's storage is full: history could not be saved/,
    );
  });

  it("reports a draft that cannot be saved in the alert", async () => {
    const saved = fakeHistory();
    const { store } = readyStore({
      history: {
        ...saved.history,
        saveDraft: async () => {
          throw new Error("disk on fire");
        },
      },
    });
    await store.getState().hydrate();
    await store.getState().saveDraft();
    expect(store.getState().alert).toMatchObject({ topic: "history" });
    expect(store.getState().alert?.error.message).toBe("History could not be saved: disk on fire");
  });
});

describe("input thumbnails and lineage", () => {
  const THUMB = "data:image/jpeg;base64,VEhVTUI=";
  const RESULT = {
    url: "https://cdn.example/r.png",
    width: 1024,
    height: 768,
    content_type: "image/png",
  };

  it("makes a thumbnail of the chosen file in parallel with the upload and saves it", async () => {
    const saved = fakeHistory();
    const thumbnail = deferred<string | null>();
    const makeThumbnail = vi.fn((_source: Blob | string) => thumbnail.promise);
    const { store, watchers } = readyStore({ history: saved.history, makeThumbnail });
    await withImage(store);
    const runId = (await store.getState().startRun()) as string;
    expect(makeThumbnail).toHaveBeenCalledTimes(1);
    expect(makeThumbnail.mock.calls[0]?.[0]).toBe(store.getState().image?.file);
    expect(store.getState().runs[0]?.inputThumbnail).toBeNull();
    await tick();
    // Queued (and saved) before the thumbnail is ready: it does not hold the run up.
    expect(saved.saves[0]).toMatchObject({ requestId: "req-1", inputThumbnail: null });
    thumbnail.resolve(THUMB);
    await tick();
    expect(store.getState().runs[0]?.inputThumbnail).toBe(THUMB);
    expect(saved.runs.get(runId)?.inputThumbnail).toBe(THUMB);
    watchers.get("req-1")?.done.resolve();
    await tick();
    await tick();
    expect(saved.runs.get(runId)).toMatchObject({ status: "completed", inputThumbnail: THUMB });
  });

  it("makes the thumbnail of a URL input from the URL", async () => {
    const makeThumbnail = vi.fn(async () => THUMB);
    const { store } = readyStore({ makeThumbnail });
    await store.getState().setImageUrl("https://example.com/cat.png");
    store.getState().setPrompt("make it snow");
    await store.getState().startRun();
    await tick();
    expect(makeThumbnail).toHaveBeenCalledWith("https://example.com/cat.png");
    expect(store.getState().runs[0]?.inputThumbnail).toBe(THUMB);
  });

  it("records the run a result came from as the parent of runs launched with it", async () => {
    const saved = fakeHistory();
    const { store, watchers } = readyStore({ history: saved.history });
    await store.getState().loadInputEngine();
    store.getState().useResultAsInput(RESULT, { runId: "parent-run" });
    expect(store.getState().image?.parentRunId).toBe("parent-run");
    store.getState().setPrompt("make it snow");
    const runId = (await store.getState().startRun()) as string;
    await tick();
    expect(store.getState().runs[0]?.parentId).toBe("parent-run");
    expect(saved.runs.get(runId)?.parentId).toBe("parent-run");
    watchers.get("req-1")?.done.resolve();
    await tick();
    await tick();
    expect(saved.runs.get(runId)).toMatchObject({ status: "completed", parentId: "parent-run" });
  });

  it("has no parent for a result used without its run, nor for a chosen file", async () => {
    const { store } = readyStore();
    await store.getState().loadInputEngine();
    store.getState().useResultAsInput(RESULT);
    expect(store.getState().image?.parentRunId).toBeNull();
    await withImage(store);
    expect(store.getState().image?.parentRunId).toBeNull();
    await store.getState().startRun();
    expect(store.getState().runs[0]?.parentId).toBeNull();
  });

  it("keeps the thumbnail and the parent when a run is retried", async () => {
    const saved = fakeHistory();
    let submits = 0;
    const makeThumbnail = vi.fn(async () => THUMB);
    const { store } = readyStore({
      history: saved.history,
      makeThumbnail,
      submit: async () => {
        submits++;
        if (submits === 1) throw new Error("upstream unreachable");
        return `req-${submits}`;
      },
    });
    await store.getState().loadInputEngine();
    store.getState().useResultAsInput(RESULT, { runId: "parent-run" });
    store.getState().setPrompt("make it snow");
    const failedId = (await store.getState().startRun()) as string;
    await tick();
    await tick();
    expect(store.getState().runs[0]).toMatchObject({ id: failedId, phase: "failed" });
    const retryId = (await store.getState().retryRun(failedId)) as string;
    await tick();
    const retried = store.getState().runs.find((run) => run.id === retryId);
    expect(retried).toMatchObject({ inputThumbnail: THUMB, parentId: "parent-run" });
    expect(makeThumbnail).toHaveBeenCalledTimes(1);
    expect(saved.runs.get(retryId)).toMatchObject({
      inputThumbnail: THUMB,
      parentId: "parent-run",
    });
  });

  it("starts the run without a thumbnail when making one fails", async () => {
    const { store, calls } = readyStore({
      makeThumbnail: async () => {
        throw new Error("cannot decode");
      },
    });
    await withImage(store);
    const runId = await store.getState().startRun();
    await tick();
    await tick();
    expect(runId).not.toBeNull();
    expect(calls.submitted).toHaveLength(1);
    expect(store.getState().runs[0]).toMatchObject({ phase: "queued", inputThumbnail: null });
    expect(store.getState().alert).toBeNull();
  });

  it("restores a saved run's thumbnail and parent", async () => {
    const saved = fakeHistory({
      runs: [savedRun({ id: "child", inputThumbnail: THUMB, parentId: "saved-parent" })],
    });
    const { store } = readyStore({ history: saved.history });
    await store.getState().hydrate();
    expect(store.getState().runs[0]).toMatchObject({
      id: "child",
      inputThumbnail: THUMB,
      parentId: "saved-parent",
    });
  });
});
