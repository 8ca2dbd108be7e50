import { randomBytes } from "node:crypto";
import { strToU8, unzipSync, type Zippable, zipSync } from "fflate";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import type { KontextRequest } from "@/lib/kontext/schema";
import type { SweepRecord } from "@/lib/sweep/record";
import { historyRun } from "@/tests/fixtures/history";
import { readRecipe } from "./recipe-png";
import { toSidecar } from "./sidecar";
import { HISTORY_VERSION, type HistoryRun } from "./types";
import {
  exportRunsZip,
  FOREIGN_ZIP_MESSAGE,
  type ImportResult,
  importRunsZip,
  MAX_ZIP_ENTRIES,
  NOT_A_ZIP_MESSAGE,
} from "./zip";

function sampleRun(id: string, request: Partial<KontextRequest> = {}, imageCount = 1): HistoryRun {
  return historyRun({
    id,
    durationMs: 0,
    request: {
      image_url: "https://example.com/in.png",
      prompt: `Prompt for ${id} — ✨`,
      seed: 3,
      num_images: imageCount,
      ...request,
    },
    images: Array.from({ length: imageCount }, (_, index) => ({
      url: `https://cdn.example.com/${id}-${index}.png`,
      width: 16,
      height: 8,
      content_type: index === 0 ? "image/png" : "image/jpeg",
    })),
    seed: 3,
    priceUsd: 0.035 * imageCount,
  });
}

async function image(format: "png" | "jpeg", background: string): Promise<Uint8Array> {
  const pipeline = sharp({ create: { width: 16, height: 8, channels: 3, background } });
  return new Uint8Array(await (format === "png" ? pipeline.png() : pipeline.jpeg()).toBuffer());
}

async function pixels(bytes: Uint8Array): Promise<Buffer> {
  return sharp(Buffer.from(bytes)).raw().toBuffer();
}

function refusal(result: ImportResult): string {
  if (result.ok) throw new Error("expected a refusal");
  return result.message;
}

async function sampleExport() {
  const png = await image("png", "#f80");
  const jpeg = await image("jpeg", "#08f");
  const entries = [
    {
      run: sampleRun("run-a", {}, 2),
      images: [
        { name: "a.png", bytes: png },
        { name: "b.jpg", bytes: jpeg },
      ],
    },
    {
      run: {
        ...sampleRun("run-b", { image_url: "data:image/png;base64,iVBORw0KGgo=" }),
        parentId: "run-a",
        isFavourite: true,
      },
      images: [{ name: "x", bytes: png }],
    },
    {
      run: {
        ...sampleRun("run-c"),
        status: "failed" as const,
        output: null,
        error: { kind: "server", message: "boom" },
      },
      images: [],
    },
  ];
  const zip = await exportRunsZip(entries, { now: new Date("2025-01-02T03:04:05Z") });
  return { entries, zip, png, jpeg };
}

/** Rebuilds an archive from `files` (name → bytes or text). */
function rezip(files: Record<string, Uint8Array | string>): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, value] of Object.entries(files)) {
    zippable[name] = typeof value === "string" ? strToU8(value) : value;
  }
  return zipSync(zippable);
}

