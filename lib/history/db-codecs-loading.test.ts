import "fake-indexeddb/auto";
import { describe, expect, it, vi } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import { createHistoryDb } from "./db";

/** How often the record codecs (schemas and migrations) were loaded by the database. */
const codecs = vi.hoisted(() => ({ loads: 0 }));

vi.mock("./codecs", async (importOriginal) => {
  codecs.loads++;
  return importOriginal();
});

describe("the history database's record codecs", () => {
  // One sequence: the codecs load once per page (module), so the order of these steps matters.
  it("are not loaded to read an empty history, and are at the first record", async () => {
    const db = createHistoryDb({ dbName: `history-codecs-${Math.random().toString(36).slice(2)}` });
    // Everything the playground reads at startup, on a first visit.
    expect(await db.getDraft()).toBeNull();
    expect(await db.getDraftImage()).toBeNull();
    expect(await db.getSweepSetup()).toBeNull();
    expect(await db.listNewestRuns(24)).toEqual([]);
    expect(await db.listRuns()).toEqual([]);
    expect(await db.listSweeps()).toEqual([]);
    expect(await db.listBatches()).toEqual([]);
    expect(await db.getRun("missing")).toBeNull();
    await db.putDraftImage(null);
    expect(codecs.loads).toBe(0);

    const draft = {
      prompt: "Make it snow",
      loras: [],
      settings: { ...DEFAULT_SETTINGS, seedMode: "fixed" as const, seed: 9 },
    };
    await db.putDraft(draft);
    expect(codecs.loads).toBe(1);
    expect(await db.getDraft()).toEqual(draft);
    expect(codecs.loads).toBe(1);
  });
});
