import { describe, expect, it } from "vitest";
import { batchWithRuns } from "@/lib/batch/test-support";
import { fromHistoryRun } from "@/lib/history/run-record";
import type { SweepRecord } from "@/lib/sweep/record";
import {
  batchIdOfItem,
  type GalleryFilter,
  isFiltering,
  NO_FILTER,
  selectDeletionMessage,
  selectFinishedRunCount,
  selectGalleryRunIds,
  selectHiddenActiveRunCount,
  selectRunNumbers,
  selectRunsById,
  selectRunTitle,
  sweepIdOfItem,
} from "./gallery";
import { selectLoraOptions } from "./gallery-lora-options";
import { savedRun } from "./test-support";
import type { Run } from "./types";

const GHIBLI =
  "https://huggingface.co/Owen777/Kontext-Style-Loras/resolve/main/Ghibli_lora_weights.safetensors";
const CUSTOM = "https://example.com/loras/zebra-stripes.safetensors";
const OTHER = "https://example.com/loras/Amber_glow.safetensors";

/** A finished run, newest first when `at` is larger. */
function run(
  id: string,
  at: number,
  prompt: string,
  options: { loras?: string[]; isFavourite?: boolean; isActive?: boolean } = {},
): Run {
  const saved = savedRun({
    id,
    serial: at / 10,
    createdAt: at,
    finishedAt: options.isActive ? null : at + 5,
  });
  return {
    ...fromHistoryRun(saved),
    phase: options.isActive ? "running" : "completed",
    isFavourite: options.isFavourite ?? false,
    request: {
      ...saved.request,
      prompt,
      loras: (options.loras ?? []).map((path) => ({ path, scale: 1 })),
    },
  };
}

// Newest first, as the store keeps them.
const RUNS: Run[] = [
  run("e", 50, "Make it SNOW at night", { loras: [GHIBLI, CUSTOM] }),
  run("d", 40, "a plushie of the cat", { isFavourite: true }),
  run("c", 30, "snowy mountains, make it dusk", { loras: [GHIBLI], isFavourite: true }),
  run("b", 20, "turn it into a watercolour", { loras: [OTHER] }),
  run("a", 10, "make it snow", { loras: [GHIBLI, GHIBLI] }),
];

const filter = (patch: Partial<GalleryFilter>): GalleryFilter => ({ ...NO_FILTER, ...patch });
const idsFor = (patch: Partial<GalleryFilter>, runs: Run[] = RUNS) =>
  selectGalleryRunIds(filter(patch))({ runs });

describe("selectGalleryRunIds", () => {
  it("shows every run, newest first, when nothing is filtered", () => {
    expect(idsFor({})).toEqual(["e", "d", "c", "b", "a"]);
  });

  it("finds runs whose prompt holds every word of the query, in any case and order", () => {
    expect(idsFor({ query: "snow" })).toEqual(["e", "c", "a"]);
    expect(idsFor({ query: "  it MAKE  snow " })).toEqual(["e", "c", "a"]);
    expect(idsFor({ query: "snow dusk" })).toEqual(["c"]);
    expect(idsFor({ query: "snow zebra" })).toEqual([]);
  });

  it("keeps runs that used the chosen LoRA", () => {
    expect(idsFor({ lora: GHIBLI })).toEqual(["e", "c", "a"]);
    expect(idsFor({ lora: OTHER })).toEqual(["b"]);
    expect(idsFor({ lora: "https://example.com/never-used.safetensors" })).toEqual([]);
  });

  it("keeps only starred runs when asked", () => {
    expect(idsFor({ isFavouritesOnly: true })).toEqual(["d", "c"]);
  });

  it("combines the query, the LoRA and favourites", () => {
    expect(idsFor({ query: "make", lora: GHIBLI, isFavouritesOnly: true })).toEqual(["c"]);
  });

  it("returns the same array while the runs it shows stay the same", () => {
    const select = selectGalleryRunIds(filter({ query: "snow" }));
    const first = select({ runs: RUNS });
    expect(select({ runs: RUNS })).toBe(first);
    // A log line of a running run replaces the runs array, not what the gallery shows.
    const logged = RUNS.map((r) => (r.id === "b" ? { ...r, logs: ["step 1"] } : r));
    expect(select({ runs: logged })).toBe(first);
    const withoutC = RUNS.filter((r) => r.id !== "c");
    expect(select({ runs: withoutC })).toEqual(["e", "a"]);
  });
});

describe("selectHiddenActiveRunCount", () => {
  it("counts runs in flight the filter hides, not finished ones", () => {
    const runs = [
      run("y", 70, "a new edit", { isActive: true }),
      run("x", 60, "make it snow again", { isActive: true }),
      ...RUNS,
    ];
    expect(selectHiddenActiveRunCount(filter({ query: "snow" }))({ runs })).toBe(1);
    expect(selectHiddenActiveRunCount(filter({ isFavouritesOnly: true }))({ runs })).toBe(2);
    expect(selectHiddenActiveRunCount(NO_FILTER)({ runs })).toBe(0);
  });
});

