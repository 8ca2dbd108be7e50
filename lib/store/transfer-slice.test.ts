import { strToU8, zipSync } from "fflate";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { checkForm } from "@/lib/domain/form-check";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import { embedPngText } from "@/lib/history/png-metadata";
import { readRecipe } from "@/lib/history/recipe-png";
import { toSidecar } from "@/lib/history/sidecar";
import type { HistoryRun } from "@/lib/history/types";
import { LIBRARY_FORMAT } from "@/lib/library/library-file";
import { encodeRecipe } from "@/lib/share/link";
import { runRecipe } from "@/lib/share/recipe";
import { userLora } from "@/tests/fixtures/library";
import { createPlaygroundStore } from "./playground-store";
import { planSweep } from "./sweep-plan";
import {
  fakeHistory,
  fakeImages,
  fakeServices,
  finishedSavedRun,
  tick,
  withImage,
} from "./test-support";

async function pngBytes(colour = "#f80"): Promise<Uint8Array> {
  return new Uint8Array(
    await sharp({ create: { width: 8, height: 6, channels: 3, background: colour } })
      .png()
      .toBuffer(),
  );
}

function finished(id: string, createdAt: number, prompt = id): HistoryRun {
  const base = finishedSavedRun(id, createdAt);
  const output = base.output as NonNullable<HistoryRun["output"]>;
  return {
    ...base,
    request: { ...base.request, prompt, image_url: `https://files.example/${id}-in.png` },
    output: {
      ...output,
      images: output.images.map((image) => ({
        ...image,
        url: `https://files.example/${id}-out.png`,
      })),
    },
  };
}

async function loadedStore(runs: HistoryRun[] = []) {
  const saved = fakeHistory({ runs });
  const cache = fakeImages();
  const fake = fakeServices({ history: saved.history, images: cache.images });
  const store = createPlaygroundStore(fake.services);
  await store.getState().hydrate();
  await tick();
  return { store, saved, cache, ...fake };
}

const file = (bytes: Uint8Array | string, name: string, type = "") =>
  new File([typeof bytes === "string" ? bytes : (bytes as Uint8Array<ArrayBuffer>)], name, {
    type,
  });

async function exported(runs: HistoryRun[]) {
  const source = await loadedStore(runs);
  for (const run of runs) {
    for (const image of run.output?.images ?? []) {
      source.cache.cached.set(
        image.url,
        new Blob([(await pngBytes()) as Uint8Array<ArrayBuffer>], { type: "image/png" }),
      );
    }
  }
  const download = await source.store.getState().exportRuns(runs.map((run) => run.id));
  if (!download) throw new Error("nothing exported");
  return { download, source };
}

