import { describe, expect, it, vi } from "vitest";
import { checkForm } from "@/lib/domain/form-check";
import { outputSize } from "@/lib/kontext/resolution";
import type { KeyValueStore } from "@/lib/persist/idb";
import { createSweepImageStore } from "@/lib/sweep/image-store";
import type { SweepRecord } from "@/lib/sweep/record";
import { createPlaygroundStore } from "./playground-store";
import { planSweep } from "./sweep-plan";
import { fakeHistory, fakeServices, tick, withImage } from "./test-support";
import type { PreparedFile } from "./types";

const STYLE = "https://example.com/style.safetensors";
/** The setup is saved 400 ms after the last change; a busy machine may take longer. */
const SAVED = { timeout: 5_000 };

/** Images of known sizes, by file name (the form's own photo is 1920×1080). */
const SIZES: Record<string, { width: number; height: number }> = {
  "photo.png": { width: 1920, height: 1080 },
  "chair.png": { width: 1024, height: 1024 },
  "lamp.jpg": { width: 640, height: 480 },
};

/** A sweep image store in memory, shared by the stores of one test (a reload). */
function memoryImages() {
  const records = new Map<string, unknown>();
  const kv: KeyValueStore = {
    get: async (key) => records.get(key),
    set: async (key, value) => {
      records.set(key, value);
    },
    del: async (key) => {
      records.delete(key);
    },
    entries: async () => [...records.entries()],
    clear: async () => records.clear(),
  };
  return { records, store: createSweepImageStore({ openStore: () => kv }) };
}

function services(saved: ReturnType<typeof fakeHistory>, images: ReturnType<typeof memoryImages>) {
  const prepared: { name: string; downscale: boolean }[] = [];
  const fake = fakeServices({
    history: saved.history,
    sweepImages: images.store,
    prepareFile: async (file, { downscale }): Promise<PreparedFile> => {
      prepared.push({ name: file.name, downscale });
      const size = SIZES[file.name];
      if (!size) throw new Error("This file is not an image");
      return { file, ...size, originalBytes: file.size, originalSize: null };
    },
  });
  return { ...fake, prepared };
}

const file = (name: string) =>
  new File([new Uint8Array([name.length])], name, { type: "image/png" });

const scaleAxis = {
  kind: "lora_scale" as const,
  text: "0.5, 1",
  target: { kind: "stack" as const, path: STYLE },
};

async function setUp() {
  const saved = fakeHistory();
  const images = memoryImages();
  const fake = services(saved, images);
  const store = createPlaygroundStore(fake.services);
  await store.getState().hydrate();
  await withImage(store);
  store.getState().addLora({ path: STYLE, scale: 1 });
  store
    .getState()
    .setSweepForm([
      { kind: "image", text: "", images: [{ source: "current", id: "current" }] },
      scaleAxis,
    ]);
  await store.getState().addSweepImages(0, [file("chair.png"), file("lamp.jpg")]);
  return { store, saved, images, ...fake };
}

