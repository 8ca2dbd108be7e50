import { describe, expect, it } from "vitest";
import { historyRun, request, sweepRecord, sweepRun, TINY_PNG } from "@/tests/fixtures/share";
import {
  isDataUri,
  isOmittedDataUri,
  OMITTED_DATA_URI,
  omitDataUris,
  type Recipe,
  recipeNotes,
  recipeSchema,
  runRecipe,
  type SweepRecipe,
  sweepRecipe,
} from "./recipe";

function issuesOf(value: unknown): string[] {
  const result = recipeSchema.safeParse(value);
  if (result.success) throw new Error("expected the recipe to be refused");
  return result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("runRecipe", () => {
  it("keeps the exact request and the output's images, seed and NSFW flags, nothing else", () => {
    const run = historyRun();
    expect(runRecipe(run)).toEqual({
      kind: "run",
      request: run.request,
      output: {
        images: run.output?.images,
        seed: 42,
        has_nsfw_concepts: [false, false],
      },
      createdAt: run.createdAt,
      backend: "fal",
    });
  });

  it("has no output for a run that did not complete", () => {
    expect(runRecipe(historyRun({ status: "failed", output: null })).output).toBeNull();
  });

  it("records the app's origin for local-engine runs only", () => {
    expect(runRecipe(historyRun({ backend: "local" }), "http://localhost:3000").origin).toBe(
      "http://localhost:3000",
    );
    expect(runRecipe(historyRun(), "http://localhost:3000")).not.toHaveProperty("origin");
  });
});

describe("sweepRecipe", () => {
  it("keeps the axes' kinds and labels, the grid labels and each cell's request and first image", () => {
    const sweep = sweepRecord(3, 2);
    const recipe = sweepRecipe(sweep, (id) => sweepRun(sweep, id));
    expect(recipe.axes).toEqual([
      { kind: "lora_scale", labels: ["×0", "×0.25", "×0.5"] },
      { kind: "seed", labels: ["100", "101"] },
    ]);
    expect(recipe.columnLabels).toEqual(sweep.columnLabels);
    expect(recipe.rowLabels).toEqual(sweep.rowLabels);
    expect(recipe.cells).toHaveLength(6);
    const cell = recipe.cells[4];
    expect(cell?.request).toEqual(sweep.cells[4]?.request);
    expect(cell?.output).toEqual(sweepRun(sweep, "run-1-1")?.output?.images[0]);
  });

  it("gives cells without a run, or whose run has no output, no output", () => {
    const sweep = sweepRecord(2, 0);
    sweep.cells = sweep.cells.map((cell, index) =>
      index === 1 ? { ...cell, status: "pending", runId: null } : cell,
    );
    const recipe = sweepRecipe(sweep, (id) =>
      id === "run-0-0" ? historyRun({ output: null, status: "failed" }) : undefined,
    );
    expect(recipe.cells.map((cell) => cell.output)).toEqual([null, null]);
  });
});

describe("omitDataUris", () => {
  it("replaces data URI inputs and outputs with the marker and leaves URLs alone", () => {
    const recipe = runRecipe(historyRun({ request: request({ image_url: TINY_PNG }) }));
    const images = (recipe.output?.images ?? []).map((image, index) =>
      index === 0 ? { ...image, url: TINY_PNG } : image,
    );
    const omitted = omitDataUris({ ...recipe, output: { seed: 42, images } });
    expect(omitted.request.image_url).toBe(OMITTED_DATA_URI);
    expect(omitted.output?.images.map((image) => image.url)).toEqual([
      OMITTED_DATA_URI,
      "https://v3.fal.media/files/koala/out-2.png",
    ]);
    expect(omitted.output?.images[0]?.width).toBe(1024);
  });

  it("replaces data URIs in every sweep cell", () => {
    const sweep = sweepRecord(2, 0);
    for (const cell of sweep.cells) cell.request = { ...cell.request, image_url: TINY_PNG };
    const recipe = omitDataUris(sweepRecipe(sweep, () => undefined));
    expect(recipe.cells.map((cell) => cell.request.image_url)).toEqual([
      OMITTED_DATA_URI,
      OMITTED_DATA_URI,
    ]);
  });

  it("recognises data URIs in any case and the marker exactly", () => {
    expect(isDataUri(" DATA:image/png;base64,AAAA")).toBe(true);
    expect(isDataUri("https://example.com/data:x")).toBe(false);
    expect(isOmittedDataUri(OMITTED_DATA_URI)).toBe(true);
    expect(isOmittedDataUri(TINY_PNG)).toBe(false);
  });
});

describe("recipeNotes", () => {
  it("says nothing about a fal run with URL images", () => {
    expect(recipeNotes(runRecipe(historyRun()))).toEqual([]);
  });

  it("says the input image and how many output images were left out", () => {
    const recipe = runRecipe(historyRun({ request: request({ image_url: TINY_PNG }) }));
    const images = (recipe.output?.images ?? []).map((image) => ({ ...image, url: TINY_PNG }));
    const notes = recipeNotes(omitDataUris({ ...recipe, output: { seed: 42, images } }));
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(/input image was a local file .* choose it again/);
    expect(notes[1]).toMatch(/^2 output images were returned as a data URI/);
  });

  it("says where a local-engine recipe's images are served", () => {
    const recipe = runRecipe(historyRun({ backend: "local" }), "http://localhost:3000");
    expect(recipeNotes(recipe)).toEqual([
      expect.stringContaining("built-in local engine of the playground at http://localhost:3000"),
    ]);
  });
});

describe("recipeSchema", () => {
  const run = runRecipe(historyRun());

  it("accepts a recipe built from a run and one built from a sweep", () => {
    const sweep = sweepRecord(4, 3);
    const recipes: Recipe[] = [run, sweepRecipe(sweep, (id) => sweepRun(sweep, id))];
    for (const recipe of recipes) expect(recipeSchema.parse(recipe)).toEqual(recipe);
  });

  it("refuses output URLs that are not http(s), such as javascript: or other data URIs", () => {
    for (const url of ["javascript:alert(1)", TINY_PNG, "/relative.png", "ftp://x.example/a.png"]) {
      const images = [{ url, width: 8, height: 8, content_type: "image/png" }];
      expect(issuesOf({ ...run, output: { images, seed: 1 } })).toEqual([
        "output.images.0.url: must be an http(s) URL (a link never carries data URIs)",
      ]);
    }
  });

  it("refuses an input data URI other than the marker", () => {
    expect(issuesOf({ ...run, request: { ...run.request, image_url: TINY_PNG } })).toEqual([
      "request.image_url: must be an http(s) URL (a link never carries data URIs)",
    ]);
  });

  it("refuses unknown fields, unknown kinds and origins with a path", () => {
    expect(issuesOf({ ...run, extra: 1 })[0]).toMatch(/Unrecognized key/i);
    expect(issuesOf({ ...run, kind: "album" })).toHaveLength(1);
    expect(issuesOf({ ...run, origin: "http://localhost:3000/app" })).toEqual([
      "origin: must be an http(s) origin such as http://localhost:3000",
    ]);
  });

  it("refuses sweep cells outside the grid or in the same place twice", () => {
    const sweep = sweepRecipe(sweepRecord(2, 0), () => undefined);
    const moved = (change: Partial<SweepRecipe["cells"][number]>) =>
      sweep.cells.map((cell, index) => (index === 1 ? { ...cell, ...change } : cell));
    expect(issuesOf({ ...sweep, cells: moved({ row: 1 }) })).toEqual([
      "cells.1: is outside the grid",
    ]);
    expect(issuesOf({ ...sweep, cells: moved({ column: 0 }) })).toEqual([
      "cells.1: repeats a grid place",
    ]);
  });
});
