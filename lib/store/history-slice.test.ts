import { describe, expect, it } from "vitest";
import { StorageFullError } from "@/lib/history/db";
import type { HistoryRun } from "@/lib/history/types";
import type { ImportedRun } from "@/lib/history/zip";
import { createPlaygroundStore } from "./playground-store";
import {
  fakeHistory,
  fakeImages,
  fakeServices,
  finishedSavedRun,
  tick,
  withImage,
} from "./test-support";
import type { PlaygroundServices } from "./types";

const png = (text = "png") => new Blob([text], { type: "image/png" });

/** A saved completed run with its own input and output URLs. */
function finished(id: string, createdAt: number, overrides: Partial<HistoryRun> = {}): HistoryRun {
  const base = finishedSavedRun(id, createdAt);
  return {
    ...base,
    request: { ...base.request, image_url: `https://files.example/${id}-in.png`, prompt: id },
    output: base.output && {
      ...base.output,
      images: [
        {
          ...(base.output.images[0] as NonNullable<HistoryRun["output"]>["images"][0]),
          url: `https://files.example/${id}-out.png`,
        },
      ],
    },
    ...overrides,
  };
}

async function loadedStore(
  runs: HistoryRun[],
  options: { remote?: Record<string, Blob>; services?: Partial<PlaygroundServices> } = {},
) {
  const saved = fakeHistory({ runs });
  const cache = fakeImages(options.remote);
  const fake = fakeServices({ history: saved.history, images: cache.images, ...options.services });
  const store = createPlaygroundStore(fake.services);
  await store.getState().hydrate();
  await tick();
  return { store, saved, cache, ...fake };
}

const ids = (store: ReturnType<typeof createPlaygroundStore>) =>
  store.getState().runs.map((run) => run.id);

describe("favourites", () => {
  it("stars and unstars a run, and the star is saved with it", async () => {
    const { store, saved } = await loadedStore([finished("a", 100)]);
    store.getState().toggleFavourite("a");
    expect(store.getState().runs[0]?.isFavourite).toBe(true);
    await tick();
    expect(saved.runs.get("a")?.isFavourite).toBe(true);

    const reloaded = await loadedStore([...saved.runs.values()]);
    expect(reloaded.store.getState().runs[0]?.isFavourite).toBe(true);
    reloaded.store.getState().toggleFavourite("a");
    await tick();
    expect(reloaded.saved.runs.get("a")?.isFavourite).toBe(false);
  });
});

describe("delete with undo", () => {
  it("deletes runs and their records, and undo brings both back in their places", async () => {
    const { store, saved } = await loadedStore([
      finished("a", 100),
      finished("b", 200),
      finished("c", 300),
    ]);
    expect(await store.getState().deleteRuns(["b"])).toBe(1);
    expect(ids(store)).toEqual(["c", "a"]);
    expect(saved.runs.has("b")).toBe(false);
    expect(store.getState().deletion?.runs.map((run) => run.id)).toEqual(["b"]);

    await store.getState().undoDelete();
    expect(ids(store)).toEqual(["c", "b", "a"]);
    await tick();
    expect(saved.runs.get("b")?.request.prompt).toBe("b");
    expect(store.getState().deletion).toBeNull();
  });

  it("keeps deleted runs' cached images until the deletion is final, sparing shared ones", async () => {
    const shared = "https://files.example/shared.png";
    const a = finished("a", 100, {});
    const b = finished("b", 200);
    const c = {
      ...finished("c", 300),
      request: { ...finished("c", 300).request, image_url: b.request.image_url },
    };
    const { store, cache } = await loadedStore([a, b, c], {
      remote: {
        [a.request.image_url]: png(),
        [b.request.image_url]: png(),
        [shared]: png(),
        "https://files.example/a-out.png": png(),
        "https://files.example/b-out.png": png(),
        "https://files.example/c-out.png": png(),
      },
    });
    await tick();
    expect(cache.cached.has("https://files.example/b-out.png")).toBe(true);

    await store.getState().deleteRuns(["b"]);
    expect(cache.cached.has("https://files.example/b-out.png")).toBe(true); // undo still possible
    // The next deletion makes this one final: b's output goes, its input stays (c uses it).
    await store.getState().deleteRuns(["a"]);
    expect(cache.cached.has("https://files.example/b-out.png")).toBe(false);
    expect(cache.cached.has(b.request.image_url)).toBe(true);
    expect(cache.cached.has("https://files.example/a-out.png")).toBe(true);
    await store.getState().forgetDeletion();
    expect(cache.cached.has("https://files.example/a-out.png")).toBe(false);
    expect(store.getState().deletion).toBeNull();
    await store.getState().undoDelete(); // nothing left to undo
    expect(ids(store)).toEqual(["c"]);
  });

  it("clear all deletes every finished run and leaves runs in flight alone", async () => {
    const { store, saved, watchers } = await loadedStore([finished("a", 100), finished("b", 200)]);
    await withImage(store);
    const active = await store.getState().startRun();
    await tick();
    expect(watchers.size).toBe(1);
    expect(await store.getState().clearHistory()).toBe(2);
    expect(ids(store)).toEqual([active]);
    expect([...saved.runs.keys()]).toEqual([active]);
  });

  it("deleting a run in flight does nothing", async () => {
    const { store } = await loadedStore([]);
    await withImage(store);
    const active = (await store.getState().startRun()) as string;
    expect(await store.getState().deleteRuns([active])).toBe(0);
    expect(ids(store)).toEqual([active]);
  });
});