describe("a sweep over input images", () => {
  it("plans the current image and two added files × 2 scales, each cell priced by its own size", async () => {
    const { store } = await setUp();
    const plan = planSweep(store.getState(), store.getState().sweepForm, 7, checkForm);
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.grid.columnLabels).toEqual(["photo", "chair", "lamp"]);
    expect(plan.grid.rowLabels).toEqual(["×0.5", "×1"]);
    // match_input: 1920×1080 bills 2 MP, 1024×1024 and 640×480 bill 1 MP each; two rows.
    expect(plan.estimate).toEqual({ requests: 6, images: 6, megapixels: 8, usd: 0.28 });
  });

  it("uploads each image once and sends every cell with its own image", async () => {
    const { store, calls } = await setUp();
    const id = await store.getState().startSweep(store.getState().sweepForm, {
      concurrency: 8,
      seed: 7,
    });
    await tick();
    expect(id).toBeTruthy();
    expect(calls.uploads).toBe(3);
    const sweep = store.getState().sweeps[0] as SweepRecord;
    const urls = sweep.cells.map((cell) => cell.request.image_url);
    expect(new Set(urls).size).toBe(3);
    // Columns are images: both rows of a column share its upload.
    expect(urls.slice(0, 3)).toEqual(urls.slice(3));
    // match_input: each output follows its own input (rounded as the endpoint does).
    const output = (name: string) =>
      outputSize("match_input", SIZES[name] ?? { width: 1, height: 1 });
    const row = [output("photo.png"), output("chair.png"), output("lamp.jpg")];
    expect(row[0]).toEqual({ width: 1920, height: 1072 });
    expect(sweep.cells.map((cell) => cell.predictedSize)).toEqual([...row, ...row]);
    expect(calls.submitted).toHaveLength(6);
    // Each cell's run is predicted at its own size.
    const runs = store.getState().runs;
    const lamp = sweep.cells[2]?.runId;
    expect(runs.find((run) => run.id === lamp)?.predictedSize).toEqual(output("lamp.jpg"));

    // A second sweep over the same images uploads nothing again.
    await store.getState().startSweep(store.getState().sweepForm, { concurrency: 1, seed: 8 });
    expect(calls.uploads).toBe(3);
  });

  it("needs no form image when the axis brings its own images", async () => {
    const { store } = await setUp();
    store.getState().clearImage();
    const withCurrent = planSweep(store.getState(), store.getState().sweepForm, 7, checkForm);
    expect(withCurrent).toMatchObject({ ok: false, axis: 0 });
    await store.getState().removeSweepImage(0, "current");
    const plan = planSweep(store.getState(), store.getState().sweepForm, 7, checkForm);
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.grid.columnLabels).toEqual(["chair", "lamp"]);
  });

  it("names the files it could not read and adds the rest", async () => {
    const { store } = await setUp();
    await store.getState().addSweepImages(0, [file("notes.txt"), file("chair.png")]);
    expect(store.getState().sweepImageError).toBe(
      "Left out — notes.txt: This file is not an image",
    );
    const names = store
      .getState()
      .sweepForm[0]?.images?.map((image) => (image.source === "file" ? image.name : "current"));
    expect(names).toEqual(["current", "chair.png", "lamp.jpg", "chair.png"]);
    const plan = planSweep(store.getState(), store.getState().sweepForm, 7, checkForm);
    expect(plan.ok && plan.grid.columnLabels).toEqual(["photo", "chair", "lamp", "chair 2"]);
  });

  it("survives a reload: the setup names the images, their bytes come back from the browser", async () => {
    const { store, saved, images } = await setUp();
    // Saved shortly after the last change.
    await vi.waitFor(
      () =>
        expect(saved.sweepSetup()?.axes[0]?.images?.map((image) => image.source)).toEqual([
          "current",
          "file",
          "file",
        ]),
      SAVED,
    );
    expect(images.records.size).toBe(2);

    const next = services(saved, images);
    const reloaded = createPlaygroundStore(next.services);
    await reloaded.getState().hydrate();
    await withImage(reloaded);
    reloaded.getState().addLora({ path: STYLE, scale: 1 });
    await vi.waitFor(() => {
      const plan = planSweep(reloaded.getState(), reloaded.getState().sweepForm, 7, checkForm);
      expect(plan.ok && plan.grid.columnLabels).toEqual(["photo", "chair", "lamp"]);
    }, SAVED);
    expect(next.prepared.map((entry) => entry.name)).toEqual(
      expect.arrayContaining(["chair.png", "lamp.jpg"]),
    );

    // Removing an image deletes its bytes once the setup is saved without it.
    const lamp = store.getState().sweepForm[0]?.images?.[2]?.id as string;
    await reloaded.getState().removeSweepImage(0, lamp);
    await vi.waitFor(() => expect([...images.records.keys()]).not.toContain(lamp), SAVED);
    expect(images.records.size).toBe(1);
  });

  it("reads the images again when downscaling is switched", async () => {
    const { store, prepared } = await setUp();
    prepared.length = 0;
    await store.getState().setShouldDownscale(false);
    await vi.waitFor(
      () =>
        expect(prepared.filter((entry) => entry.name !== "photo.png")).toEqual([
          { name: "chair.png", downscale: false },
          { name: "lamp.jpg", downscale: false },
        ]),
      SAVED,
    );
  });

  it("is never shared as a link", async () => {
    const { isSweepShareable, sweepRecipe } = await import("@/lib/share/recipe");
    const { store } = await setUp();
    await store.getState().startSweep(store.getState().sweepForm, { concurrency: 1, seed: 7 });
    const sweep = store.getState().sweeps[0] as SweepRecord;
    expect(isSweepShareable(sweep)).toBe(false);
    expect(() => sweepRecipe(sweep, () => undefined)).toThrow(/cannot be shared as a link/);
  });
});