describe("export zip", () => {
  it("writes a manifest, sidecars and images, with recipes in PNGs", async () => {
    const { zip, png } = await sampleExport();
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual([
      "images/run-a-1.png",
      "images/run-a-2.jpg",
      "images/run-b-1.png",
      "manifest.json",
      "runs/run-a.json",
      "runs/run-b.json",
      "runs/run-c.json",
    ]);
    expect(JSON.parse(new TextDecoder().decode(files["manifest.json"]))).toEqual({
      format: "kontext-playground/export",
      version: HISTORY_VERSION,
      exportedAt: "2025-01-02T03:04:05.000Z",
      runs: ["run-a", "run-b", "run-c"],
    });
    const sidecar = JSON.parse(new TextDecoder().decode(files["runs/run-a.json"]));
    expect(sidecar).toEqual(
      JSON.parse(
        JSON.stringify(
          toSidecar(sampleRun("run-a", {}, 2), ["images/run-a-1.png", "images/run-a-2.jpg"]),
        ),
      ),
    );
    const tagged = files["images/run-a-1.png"] ?? new Uint8Array();
    expect(tagged.length).toBeGreaterThan(png.length);
    const recipe = readRecipe(tagged);
    expect(recipe.ok && recipe.request).toEqual(sampleRun("run-a", {}, 2).request);
  });

  it("handles large images (fflate's worker path) byte for byte", async () => {
    const raw = new Uint8Array(randomBytes(700 * 700 * 3));
    const big = new Uint8Array(
      await sharp(Buffer.from(raw), { raw: { width: 700, height: 700, channels: 3 } })
        .png()
        .toBuffer(),
    );
    expect(big.length).toBeGreaterThan(1_000_000);
    const run = sampleRun("big");
    const result = await importRunsZip(
      await exportRunsZip([{ run, images: [{ name: "big.png", bytes: big }] }]),
    );
    if (!result.ok) throw new Error(result.message);
    const bytes = result.runs[0]?.images[0]?.bytes ?? new Uint8Array();
    // Buffer#equals: a deep toEqual over a megabyte of pixels is slow.
    expect((await pixels(bytes)).equals(await pixels(big))).toBe(true);
  });

  it("lists an image it could not get with no file, and imports the rest in their places", async () => {
    const jpeg = await image("jpeg", "#08f");
    const run = sampleRun("run-a", {}, 2);
    const zip = await exportRunsZip([{ run, images: [null, { name: "b.jpg", bytes: jpeg }] }]);
    const files = unzipSync(zip);
    expect(Object.keys(files).filter((name) => name.startsWith("images/"))).toEqual([
      "images/run-a-2.jpg",
    ]);
    const sidecar = JSON.parse(new TextDecoder().decode(files["runs/run-a.json"]));
    expect(sidecar.images.map((entry: { file: string | null }) => entry.file)).toEqual([
      null,
      "images/run-a-2.jpg",
    ]);
    const result = await importRunsZip(zip);
    if (!result.ok) throw new Error(result.message);
    expect(result.runs[0]?.images.map(({ index, url }) => [index, url])).toEqual([
      [1, run.output?.images[1]?.url],
    ]);
  });

  it("refuses duplicate or unsafe run ids", async () => {
    const run = sampleRun("same");
    await expect(
      exportRunsZip([
        { run, images: [] },
        { run, images: [] },
      ]),
    ).rejects.toThrow("Run same appears twice in the export");
    await expect(exportRunsZip([{ run: sampleRun("../x"), images: [] }])).rejects.toThrow(
      'Run id "../x" is not exportable',
    );
  });
});

