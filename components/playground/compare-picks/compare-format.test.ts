import { describe, expect, it } from "vitest";
import type { KontextOutput, KontextRequest } from "@/lib/kontext/schema";
import type { Run } from "@/lib/store/types";
import {
  compareView,
  describePick,
  findRun,
  pickedSlot,
  resultName,
  togglePick,
} from "./compare-format";
import { type CompareItem, NO_PICKS } from "./compare-state";

const REQUEST: KontextRequest = {
  image_url: "https://example.com/in.png",
  prompt: "Make it snow",
  num_inference_steps: 30,
  seed: undefined,
  guidance_scale: 2.5,
  sync_mode: false,
  num_images: 2,
  enable_safety_checker: true,
  output_format: "png",
  loras: [],
  acceleration: "none",
  resolution_mode: "match_input",
};

function output(id: string): KontextOutput {
  return {
    images: [0, 1].map((i) => ({
      url: `https://cdn.example/${id}-${i}.png`,
      width: 1024,
      height: 768,
      content_type: "image/png",
    })),
    timings: { inference: 3.1 },
    seed: 42,
    has_nsfw_concepts: [false, false],
    prompt: "Make it snow",
  };
}

function run(id: string, patch: Partial<Run> = {}): Run {
  return {
    id,
    serial: Number(id.match(/\d+$/)?.[0] ?? 1),
    phase: "completed",
    requestId: `req-${id}`,
    queuePosition: null,
    logs: [],
    step: null,
    startedAt: 1_000,
    finishedAt: 5_200,
    request: REQUEST,
    upload: null,
    loraIds: [],
    inputThumbnail: "data:image/jpeg;base64,AAAA",
    parentId: null,
    isFavourite: false,
    backend: "local",
    predictedSize: { width: 1024, height: 768 },
    price: { megapixelsPerImage: 1, megapixels: 1, usd: 0.07 },
    output: output(id),
    error: null,
    isCancelRequested: false,
    ...patch,
  };
}

const item = (runId: string, index: number): CompareItem => ({ runId, index });

describe("togglePick", () => {
  it("fills slot A, then slot B", () => {
    const one = togglePick(NO_PICKS, item("r1", 0));
    expect(one).toEqual({ a: item("r1", 0), b: null, last: "a" });
    const two = togglePick(one, item("r1", 1));
    expect(two).toEqual({ a: item("r1", 0), b: item("r1", 1), last: "b" });
  });

  it("replaces the result picked longer ago when both slots are full", () => {
    const full = { a: item("r1", 0), b: item("r1", 1), last: "b" as const };
    const third = togglePick(full, item("r2", 0));
    expect(third).toEqual({ a: item("r2", 0), b: item("r1", 1), last: "a" });
    const fourth = togglePick(third, item("r2", 1));
    expect(fourth).toEqual({ a: item("r2", 0), b: item("r2", 1), last: "b" });
  });

  it("unpicks a picked result and refills that slot next", () => {
    const full = { a: item("r1", 0), b: item("r1", 1), last: "b" as const };
    const without = togglePick(full, item("r1", 0));
    expect(without).toEqual({ a: null, b: item("r1", 1), last: "b" });
    expect(pickedSlot(without, item("r1", 0))).toBeNull();
    expect(togglePick(without, item("r2", 0)).a).toEqual(item("r2", 0));
    expect(togglePick(togglePick(without, item("r1", 1)), item("r3", 0))).toEqual({
      a: item("r3", 0),
      b: null,
      last: "a",
    });
  });
});

describe("findRun", () => {
  it("numbers a run by its serial, whatever its position, as the run cards do", () => {
    const runs = [
      run("newest", { serial: 7 }),
      run("cell", { serial: null }),
      run("oldest", { serial: 2 }),
    ];
    expect(findRun(runs, "newest")?.runNumber).toBe(7);
    expect(findRun(runs, "oldest")?.runNumber).toBe(2);
    expect(findRun(runs, "cell")?.runNumber).toBe(0);
    expect(findRun(runs, "missing")).toBeNull();
  });
});

describe("compareView", () => {
  const runs = [run("r2"), run("r1")];

  it("compares a result with its run's input, the thumbnail standing in for an expired URL", () => {
    const view = compareView(runs, { kind: "input", item: item("r2", 1) });
    expect(view?.title).toBe("Result 2 of run 2 against its input");
    expect(view?.before).toEqual({
      src: "https://example.com/in.png",
      label: "Before · Input",
      alt: "Input of run 2",
      width: 1024,
      height: 768,
      fallbackSrc: "data:image/jpeg;base64,AAAA",
    });
    expect(view?.after).toEqual({
      src: "https://cdn.example/r2-1.png",
      label: "After · Result 2 of run 2",
      alt: "Result 2 of run 2: Make it snow",
      width: 1024,
      height: 768,
    });
  });

  it("compares two picked results as A and B", () => {
    const view = compareView(runs, { kind: "pair", a: item("r1", 0), b: item("r2", 1) });
    expect(view?.title).toBe("Result 1 of run 1 against result 2 of run 2");
    expect(view?.before.label).toBe("A · Result 1 of run 1");
    expect(view?.after.label).toBe("B · Result 2 of run 2");
  });

  it("is null once a result is gone", () => {
    expect(compareView(runs, { kind: "input", item: item("r2", 5) })).toBeNull();
    expect(compareView(runs, { kind: "pair", a: item("gone", 0), b: item("r2", 0) })).toBeNull();
    expect(compareView([run("r3", { output: null })], { kind: "input", item: item("r3", 0) })).toBe(
      null,
    );
  });
});

describe("describePick", () => {
  const name = ({ runId, index }: CompareItem) => `Result ${index + 1} of ${runId}`;

  it("says which slot a result went into, and which result it replaced", () => {
    const one = togglePick(NO_PICKS, item("r1", 0));
    expect(describePick(NO_PICKS, one, item("r1", 0), name)).toBe("Result 1 of r1 picked as A");
    const full = togglePick(one, item("r1", 1));
    const third = togglePick(full, item("r2", 0));
    expect(describePick(full, third, item("r2", 0), name)).toBe(
      "Result 1 of r2 picked as A in place of result 1 of r1",
    );
  });

  it("says when a result was unpicked", () => {
    const one = togglePick(NO_PICKS, item("r1", 0));
    expect(describePick(one, NO_PICKS, item("r1", 0), name)).toBe(
      "Result 1 of r1 removed from compare",
    );
  });
});

describe("resultName", () => {
  it("names a result by its run's number, and a sweep cell's (which has none) as such", () => {
    expect(resultName(7, 1)).toBe("Result 2 of run 7");
    expect(resultName(0, 0)).toBe("Result 1 of a sweep cell");
  });
});