describe("images outlive their URLs", () => {
  it("caches a finished run's outputs and the uploaded input under their URLs", async () => {
    const remote = { "https://cdn.example/out-0.png": png("out") };
    const { store, cache, watchers } = await loadedStore([], { remote });
    await withImage(store);
    await store.getState().startRun();
    await tick();
    watchers.get("req-1")?.done.resolve();
    await tick();
    await tick();
    expect(store.getState().runs[0]?.phase).toBe("completed");
    expect([...cache.cached.keys()].sort()).toEqual([
      "https://cdn.example/out-0.png",
      "https://storage.example/upload-1.png",
    ]);
  });

  it("on loading, caches what is missing and drops images no run refers to", async () => {
    const a = finished("a", 100);
    const { cache } = await loadedStore([a], {
      remote: { "https://files.example/a-out.png": png() },
    });
    // (the fake's remote has no input image: it is not fetchable, so it is not cached)
    expect([...cache.cached.keys()]).toEqual(["https://files.example/a-out.png"]);

    const orphan = fakeImages();
    orphan.cached.set("https://files.example/gone.png", png());
    orphan.cached.set("https://files.example/a-out.png", png());
    const saved = fakeHistory({ runs: [a] });
    const store = createPlaygroundStore(
      fakeServices({ history: saved.history, images: orphan.images }).services,
    );
    await store.getState().hydrate();
    await tick();
    expect([...orphan.cached.keys()]).toEqual(["https://files.example/a-out.png"]);
  });

  it("tells the person when older images were evicted, and when storage is full", async () => {
    const { store, cache } = await loadedStore([]);
    cache.outcome.next = { evicted: ["https://x/1.png", "https://x/2.png"], wasStorageFull: false };
    await store.getState().cacheImage("https://x/3.png", png());
    expect(store.getState().storageNotice).toMatch(/2 oldest cached images were removed/);
    store.getState().dismissStorageNotice();

    cache.outcome.next = { evicted: ["https://x/3.png"], wasStorageFull: true };
    await store.getState().cacheImage("https://x/4.png", png());
    expect(store.getState().storageNotice).toMatch(/storage is short/);

    cache.outcome.next = new StorageFullError("the image");
    await store.getState().cacheImage("https://x/5.png", png());
    expect(store.getState().storageNotice).toMatch(/storage is full: new images could not be kept/);
    expect(cache.cached.has("https://x/5.png")).toBe(false);
  });
});

describe("import", () => {
  it("adds imported runs in date order with their images cached, skipping known and unfinished ones", async () => {
    const { store, saved, cache } = await loadedStore([finished("a", 100), finished("c", 300)]);
    const imported: ImportedRun[] = [
      {
        run: finished("b", 200),
        images: [
          {
            name: "b-1.png",
            index: 0,
            url: "https://files.example/b-out.png",
            bytes: new Uint8Array([1, 2, 3]),
            contentType: "image/png",
          },
        ],
      },
      { run: finished("a", 100), images: [] },
      {
        run: finished("d", 400, { status: "running", finishedAt: null, output: null }),
        images: [],
      },
    ];
    expect(await store.getState().importRuns(imported)).toEqual({
      added: 1,
      skipped: 1,
      unfinished: 1,
    });
    expect(ids(store)).toEqual(["c", "b", "a"]);
    expect(saved.runs.get("b")?.request.prompt).toBe("b");
    const blob = cache.cached.get("https://files.example/b-out.png");
    expect(blob?.type).toBe("image/png");
    expect([...new Uint8Array(await (blob as Blob).arrayBuffer())]).toEqual([1, 2, 3]);
  });
});