describe("isFiltering", () => {
  it("says whether a filter hides anything (a blank query hides nothing)", () => {
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(isFiltering(filter({ query: "   " }))).toBe(false);
    expect(isFiltering(filter({ query: "snow" }))).toBe(true);
    expect(isFiltering(filter({ lora: GHIBLI }))).toBe(true);
    expect(isFiltering(filter({ isFavouritesOnly: true }))).toBe(true);
  });
});

describe("selectLoraOptions", () => {
  it("lists each LoRA once with its label and how many runs used it, sorted by label", () => {
    expect(selectLoraOptions({ runs: RUNS })).toEqual([
      { path: OTHER, label: "Amber_glow", count: 1 },
      { path: GHIBLI, label: "Ghibli style", count: 3 },
      { path: CUSTOM, label: "zebra-stripes", count: 1 },
    ]);
  });

  it("is empty when no run used a LoRA", () => {
    expect(selectLoraOptions({ runs: [run("x", 1, "plain")] })).toEqual([]);
  });

  it("returns the same array while the options are unchanged", () => {
    const first = selectLoraOptions({ runs: RUNS });
    expect(selectLoraOptions({ runs: [...RUNS] })).toBe(first);
    const fewer = selectLoraOptions({ runs: RUNS.slice(1) });
    expect(fewer).not.toBe(first);
    expect(fewer.find((option) => option.path === GHIBLI)?.count).toBe(2);
  });
});

describe("selectRunNumbers", () => {
  it("gives each run its own serial, over all runs", () => {
    const numbers = selectRunNumbers({ runs: RUNS });
    expect(["a", "b", "c", "d", "e"].map((id) => numbers.get(id))).toEqual([1, 2, 3, 4, 5]);
  });

  it("keeps every number when other runs are deleted, and gives sweep cells none", () => {
    const first = selectRunNumbers({ runs: RUNS });
    expect(selectRunNumbers({ runs: RUNS.map((r) => ({ ...r })) })).toBe(first);
    expect(selectRunNumbers({ runs: RUNS.slice(1) }).get("d")).toBe(4);
    const withoutC = RUNS.filter((r) => r.id !== "c");
    expect(selectRunNumbers({ runs: withoutC }).get("d")).toBe(4);
    expect(selectRunNumbers({ runs: withoutC }).get("a")).toBe(1);
    const cell = { ...run("cell", 60, "a sweep cell"), serial: null };
    expect(selectRunNumbers({ runs: [cell, ...RUNS] }).has("cell")).toBe(false);
  });
});

describe("selectRunsById", () => {
  it("finds each run by its id", () => {
    const byId = selectRunsById({ runs: RUNS });
    expect(byId.get("c")?.request.prompt).toBe("snowy mountains, make it dusk");
    expect(byId.get("nope")).toBeUndefined();
  });
});

describe("selectFinishedRunCount", () => {
  it("counts the runs clear all would delete, leaving runs in flight out", () => {
    const runs = [run("z", 60, "in flight", { isActive: true }), ...RUNS];
    expect(selectFinishedRunCount({ runs })).toBe(5);
  });
});

describe("selectDeletionMessage", () => {
  it("names a deleted run by the number it had", () => {
    const runs = RUNS.filter((r) => r.id !== "c");
    const deleted = RUNS.filter((r) => r.id === "c");
    expect(selectDeletionMessage({ runs, deletion: { runs: deleted } })).toBe("Run 3 deleted");
  });

  it("counts the runs of a larger deletion, and says nothing when there is none", () => {
    expect(selectDeletionMessage({ runs: [], deletion: { runs: RUNS } })).toBe("5 runs deleted");
    expect(selectDeletionMessage({ runs: RUNS, deletion: null })).toBeNull();
  });
});

