import { describe, expect, it } from "vitest";
import { HistoryFormatError } from "@/lib/history/records";
import { buildBatch, requestFor } from "./build";
import { type BatchRecord, migrateBatch, toStoredBatch } from "./record";
import { fileInput, hashOf, recipe, urlInput } from "./test-support";

function batchOf(overrides: Partial<Parameters<typeof buildBatch>[0]> = {}): BatchRecord {
  let id = 0;
  let seed = 100;
  return buildBatch({
    id: "batch-1",
    createdAt: 1_000,
    recipe: recipe(),
    inputs: [
      { input: fileInput("chair-003.jpg", hashOf(1)), prompt: null },
      { input: urlInput("https://cdn.example/lamp.jpg"), prompt: "make the lamp red" },
    ],
    concurrency: 2,
    budgetUsd: 5,
    backend: "local",
    newId: () => `item-${++id}`,
    randomSeed: () => ++seed,
    ...overrides,
  });
}

describe("buildBatch", () => {
  it("queues every input in order, a URL input with its URL already set", () => {
    const batch = batchOf();
    expect(batch.items.map((item) => [item.id, item.status, item.rank, item.imageUrl])).toEqual([
      ["item-1", "queued", 0, null],
      ["item-2", "queued", 1, "https://cdn.example/lamp.jpg"],
    ]);
    expect(batch.name).toBe("2 images · make it snow");
  });

  it("sends every item with the fixed seed, drawing and recording one when none was set", () => {
    expect(batchOf().items.map((item) => item.seed)).toEqual([7, 7]);
    const drawn = batchOf({ recipe: recipe({ seed: null }) });
    expect(drawn.recipe.seed).toBe(101);
    expect(drawn.items.map((item) => item.seed)).toEqual([101, 101]);
  });

  it("draws and records a seed per image in per-image mode", () => {
    const batch = batchOf({ recipe: recipe({ seedMode: "per-image", seed: null }) });
    expect(batch.items.map((item) => item.seed)).toEqual([101, 102]);
  });

  it("refuses a batch without a prompt for some image, and more than 500 images", () => {
    const noPrompt = recipe();
    noPrompt.request.prompt = " ";
    expect(() => batchOf({ recipe: noPrompt })).toThrow("Write a prompt");
    const everyOwn = batchOf({
      recipe: noPrompt,
      inputs: [{ input: urlInput("https://a.example/1.jpg"), prompt: "own" }],
    });
    expect(everyOwn.name).toBe("1 image · own");
    const many = Array.from({ length: 501 }, (_, i) => ({
      input: urlInput(`https://a.example/${i}.jpg`),
      prompt: null,
    }));
    expect(() => batchOf({ inputs: many })).toThrow("at most 500");
  });
});

describe("requestFor", () => {
  it("is the recipe with the item's own prompt, seed and image URL, valid for the endpoint", () => {
    const batch = batchOf();
    const [chair, lamp] = batch.items;
    if (!chair || !lamp) throw new Error("items missing");
    expect(requestFor(batch, { ...chair, imageUrl: "https://storage.example/c.jpg" })).toEqual({
      ...batch.recipe.request,
      prompt: "make it snow",
      seed: 7,
      image_url: "https://storage.example/c.jpg",
    });
    expect(requestFor(batch, lamp).prompt).toBe("make the lamp red");
  });
});

describe("stored batches", () => {
  it("round-trips through the versioned envelope", () => {
    const batch = batchOf();
    const stored = toStoredBatch(batch, 5);
    expect(stored).toMatchObject({ version: 1, savedAt: 5 });
    expect(migrateBatch(JSON.parse(JSON.stringify(stored)))).toEqual(batch);
  });

  it("refuses to write a batch that could not be read back, naming the field", () => {
    const batch = batchOf();
    const broken = { ...batch, items: [{ ...batch.items[0], seed: -1 }] } as BatchRecord;
    expect(() => toStoredBatch(broken)).toThrow(/seed/);
  });

  it("refuses a newer format and a damaged record with a HistoryFormatError", () => {
    expect(() => migrateBatch({ version: 99, data: {} })).toThrow(HistoryFormatError);
    expect(() => migrateBatch({ version: 1, data: { id: "x" } })).toThrow(/damaged/);
  });
});