describe("remix and recipes", () => {
  const withLoras = (run: HistoryRun): HistoryRun => ({
    ...run,
    request: {
      ...run.request,
      loras: [{ path: "https://example.com/style.safetensors", scale: 0.8 }],
      num_inference_steps: 12,
      guidance_scale: 4,
      output_format: "jpeg",
    },
  });

  it("puts the run's input image, prompt, LoRAs and settings back, the seed only when asked", async () => {
    const run = withLoras(finished("a", 100));
    const { store } = await loadedStore([run]);
    await store.getState().remixRun("a");
    const state = store.getState();
    expect(state.prompt).toBe("a");
    expect(state.loras.map(({ path, scale, isEnabled }) => ({ path, scale, isEnabled }))).toEqual([
      { path: "https://example.com/style.safetensors", scale: 0.8, isEnabled: true },
    ]);
    expect(state.settings).toMatchObject({
      num_inference_steps: 12,
      guidance_scale: 4,
      output_format: "jpeg",
      seedMode: "random",
    });
    expect(state.image).toMatchObject({ source: "url", remoteUrl: run.request.image_url });

    await store.getState().remixRun("a", { withSeed: true });
    expect(store.getState().settings).toMatchObject({ seedMode: "fixed", seed: run.output?.seed });
  });

  it("uses the cached copy when the input's URL no longer loads, keeping the lineage", async () => {
    const run = { ...finished("b", 100), parentId: "a" };
    const { store, cache } = await loadedStore([run], {
      services: {
        probeUrl: async () => {
          throw new Error("gone");
        },
      },
    });
    cache.cached.set(run.request.image_url, png("input"));
    await store.getState().remixRun("b");
    const { image } = store.getState();
    expect(image).toMatchObject({ source: "file", remoteUrl: null, parentRunId: "a" });
    expect(await image?.file?.text()).toBe("input");
  });

  it("says the input is gone when its URL fails and no copy was kept", async () => {
    const { store } = await loadedStore([finished("a", 100)], {
      services: {
        probeUrl: async () => {
          throw new Error("gone");
        },
      },
    });
    await store.getState().remixRun("a");
    expect(store.getState().image).toBeNull();
    expect(store.getState().imageError).toMatch(/no longer available/);
    expect(store.getState().prompt).toBe("a"); // the settings are back all the same
  });

  it("applies a recipe with its seed fixed", async () => {
    const { store } = await loadedStore([]);
    const { request } = withLoras(finished("r", 1));
    const { image_url: _dropped, ...withoutImage } = request;
    await store.getState().applyRecipe({ request: withoutImage, seed: 1234 });
    expect(store.getState().settings).toMatchObject({
      seedMode: "fixed",
      seed: 1234,
      num_inference_steps: 12,
    });
    expect(store.getState().prompt).toBe("r");
    expect(store.getState().image).toBeNull();
  });
});

describe("choosing runs for export", () => {
  it("toggles runs in and out of the choice, and forgets deleted ones", async () => {
    const { store } = await loadedStore([finished("a", 100), finished("b", 200)]);
    store.getState().toggleRunSelected("a");
    store.getState().toggleRunSelected("b");
    expect(store.getState().selectedRunIds).toEqual(["a", "b"]);
    store.getState().toggleRunSelected("a");
    expect(store.getState().selectedRunIds).toEqual(["b"]);
    await store.getState().deleteRuns(["b"]);
    expect(store.getState().selectedRunIds).toEqual([]);
    store.getState().selectRuns(["a", "a"]);
    expect(store.getState().selectedRunIds).toEqual(["a"]);
  });
});

describe("storage running short", () => {
  it("says so on loading when the site uses more than 90% of its quota", async () => {
    const cache = fakeImages();
    const full = { ...cache.images, estimate: async () => ({ usage: 95, quota: 100 }) };
    const store = createPlaygroundStore(
      fakeServices({ history: fakeHistory().history, images: full }).services,
    );
    await store.getState().hydrate();
    await tick();
    expect(store.getState().storageNotice).toMatch(/95% full/);

    const roomy = { ...cache.images, estimate: async () => ({ usage: 10, quota: 100 }) };
    const other = createPlaygroundStore(
      fakeServices({ history: fakeHistory().history, images: roomy }).services,
    );
    await other.getState().hydrate();
    await tick();
    expect(other.getState().storageNotice).toBeNull();
  });
});
