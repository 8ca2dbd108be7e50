import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import { historyRun } from "@/tests/fixtures/history";
import {
  HistoryFormatError,
  migrateDraft,
  migrateRun,
  toStoredDraft,
  toStoredRun,
} from "./records";
import { type Draft, HISTORY_VERSION, type HistoryRun } from "./types";

function makeRun(overrides: Partial<HistoryRun> = {}): HistoryRun {
  const base = historyRun({
    durationMs: 10_000,
    requestId: "req-1",
    request: {
      image_url: "https://example.com/in.png",
      prompt: "Make it snow",
      seed: 7,
      loras: [{ path: "https://example.com/lora.safetensors", scale: 0.8 }],
    },
    images: [
      {
        url: "https://cdn.example.com/out.png",
        width: 1024,
        height: 768,
        content_type: "image/png",
      },
    ],
    inference: 3.2,
    seed: 7,
    inputThumbnail: "data:image/jpeg;base64,AAAA",
    isFavourite: true,
  });
  return { ...base, ...overrides };
}

/** The same run as format version 0 stored it. */
function v0Run(run: HistoryRun): Record<string, unknown> {
  const { isFavourite, parentId: _parentId, backend: _backend, ...rest } = run;
  return { ...rest, favourite: isFavourite };
}

const draft: Draft = {
  prompt: "Make it snow",
  loras: [{ path: "https://example.com/lora.safetensors", scale: 1.5, isEnabled: false }],
  settings: { ...DEFAULT_SETTINGS, seedMode: "fixed", seed: 123 },
};

function problemOf(read: () => unknown): HistoryFormatError {
  try {
    read();
  } catch (error) {
    if (error instanceof HistoryFormatError) return error;
    throw error;
  }
  throw new Error("expected a HistoryFormatError");
}

describe("migrateRun", () => {
  it("reads a current-format envelope back exactly", () => {
    const run = makeRun();
    const stored = toStoredRun(run, 5);
    expect(stored).toEqual({ version: HISTORY_VERSION, data: run, savedAt: 5 });
    expect(migrateRun(structuredClone(stored))).toEqual(run);
  });

  it("migrates a version 0 run: favourite → isFavourite, no lineage, fal backend", () => {
    const run = makeRun({ isFavourite: true, parentId: null, backend: "fal" });
    expect(migrateRun({ version: 0, data: v0Run(run) })).toEqual(run);
    const notFavourite = makeRun({ isFavourite: false });
    expect(migrateRun({ version: 0, data: v0Run(notFavourite) }).isFavourite).toBe(false);
  });

  it("names the missing field of a damaged version 0 run", () => {
    const { favourite: _favourite, ...data } = v0Run(makeRun());
    const error = problemOf(() => migrateRun({ version: 0, data }));
    expect(error.problem).toBe("malformed");
    expect(error.message).toMatch(/favourite/);
  });

  it("refuses a run from a newer version, saying so", () => {
    const error = problemOf(() => migrateRun({ version: HISTORY_VERSION + 1, data: {} }));
    expect(error).toBeInstanceOf(HistoryFormatError);
    expect(error.name).toBe("HistoryFormatError");
    expect(error.problem).toBe("newer-version");
    expect(error.version).toBe(HISTORY_VERSION + 1);
    expect(error.message).toMatch(/was saved by a newer version of Kontext Playground/);
  });

  it("names the field of a malformed current run", () => {
    const bad = { ...makeRun(), isFavourite: "yes" };
    const error = problemOf(() => migrateRun({ version: 1, data: bad }));
    expect(error.problem).toBe("malformed");
    expect(error.message).toMatch(/isFavourite/);
  });

  it("names nested request and output fields", () => {
    const run = makeRun();
    const badRequest = { ...run, request: { ...run.request, num_inference_steps: "many" } };
    expect(problemOf(() => migrateRun({ version: 1, data: badRequest })).message).toMatch(
      /request\.num_inference_steps/,
    );
    const badOutput = { ...run, output: { ...run.output, images: [{ url: "x" }] } };
    expect(problemOf(() => migrateRun({ version: 1, data: badOutput })).message).toMatch(
      /output\.images\.0\.width/,
    );
  });

  it("refuses things that are not envelopes, and bad versions", () => {
    for (const raw of [null, undefined, "run", 42, [], makeRun()]) {
      expect(problemOf(() => migrateRun(raw)).problem).toBe("not-a-record");
    }
    expect(problemOf(() => migrateRun({ version: "1", data: makeRun() })).message).toMatch(
      /version/,
    );
    expect(problemOf(() => migrateRun({ version: 1.5, data: makeRun() })).problem).toBe(
      "not-a-record",
    );
  });

  it("refuses to wrap a run that could not be read back", () => {
    const bad = { ...makeRun(), status: "exploded" } as unknown as HistoryRun;
    const error = problemOf(() => toStoredRun(bad));
    expect(error.message).toMatch(/Refusing to save a run.*status/);
  });
});

describe("migrateDraft", () => {
  it("reads a current-format draft back exactly", () => {
    const stored = toStoredDraft(draft);
    expect(stored).toEqual({ version: HISTORY_VERSION, data: draft });
    expect(migrateDraft(structuredClone(stored))).toEqual(draft);
  });

  it("keeps a half-typed form: empty prompt, out-of-range values", () => {
    const halfTyped: Draft = {
      prompt: "",
      loras: [{ path: "", scale: 99, isEnabled: true }],
      settings: { ...DEFAULT_SETTINGS, num_inference_steps: 0 },
    };
    expect(migrateDraft(toStoredDraft(halfTyped))).toEqual(halfTyped);
  });

  it("migrates a version 0 draft: enabled → isEnabled, random seed", () => {
    const { seedMode: _seedMode, seed: _seed, ...v0Settings } = DEFAULT_SETTINGS;
    const migrated = migrateDraft({
      version: 0,
      data: {
        prompt: "Old",
        loras: [{ path: "a", scale: 1, enabled: true }],
        settings: { ...v0Settings, num_images: 2 },
      },
    });
    expect(migrated).toEqual({
      prompt: "Old",
      loras: [{ path: "a", scale: 1, isEnabled: true }],
      settings: { ...DEFAULT_SETTINGS, num_images: 2, seedMode: "random" },
    });
  });

  it("refuses newer and malformed drafts, naming the problem", () => {
    expect(problemOf(() => migrateDraft({ version: 99, data: draft })).message).toMatch(
      /draft was saved by a newer version of Kontext Playground/,
    );
    const bad = { ...draft, settings: { ...draft.settings, output_format: "gif" } };
    expect(problemOf(() => migrateDraft({ version: 1, data: bad })).message).toMatch(
      /settings\.output_format/,
    );
  });
});