describe("export and import", () => {
  it("exports chosen runs as a zip that imports them, images included, into another browser", async () => {
    const { download, source } = await exported([finished("a", 100), finished("b", 200)]);
    expect(download.filename).toMatch(/^kontext-runs-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(source.store.getState().transferNotice).toEqual({
      tone: "success",
      message: "Exported 2 runs",
    });

    const target = await loadedStore();
    await target.store
      .getState()
      .openFile(
        file(
          new Uint8Array(await download.blob.arrayBuffer()),
          download.filename,
          "application/zip",
        ),
      );
    expect(target.store.getState().transferNotice?.message).toBe(
      `Imported 2 runs from ${download.filename}`,
    );
    expect(target.store.getState().runs.map((run) => run.id)).toEqual(["b", "a"]);
    expect([...target.saved.runs.keys()].sort()).toEqual(["a", "b"]);
    const image = target.cache.cached.get("https://files.example/a-out.png");
    expect(readRecipe(new Uint8Array(await (image as Blob).arrayBuffer())).ok).toBe(true);
  });

  it("lists an image it cannot get without a file, and says so", async () => {
    const source = await loadedStore([finished("a", 100)]);
    const download = await source.store.getState().exportRuns(["a"]);
    expect(download?.filename).toBe("kontext-run-9.zip");
    expect(source.store.getState().transferNotice?.message).toMatch(
      /1 image is no longer available/,
    );
  });

  it("refuses a corrupt zip, a foreign zip and a newer export, changing nothing", async () => {
    const target = await loadedStore([finished("kept", 50)]);
    const before = target.store.getState().runs;
    const { download } = await exported([finished("a", 100)]);
    const valid = new Uint8Array(await download.blob.arrayBuffer());

    await target.store.getState().openFile(file(valid.slice(0, valid.length / 2), "cut.zip"));
    expect(target.store.getState().transferNotice).toMatchObject({
      tone: "error",
      message: expect.stringMatching(/^cut\.zip was not imported: /),
    });

    await target.store
      .getState()
      .openFile(file(zipSync({ "notes.txt": strToU8("hi") }), "other.zip"));
    expect(target.store.getState().transferNotice?.message).toMatch(
      /not exported by Kontext Playground/,
    );

    const manifest = JSON.stringify({
      format: "kontext-playground/export",
      version: 99,
      exportedAt: "x",
      runs: [],
    });
    await target.store
      .getState()
      .openFile(file(zipSync({ "manifest.json": strToU8(manifest) }), "future.zip"));
    expect(target.store.getState().transferNotice?.message).toMatch(/newer/);

    expect(target.store.getState().runs).toBe(before);
    expect([...target.saved.runs.keys()]).toEqual(["kept"]);
  });
});

describe("dropping settings on the app", () => {
  it("a run's sidecar JSON restores its prompt, settings and seed", async () => {
    const run = finished("a", 100, "make it snow");
    run.request.num_inference_steps = 14;
    const { store } = await loadedStore();
    await store
      .getState()
      .openFile(file(JSON.stringify(toSidecar(run)), "a.json", "application/json"));
    expect(store.getState().prompt).toBe("make it snow");
    expect(store.getState().settings).toMatchObject({
      num_inference_steps: 14,
      seedMode: "fixed",
      seed: 9,
    });
    expect(store.getState().transferNotice?.message).toBe("Settings restored from a.json");
    expect(store.getState().image?.remoteUrl).toBe(run.request.image_url);
  });

  it("a JSON that is not a sidecar, or not JSON at all, changes nothing and says why", async () => {
    const { store } = await loadedStore();
    store.getState().setPrompt("mine");
    await store.getState().openFile(file("{ nope", "broken.json"));
    expect(store.getState().transferNotice).toEqual({
      tone: "error",
      message: "broken.json was not used: This file is not valid JSON",
    });
    await store.getState().openFile(file(JSON.stringify({ hello: 1 }), "other.json"));
    expect(store.getState().transferNotice?.message).toMatch(/^other\.json was not used: /);
    expect(store.getState().prompt).toBe("mine");
  });

  it("an exported LoRA library is imported into the library, and a damaged one says why", async () => {
    const { store } = await loadedStore();
    const library = { format: LIBRARY_FORMAT, version: 1, loras: [userLora()] };
    await store.getState().openFile(file(JSON.stringify(library), "loras.json"));
    expect(store.getState().userLoras).toEqual([userLora()]);
    expect(store.getState().transferNotice).toEqual({
      tone: "success",
      message: "Imported loras.json: 1 added, 0 updated",
    });
    const damaged = { ...library, loras: [{ ...userLora(), scale: -1 }] };
    await store.getState().openFile(file(JSON.stringify(damaged), "bad.json"));
    expect(store.getState().transferNotice?.tone).toBe("error");
    expect(store.getState().transferNotice?.message).toMatch(
      /^bad\.json was not imported: LoRA 1 \("My sketch LoRA"\) is invalid: 'scale'/,
    );
    expect(store.getState().userLoras).toEqual([userLora()]);
  });

  it("a downloaded PNG carries its run's settings, and dropping it restores them", async () => {
    const run = finished("a", 100, "paint it blue");
    const source = await loadedStore([run]);
    source.cache.cached.set(
      "https://files.example/a-out.png",
      new Blob([(await pngBytes()) as Uint8Array<ArrayBuffer>], { type: "image/png" }),
    );
    const blob = await source.store.getState().resultBlob("a", 0);
    const bytes = new Uint8Array(await (blob as Blob).arrayBuffer());
    const recipe = readRecipe(bytes);
    expect(recipe.ok && recipe.request).toEqual(run.request);

    const target = await loadedStore();
    const png = file(bytes, "kontext-9-1.png", "image/png");
    await target.store.getState().openFile(png);
    expect(target.store.getState().prompt).toBe("paint it blue");
    expect(target.store.getState().transferNotice).toEqual({
      tone: "success",
      message: "Settings restored from kontext-9-1.png.",
      imageFile: png,
    });
  });

  it("a PNG without settings becomes the input image; one with corrupt settings changes nothing", async () => {
    const { store, calls } = await loadedStore();
    const plain = file(await pngBytes(), "plain.png", "image/png");
    await store.getState().openFile(plain);
    expect(calls.prepared.map((entry) => entry.file)).toEqual([plain]);
    expect(store.getState().image?.name).toBe("plain.png");

    const corrupt = embedPngText(await pngBytes(), "{not json");
    await store.getState().openFile(file(corrupt, "corrupt.png", "image/png"));
    expect(store.getState().transferNotice?.message).toMatch(
      /^corrupt\.png was not used: .*corrupt/,
    );
    expect(calls.prepared).toHaveLength(1);
    expect(store.getState().image?.name).toBe("plain.png");
  });
});

describe("sweeps travel with their runs", () => {
  it("exports a sweep with its runs and imports it back as a sweep, starting nothing", async () => {
    const a = finished("a", 100);
    const b = finished("b", 100);
    const source = await loadedStore([a, b]);
    const sweep = {
      id: "sweep-1",
      createdAt: 100,
      axes: [{ kind: "guidance" as const, text: "1, 2, 3", labels: ["1", "2", "3"] }],
      columnLabels: ["1", "2", "3"],
      rowLabels: [""],
      cells: [
        { row: 0, column: 0, request: a.request, status: "started" as const, runId: "a" },
        { row: 0, column: 1, request: b.request, status: "started" as const, runId: "b" },
        { row: 0, column: 2, request: b.request, status: "pending" as const, runId: null },
      ],
      concurrency: 2,
      inputThumbnail: null,
      predictedSize: { width: 1024, height: 768 },
      backend: "local" as const,
    };
    source.store.getState().restoreSweeps([sweep]);
    const download = await source.store
      .getState()
      .exportRuns(["a", "b"], { sweepIds: ["sweep-1"] });
    if (!download) throw new Error("nothing exported");

    const target = await loadedStore();
    await target.store
      .getState()
      .openFile(file(new Uint8Array(await download.blob.arrayBuffer()), "s.zip"));
    expect(target.store.getState().transferNotice?.message).toBe(
      "Imported 1 sweep (2 runs) from s.zip",
    );
    const [imported] = target.store.getState().sweeps;
    expect(imported?.cells.map((cell) => [cell.status, cell.runId])).toEqual([
      ["started", "a"],
      ["started", "b"],
      ["cancelled", null],
    ]);
    expect(target.saved.sweeps.get("sweep-1")?.cells).toEqual(imported?.cells);
    expect(target.calls.submitted).toHaveLength(0);
  });
});

describe("files opened while the history loads", () => {
  it("wait for it: the saved draft does not overwrite restored settings", async () => {
    const run = finished("a", 100, "from the sidecar");
    const saved = fakeHistory({
      draft: { prompt: "old draft", loras: [], settings: { ...DEFAULT_SETTINGS } },
    });
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const loadDraft = saved.history.loadDraft;
    saved.history.loadDraft = async () => {
      await gate;
      return loadDraft();
    };
    const store = createPlaygroundStore(fakeServices({ history: saved.history }).services);
    const hydrating = store.getState().hydrate();
    const opening = store
      .getState()
      .openFile(file(JSON.stringify(toSidecar(run)), "a.json", "application/json"));
    release();
    await Promise.all([hydrating, opening]);
    expect(store.getState().prompt).toBe("from the sidecar");
  });
});

describe("opening a shared link", () => {
  it("puts the run's input, prompt, LoRAs, settings and seed in the form", async () => {
    const run = finished("a", 100, "shared prompt");
    const { store } = await loadedStore();
    await store.getState().openSharedRecipe(encodeRecipe(runRecipe(run)));
    expect(store.getState().prompt).toBe("shared prompt");
    expect(store.getState().settings).toMatchObject({ seedMode: "fixed", seed: 9 });
    expect(store.getState().image?.remoteUrl).toBe(run.request.image_url);
    expect(store.getState().transferNotice?.message).toMatch(
      /^Settings restored from a shared link/,
    );
  });

  it("says what is wrong with a broken link and changes nothing", async () => {
    const { store } = await loadedStore();
    store.getState().setPrompt("mine");
    const token = encodeRecipe(runRecipe(finished("a", 100)));
    await store.getState().openSharedRecipe(token.slice(0, -6));
    expect(store.getState().transferNotice?.tone).toBe("error");
    expect(store.getState().transferNotice?.message).toMatch(
      /^The shared link could not be opened: /,
    );
    expect(store.getState().prompt).toBe("mine");
  });
});

describe("opening a shared sweep", () => {
  it("puts its base settings in the form and its axes in the sweep form", async () => {
    const { store } = await loadedStore();
    await withImage(store);
    store.getState().addLora({ path: "https://example.com/style.safetensors", scale: 1 });
    const plan = planSweep(
      store.getState(),
      [
        {
          kind: "lora_scale",
          text: "0.5, 1",
          target: { kind: "stack", path: "https://example.com/style.safetensors" },
        },
      ],
      5,
      checkForm,
    );
    if (!plan.ok) throw new Error(plan.message);
    const token = encodeRecipe({
      kind: "sweep",
      axes: [{ kind: "lora_scale", labels: plan.grid.columnLabels }],
      columnLabels: plan.grid.columnLabels,
      rowLabels: plan.grid.rowLabels,
      cells: plan.grid.cells.map((cell) => ({
        ...cell,
        request: { ...cell.request, image_url: "https://files.example/in.png" },
        output: null,
      })),
      createdAt: 1,
      backend: "fal",
    });
    const target = await loadedStore();
    await target.store.getState().openSharedRecipe(token);
    expect(target.store.getState().sweepForm).toEqual([
      {
        kind: "lora_scale",
        text: "0.5, 1",
        target: { kind: "stack", path: "https://example.com/style.safetensors" },
      },
    ]);
    expect(target.store.getState().prompt).toBe("make it snow");
    expect(target.store.getState().settings).toMatchObject({ seedMode: "fixed", seed: 5 });
    expect(target.store.getState().transferNotice?.message).toMatch(
      /^The shared sweep is set up again/,
    );
  });
});