describe("import zip", () => {
  it("round-trips runs: identical requests, responses and image bytes (PNGs: identical pixels)", async () => {
    const { entries, zip, png, jpeg } = await sampleExport();
    const result = await importRunsZip(zip);
    if (!result.ok) throw new Error(result.message);
    expect(result.runs.map(({ run }) => run.id)).toEqual(["run-a", "run-b", "run-c"]);
    result.runs.forEach(({ run }, index) => {
      const original = entries[index]?.run as HistoryRun;
      expect(run.request).toEqual(original.request);
      expect(run.output).toEqual(original.output);
      // A run without output predicts its size from the request (match_input: 1024²).
      const predictedSize = original.output
        ? original.predictedSize
        : { width: 1024, height: 1024 };
      expect(run).toEqual({
        ...original,
        predictedSize,
        finishedAt: original.createdAt,
        error: null,
        inputThumbnail: null,
      });
    });
    const [a, b, c] = result.runs;
    expect(
      a?.images.map(({ name, index, url, contentType }) => [name, index, url, contentType]),
    ).toEqual([
      ["run-a-1.png", 0, entries[0]?.run.output?.images[0]?.url, "image/png"],
      ["run-a-2.jpg", 1, entries[0]?.run.output?.images[1]?.url, "image/jpeg"],
    ]);
    expect(Buffer.from(a?.images[1]?.bytes ?? []).equals(Buffer.from(jpeg))).toBe(true);
    expect(await pixels(a?.images[0]?.bytes ?? new Uint8Array())).toEqual(await pixels(png));
    expect(await pixels(b?.images[0]?.bytes ?? new Uint8Array())).toEqual(await pixels(png));
    expect(c?.images).toEqual([]);
    const recipe = readRecipe(b?.images[0]?.bytes ?? new Uint8Array());
    expect(recipe.ok && recipe.note).toMatch(/data URI/);
  });

  it("refuses bytes that are not a zip and a truncated zip", async () => {
    expect(refusal(await importRunsZip(new Uint8Array(randomBytes(4096))))).toBe(NOT_A_ZIP_MESSAGE);
    expect(refusal(await importRunsZip(new Uint8Array()))).toBe(NOT_A_ZIP_MESSAGE);
    const { zip } = await sampleExport();
    expect(refusal(await importRunsZip(zip.subarray(0, Math.floor(zip.length / 2))))).toBe(
      NOT_A_ZIP_MESSAGE,
    );
    expect(NOT_A_ZIP_MESSAGE).toBe("The file is not a valid zip archive");
  });

  it("refuses a foreign zip and a zip whose manifest is not ours", async () => {
    const foreign = rezip({
      "notes.txt": "hello",
      "photo.png": new Uint8Array(randomBytes(500)),
      "dir/data.json": "{}",
    });
    expect(refusal(await importRunsZip(foreign))).toBe(FOREIGN_ZIP_MESSAGE);
    expect(FOREIGN_ZIP_MESSAGE).toBe("This zip was not exported by Kontext Playground");
    expect(refusal(await importRunsZip(rezip({ "manifest.json": '{"name":"npm thing"}' })))).toBe(
      "This zip was not exported by Kontext Playground (manifest.json is not ours)",
    );
    expect(refusal(await importRunsZip(rezip({ "manifest.json": "not json" })))).toBe(
      "manifest.json is not valid JSON",
    );
  });

  it("refuses an export from a newer version", async () => {
    const files = unzipSync((await sampleExport()).zip);
    const manifest = JSON.parse(new TextDecoder().decode(files["manifest.json"]));
    files["manifest.json"] = strToU8(JSON.stringify({ ...manifest, version: HISTORY_VERSION + 1 }));
    expect(refusal(await importRunsZip(rezip(files)))).toBe(
      `This zip was written by a newer version of Kontext Playground (format version ${HISTORY_VERSION + 1}; this one reads up to ${HISTORY_VERSION}). Update the playground to open it.`,
    );
  });

  it("refuses a sidecar that does not parse, naming the file", async () => {
    const files = unzipSync((await sampleExport()).zip);
    const sidecar = JSON.parse(new TextDecoder().decode(files["runs/run-b.json"]));
    sidecar.run.request.guidance_scale = -1;
    files["runs/run-b.json"] = strToU8(JSON.stringify(sidecar));
    expect(refusal(await importRunsZip(rezip(files)))).toBe(
      "runs/run-b.json: Invalid request field 'guidance_scale': guidance_scale must be at least 0",
    );
    files["runs/run-b.json"] = strToU8("{broken");
    expect(refusal(await importRunsZip(rezip(files)))).toBe(
      "runs/run-b.json: This file is not valid JSON",
    );
    sidecar.run.request.guidance_scale = 2.5;
    sidecar.run.id = "run-z";
    files["runs/run-b.json"] = strToU8(JSON.stringify(sidecar));
    expect(refusal(await importRunsZip(rezip(files)))).toBe(
      "runs/run-b.json holds run run-z, not run-b",
    );
    delete files["runs/run-b.json"];
    expect(refusal(await importRunsZip(rezip(files)))).toBe("The zip is missing runs/run-b.json");
  });

  it("refuses images that are referenced but missing, naming them", async () => {
    const files = unzipSync((await sampleExport()).zip);
    delete files["images/run-a-2.jpg"];
    expect(refusal(await importRunsZip(rezip(files)))).toBe(
      "An image is missing from the zip: images/run-a-2.jpg",
    );
    delete files["images/run-b-1.png"];
    expect(refusal(await importRunsZip(rezip(files)))).toBe(
      "Images are missing from the zip: images/run-a-2.jpg, images/run-b-1.png",
    );
  });

  it("ignores entries with .. or absolute paths", async () => {
    const { zip } = await sampleExport();
    const files: Record<string, Uint8Array> = { ...unzipSync(zip) };
    files["../evil.sh"] = strToU8("rm -rf /");
    files["/etc/passwd"] = strToU8("root");
    files["images/../../escape.png"] = strToU8("x");
    files["C:\\windows.txt"] = strToU8("x");
    const result = await importRunsZip(rezip(files));
    if (!result.ok) throw new Error(result.message);
    expect(result.runs).toHaveLength(3);
    const names = result.runs.flatMap((run) => run.images.map((entry) => entry.name));
    expect(names).toEqual(["run-a-1.png", "run-a-2.jpg", "run-b-1.png"]);

    // A manifest only at unsafe paths is not a manifest, and images there are not found.
    const manifest = files["manifest.json"] as Uint8Array;
    expect(
      refusal(
        await importRunsZip(rezip({ "../manifest.json": manifest, "/manifest.json": manifest })),
      ),
    ).toBe(FOREIGN_ZIP_MESSAGE);
    const moved: Record<string, Uint8Array> = { ...unzipSync(zip) };
    moved["../images/run-a-2.jpg"] = moved["images/run-a-2.jpg"] as Uint8Array;
    delete moved["images/run-a-2.jpg"];
    expect(refusal(await importRunsZip(rezip(moved)))).toBe(
      "An image is missing from the zip: images/run-a-2.jpg",
    );
  });

  it("refuses archives with too many entries", async () => {
    const files: Record<string, Uint8Array> = { "manifest.json": strToU8("{}") };
    for (let index = 0; index < MAX_ZIP_ENTRIES; index++) files[`junk/${index}`] = new Uint8Array();
    expect(refusal(await importRunsZip(zipSync(files, { level: 0 })))).toBe(
      "This zip has more than 10,000 files, so it was not imported",
    );
  });

  it("refuses archives that would unpack to more than 1 GiB, before inflating", async () => {
    const zip = zipSync(
      { "manifest.json": strToU8("{}"), "images/big.png": new Uint8Array(64) },
      { level: 0 },
    );
    // Claim a 4 GiB uncompressed size in the central directory entry of images/big.png.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    let patched = 0;
    for (let offset = 0; offset < zip.length - 4; offset++) {
      if (view.getUint32(offset, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(offset + 28, true);
      const name = new TextDecoder().decode(zip.subarray(offset + 46, offset + 46 + nameLength));
      if (name === "images/big.png") {
        view.setUint32(offset + 24, 0xfffffff0, true);
        patched += 1;
      }
    }
    expect(patched).toBe(1);
    expect(refusal(await importRunsZip(zip))).toBe(
      "This zip would unpack to more than 1 GiB, so it was not imported",
    );
  });
});

describe("sweeps in exports", () => {
  function sweepOf(runIds: (string | null)[]): SweepRecord {
    const { request } = sampleRun("x");
    return {
      id: "sweep-1",
      createdAt: 1,
      axes: [{ kind: "seed", text: "1, 2", labels: ["1", "2"] }],
      columnLabels: ["1", "2"],
      rowLabels: [""],
      cells: runIds.map((runId, column) => ({
        row: 0,
        column,
        request,
        status: runId ? ("started" as const) : ("pending" as const),
        runId,
      })),
      concurrency: 1,
      inputThumbnail: null,
      predictedSize: { width: 8, height: 8 },
      backend: "local",
    };
  }

  it("writes each sweep beside its runs and reads it back", async () => {
    const png = await image("png", "#f80");
    const zipped = await exportRunsZip(
      [{ run: sampleRun("run-a"), images: [{ name: "a.png", bytes: png }] }],
      {
        sweeps: [sweepOf(["run-a", null])],
      },
    );
    const files = unzipSync(zipped);
    expect(Object.keys(files)).toContain("sweeps/sweep-1.json");
    expect(JSON.parse(new TextDecoder().decode(files["manifest.json"])).sweeps).toEqual([
      "sweep-1",
    ]);
    const result = await importRunsZip(zipped);
    if (!result.ok) throw new Error(result.message);
    expect(result.sweeps).toEqual([sweepOf(["run-a", null])]);
  });

  it("refuses a sweep that names runs the zip does not hold, or is damaged", async () => {
    const zipped = await exportRunsZip([{ run: sampleRun("run-a"), images: [] }], {
      sweeps: [sweepOf(["run-a", "run-elsewhere"])],
    });
    expect(refusal(await importRunsZip(zipped))).toBe(
      "sweeps/sweep-1.json names runs the zip does not hold: run-elsewhere",
    );
    const files = unzipSync(zipped);
    const damaged = rezip({
      ...Object.fromEntries(Object.entries(files)),
      "sweeps/sweep-1.json": JSON.stringify({
        format: "kontext-playground/sweep",
        version: 1,
        sweep: { id: "sweep-1" },
      }),
    });
    expect(refusal(await importRunsZip(damaged))).toMatch(
      /^sweeps\/sweep-1\.json: invalid sweep field/,
    );
  });
});
