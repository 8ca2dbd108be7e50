import { describe, expect, it } from "vitest";
import type { KontextRequest } from "@/lib/kontext/schema";
import { migrateSweep, type SweepRecord, toStoredSweep } from "./record";
import { migrateSweepSetup, type SweepSetup, toStoredSweepSetup } from "./setup";

const request: KontextRequest = {
  image_url: "https://storage.example/chair.png",
  prompt: "Make it a plushie",
  loras: [{ path: "https://example.com/style.safetensors", scale: 0.5 }],
  num_inference_steps: 30,
  guidance_scale: 2.5,
  num_images: 1,
  output_format: "png",
  acceleration: "none",
  resolution_mode: "match_input",
  enable_safety_checker: true,
  sync_mode: false,
  seed: 42,
};

/** A sweep as format 1 stored it before image axes: no cell sizes or thumbnails of its own. */
const scaleSweep: SweepRecord = {
  id: "s1",
  createdAt: 1,
  axes: [{ kind: "lora_scale", text: "0.5, 1", labels: ["×0.5", "×1"], target: { kind: "swept" } }],
  columnLabels: ["×0.5", "×1"],
  rowLabels: [""],
  cells: [
    { row: 0, column: 0, request, status: "started", runId: "r1" },
    { row: 0, column: 1, request, status: "pending", runId: null },
  ],
  concurrency: 2,
  inputThumbnail: null,
  predictedSize: { width: 1024, height: 768 },
  backend: "local",
};

const imageSweep: SweepRecord = {
  ...scaleSweep,
  id: "s2",
  axes: [
    { kind: "image", text: "", labels: ["chair", "lamp"] },
    { kind: "lora_scale", text: "0.5", labels: ["×0.5"], target: { kind: "swept" } },
  ],
  columnLabels: ["chair", "lamp"],
  rowLabels: ["×0.5"],
  cells: [
    {
      row: 0,
      column: 0,
      request,
      status: "pending",
      runId: null,
      predictedSize: { width: 640, height: 480 },
      inputThumbnail: "data:image/jpeg;base64,AAAA",
    },
    {
      row: 0,
      column: 1,
      request: { ...request, image_url: "https://storage.example/lamp.png" },
      status: "pending",
      runId: null,
      predictedSize: { width: 480, height: 640 },
      inputThumbnail: null,
    },
  ],
};

describe("stored sweeps", () => {
  it("still reads a sweep saved before image axes existed, unchanged", () => {
    const stored = { version: 1, data: scaleSweep, savedAt: 5 };
    expect(migrateSweep(JSON.parse(JSON.stringify(stored)))).toEqual(scaleSweep);
  });

  it("keeps a sweep over images with each cell's own size and thumbnail", () => {
    expect(migrateSweep(toStoredSweep(imageSweep, 9))).toEqual(imageSweep);
  });

  it("refuses a cell size that is not positive", () => {
    const broken = {
      ...imageSweep,
      cells: [{ ...imageSweep.cells[0], predictedSize: { width: 0, height: 480 } }],
    } as SweepRecord;
    expect(() => toStoredSweep(broken)).toThrow(/predictedSize/);
  });
});

describe("stored sweep setups", () => {
  const older: SweepSetup = {
    axes: [{ kind: "prompt", text: "Make it snow\nMake it rain" }],
    seed: 7,
    concurrency: 2,
  };
  const withImages: SweepSetup = {
    axes: [
      {
        kind: "image",
        text: "",
        images: [
          { source: "current", id: "current" },
          { source: "file", id: "img-1", name: "chair.png" },
        ],
      },
      {
        kind: "lora_scale",
        text: "0.5, 1",
        target: { kind: "stack", path: "https://x/s.safetensors" },
      },
    ],
    seed: 8,
    concurrency: 3,
  };

  it("still reads a setup saved before image axes existed", () => {
    expect(migrateSweepSetup({ version: 1, data: older })).toEqual(older);
  });

  it("keeps an image axis by its images' ids and names (the bytes are stored apart)", () => {
    const stored = toStoredSweepSetup(withImages, 3);
    expect(JSON.parse(JSON.stringify(stored))).toEqual(stored);
    expect(migrateSweepSetup(stored)).toEqual(withImages);
  });

  it("refuses an image choice without an id", () => {
    const broken = {
      ...withImages,
      axes: [{ kind: "image", text: "", images: [{ source: "file", id: "", name: "x.png" }] }],
    } as SweepSetup;
    expect(() => toStoredSweepSetup(broken)).toThrow(/images/);
  });
});