describe("sweeps in the gallery", () => {
  const cellRun = (id: string, at: number) => run(id, at, "sweep cell", { loras: [GHIBLI] });
  const sweep = (id: string, createdAt: number, runIds: string[]): SweepRecord => ({
    id,
    createdAt,
    axes: [{ kind: "guidance", text: "1, 2", labels: ["1", "2"] }],
    columnLabels: ["1", "2"],
    rowLabels: [""],
    cells: runIds.map((runId, column) => ({
      row: 0,
      column,
      request: { ...(RUNS[0] as Run).request, prompt: "a sweep of the castle" },
      status: "started" as const,
      runId,
    })),
    concurrency: 2,
    inputThumbnail: null,
    predictedSize: { width: 1024, height: 768 },
    backend: "local",
  });
  const state = {
    runs: [cellRun("s2", 36), cellRun("s1", 35), ...RUNS],
    sweeps: [sweep("sweep-1", 35, ["s1", "s2"])],
  };

  it("titles a numbered run by its number and a sweep's cell by its sweep and labels", () => {
    // Sweep cells take no number; "e" is a numbered run.
    const numbered = {
      ...state,
      runs: state.runs.map((r) =>
        r.id === "e" ? { ...r, serial: 5 } : r.id.startsWith("s") ? { ...r, serial: null } : r,
      ),
    };
    expect(selectRunTitle("e")(numbered)).toBe("Run 5");
    expect(selectRunTitle("s2")(numbered)).toBe("Sweep 1 · 2");
    const two = {
      runs: [{ ...(numbered.runs[0] as Run), id: "x" }, ...numbered.runs],
      sweeps: [sweep("sweep-2", 40, ["x"]), ...numbered.sweeps],
    };
    expect(selectRunTitle("s1")(two)).toBe("Sweep 1 · 1");
    expect(selectRunTitle("x")(two)).toBe("Sweep 2 · 1");
    expect(selectRunTitle("missing")(two)).toBe("Run");
  });

  it("shows a sweep as one item in its place, and its runs only in its grid", () => {
    expect(selectGalleryRunIds(NO_FILTER)(state)).toEqual([
      "e",
      "d",
      "sweep:sweep-1",
      "c",
      "b",
      "a",
    ]);
    expect(sweepIdOfItem("sweep:sweep-1")).toBe("sweep-1");
    expect(sweepIdOfItem("e")).toBeNull();
  });

  it("filters sweeps by their cells' prompts and LoRAs; they have no star", () => {
    expect(selectGalleryRunIds({ ...NO_FILTER, query: "castle" })(state)).toEqual([
      "sweep:sweep-1",
    ]);
    expect(selectGalleryRunIds({ ...NO_FILTER, lora: OTHER })(state)).toEqual(["b"]);
    expect(selectGalleryRunIds({ ...NO_FILTER, isFavouritesOnly: true })(state)).toEqual([
      "d",
      "c",
    ]);
  });

  it("recomputes when a sweep takes in a new run, and counts only loose runs for clear all", () => {
    const select = selectGalleryRunIds(NO_FILTER);
    const before = { runs: [cellRun("s3", 37), ...state.runs], sweeps: state.sweeps };
    expect(select(before).slice(0, 4)).toEqual(["e", "d", "s3", "sweep:sweep-1"]);
    const after = { ...before, sweeps: [sweep("sweep-1", 35, ["s1", "s2", "s3"])] };
    expect(select(after).slice(0, 3)).toEqual(["e", "d", "sweep:sweep-1"]);
    expect(selectFinishedRunCount(after)).toBe(5);
  });
});

describe("batches in the gallery", () => {
  const batchRun = (id: string, at: number) => run(id, at, "make it snow");
  const batch = batchWithRuns;
  const state = {
    runs: [batchRun("b2", 36), batchRun("b1", 35), ...RUNS],
    batches: [batch("batch-1", 35, ["b1", "b2", null])],
  };

  it("shows a batch as one item in its place, and its runs only in its grid", () => {
    expect(selectGalleryRunIds(NO_FILTER)(state)).toEqual([
      "e",
      "d",
      "batch:batch-1",
      "c",
      "b",
      "a",
    ]);
    expect(batchIdOfItem("batch:batch-1")).toBe("batch-1");
    expect(batchIdOfItem("sweep:batch-1")).toBeNull();
  });

  it("finds a batch by its prompt and its recipe's LoRA; batches have no star", () => {
    expect(selectGalleryRunIds({ ...NO_FILTER, query: "TEAL chairs" })(state)).toEqual([
      "batch:batch-1",
    ]);
    expect(
      selectGalleryRunIds({ ...NO_FILTER, lora: "https://loras.example/snow.safetensors" })(state),
    ).toEqual(["batch:batch-1"]);
    expect(selectGalleryRunIds({ ...NO_FILTER, isFavouritesOnly: true })(state)).toEqual([
      "d",
      "c",
    ]);
  });

  it("recomputes when a batch item gets its run, and leaves batch runs out of clear all", () => {
    const select = selectGalleryRunIds(NO_FILTER);
    const before = { runs: [batchRun("b3", 37), ...state.runs], batches: state.batches };
    expect(select(before).slice(0, 3)).toEqual(["e", "d", "b3"]);
    const after = { ...before, batches: [batch("batch-1", 35, ["b1", "b2", "b3"])] };
    expect(select(after).slice(0, 3)).toEqual(["e", "d", "batch:batch-1"]);
    expect(selectFinishedRunCount(after)).toBe(5);
  });
});
