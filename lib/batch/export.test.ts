import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readRecipe } from "@/lib/history/recipe-png";
import { importRunsZip } from "@/lib/history/zip";
import { historyRun } from "@/tests/fixtures/history";
import { makePhoto } from "@/tests/support/images";
import { buildBatch, requestFor } from "./build";
import { type BatchExportEntry, exportBatchZip } from "./export";
import { parseCsv } from "./list";
import type { BatchRecord } from "./record";
import { fileInput, hashOf, jpegBytes, pngBytes, recipe, urlInput } from "./test-support";

/** A batch of chair (done, kept), lamp (done, rejected), vase (failed) and bowl (queued). */
function finishedBatch(): { batch: BatchRecord; entries: Map<string, BatchExportEntry> } {
  let id = 0;
  const built = buildBatch({
    id: "batch-1",
    createdAt: 1_000,
    recipe: recipe(),
    inputs: [
      { input: fileInput("products/chair-003.jpg", hashOf(1)), prompt: null },
      { input: urlInput("https://cdn.example/lamp.jpg"), prompt: "=make it red" },
      { input: fileInput("vase.png", hashOf(2)), prompt: null },
      { input: fileInput("bowl.png", hashOf(3)), prompt: null },
    ],
    concurrency: 2,
    budgetUsd: 5,
    backend: "local",
    newId: () => `item-${++id}`,
    randomSeed: () => 1,
  });
  const entries = new Map<string, BatchExportEntry>();
  const items = built.items.map((item, index) => {
    if (index > 1) return item;
    const runId = `run-${index + 1}`;
    const withUrl = { ...item, imageUrl: item.imageUrl ?? `https://storage.example/${index}.jpg` };
    const run = historyRun({
      id: runId,
      request: requestFor(built, withUrl),
      images: [
        {
          url: `https://cdn.example/out-${index}.png`,
          width: 1200,
          height: 800,
          content_type: index === 0 ? "image/png" : "image/jpeg",
        },
      ],
      seed: item.seed,
      priceUsd: 0.035,
    });
    entries.set(item.id, { run, images: [index === 0 ? pngBytes(1) : jpegBytes(2)] });
    return {
      ...withUrl,
      status: "done" as const,
      runId,
      requestId: `req-${runId}`,
      review: index === 0 ? ("kept" as const) : ("rejected" as const),
    };
  });
  const [chair, lamp, vase, bowl] = items as [
    (typeof items)[0],
    (typeof items)[0],
    (typeof items)[0],
    (typeof items)[0],
  ];
  const batch: BatchRecord = {
    ...built,
    items: [
      chair,
      lamp,
      { ...vase, status: "failed", error: "HTTP 500", runId: "run-gone", imageUrl: "https://s/v" },
      bowl,
    ],
  };
  return { batch, entries };
}

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe("exportBatchZip", () => {
  it("names outputs and sidecars after their inputs, with a manifest row per item", async () => {
    const { batch, entries } = finishedBatch();
    const exported = await exportBatchZip(batch, entries, { now: new Date(0) });
    const files = unzipSync(exported.bytes);
    expect(Object.keys(files).sort()).toEqual([
      "batches/batch-1.json",
      "images/chair-003.kontext.png",
      "images/lamp.kontext.jpg",
      "manifest.csv",
      "manifest.json",
      "runs/chair-003.kontext.json",
      "runs/lamp.kontext.json",
    ]);
    expect(exported).toMatchObject({ items: 4, missingImages: 0 });
    const rows = parseCsv(text(files["manifest.csv"])).map((record) => record.fields);
    expect(rows).toEqual([
      ["input", "output file", "prompt", "seed", "size", "price", "status", "error"],
      [
        "products/chair-003.jpg",
        "images/chair-003.kontext.png",
        "make it snow",
        "7",
        "1200x800",
        "0.035",
        "done (kept)",
        "",
      ],
      [
        "https://cdn.example/lamp.jpg",
        "images/lamp.kontext.jpg",
        "'=make it red",
        "7",
        "1200x800",
        "0.035",
        "done (rejected)",
        "",
      ],
      // Not run: the predicted size and price from the input's own 1200×800.
      ["vase.png", "", "make it snow", "7", "1200x800", "0.035", "failed", "HTTP 500"],
      ["bowl.png", "", "make it snow", "7", "1200x800", "0.035", "queued", ""],
    ]);
  });

  it("writes the exact request and response in each sidecar and the recipe in PNGs", async () => {
    const { batch, entries } = finishedBatch();
    const chairId = batch.items[0]?.id as string;
    const png = new Uint8Array(await makePhoto(8, 8));
    entries.set(chairId, { run: entries.get(chairId)?.run ?? null, images: [png] });
    const files = unzipSync((await exportBatchZip(batch, entries)).bytes);
    const sidecar = JSON.parse(text(files["runs/chair-003.kontext.json"]));
    const run = entries.get(batch.items[0]?.id as string)?.run;
    expect(sidecar.run.request).toEqual(run?.request);
    expect(sidecar.run.response).toEqual(run?.output);
    expect(sidecar.images[0].file).toBe("images/chair-003.kontext.png");
    const recipe = readRecipe(files["images/chair-003.kontext.png"] as Uint8Array);
    expect(recipe.ok && recipe.request.prompt).toBe("make it snow");
  });

  it("exports only the kept items when asked", async () => {
    const { batch, entries } = finishedBatch();
    const exported = await exportBatchZip(batch, entries, { keptOnly: true });
    const files = unzipSync(exported.bytes);
    expect(Object.keys(files).filter((name) => name.startsWith("images/"))).toEqual([
      "images/chair-003.kontext.png",
    ]);
    expect(parseCsv(text(files["manifest.csv"]))).toHaveLength(2);
    expect(JSON.parse(text(files["batches/batch-1.json"])).batch.items).toHaveLength(1);
  });

  it("lists an output whose bytes are gone without a file", async () => {
    const { batch, entries } = finishedBatch();
    const id = batch.items[0]?.id as string;
    entries.set(id, { run: entries.get(id)?.run ?? null, images: [null] });
    const exported = await exportBatchZip(batch, entries);
    expect(exported.missingImages).toBe(1);
    const sidecar = JSON.parse(text(unzipSync(exported.bytes)["runs/chair-003.kontext.json"]));
    expect(sidecar.images[0].file).toBeNull();
  });

  it("is taken back by the history's zip import: its runs, images and the batch", async () => {
    const { batch, entries } = finishedBatch();
    const result = await importRunsZip((await exportBatchZip(batch, entries)).bytes);
    if (!result.ok) throw new Error(result.message);
    expect(result.runs.map((imported) => imported.run.id)).toEqual(["run-1", "run-2"]);
    expect(result.runs[0]?.images[0]).toMatchObject({
      name: "chair-003.kontext.png",
      url: "https://cdn.example/out-0.png",
      contentType: "image/png",
    });
    expect(result.batches).toHaveLength(1);
    // The failed item's run is not in the zip: the record no longer names it.
    expect(result.batches[0]?.items.map((item) => item.runId)).toEqual([
      "run-1",
      "run-2",
      null,
      null,
    ]);
  });

  it("makes the import refuse a batch naming runs the zip does not hold, and unsafe sidecar paths", async () => {
    const { batch, entries } = finishedBatch();
    const files = unzipSync((await exportBatchZip(batch, entries)).bytes);
    const document = JSON.parse(text(files["batches/batch-1.json"]));
    document.batch.items[3].runId = "run-elsewhere";
    files["batches/batch-1.json"] = strToU8(JSON.stringify(document));
    const stranger = await importRunsZip(zipSync(files));
    expect(stranger).toEqual({
      ok: false,
      message: "batches/batch-1.json names runs the zip does not hold: run-elsewhere",
    });
    const manifest = JSON.parse(text(files["manifest.json"]));
    manifest.runFiles["run-1"] = "runs/../../x.json";
    const unsafe = await importRunsZip(
      zipSync({ ...files, "manifest.json": strToU8(JSON.stringify(manifest)) }),
    );
    expect(unsafe).toEqual({ ok: false, message: "manifest.json has an invalid 'runFiles' map" });
  });
});
