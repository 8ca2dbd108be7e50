import { describe, expect, it } from "vitest";
import type { Progress } from "@/lib/batch/queue";
import {
  formatCounts,
  formatEta,
  formatInputMeta,
  formatPace,
  shortName,
  titleWithProgress,
} from "./batch-format";

const progress = (patch: Partial<Progress>): Progress => ({
  total: 0,
  queued: 0,
  uploading: 0,
  running: 0,
  done: 0,
  failed: 0,
  cancelled: 0,
  fraction: 0,
  throughputPerMinute: null,
  etaMs: null,
  ...patch,
});

describe("batch texts", () => {
  it("names an input by the last part of its path or URL", () => {
    expect(shortName("shots/2024/chair-003.png")).toBe("chair-003.png");
    expect(shortName("https://cdn.example.com/a/b/lamp.jpg?w=200")).toBe("lamp.jpg");
    expect(shortName("plain.webp")).toBe("plain.webp");
  });

  it("says what is known of an input's size", () => {
    expect(formatInputMeta({ bytes: 1_234_567, width: 1600, height: 1200 })).toBe(
      "1.2 MB · 1600×1200",
    );
    expect(formatInputMeta({ bytes: null, width: 800, height: 600 })).toBe("800×600");
    expect(formatInputMeta({ bytes: null, width: null, height: null })).toBe("size unknown");
  });

  it("rounds the time left to what a person plans with", () => {
    expect(formatEta(400)).toBe("1 s");
    expect(formatEta(45_200)).toBe("45 s");
    expect(formatEta(185_000)).toBe("3 min");
    expect(formatEta(80 * 60_000)).toBe("1 h 20 min");
  });

  it("counts items by state, uploading as running, leaving out empty states but done", () => {
    expect(formatCounts(progress({ done: 0, queued: 12 }))).toBe("0 done · 12 queued");
    expect(
      formatCounts(progress({ done: 3, running: 1, uploading: 1, queued: 5, failed: 1 })),
    ).toBe("3 done · 2 running · 5 queued · 1 failed");
  });

  it("gives the pace and time left once known", () => {
    expect(formatPace(progress({}))).toBe("");
    expect(formatPace(progress({ throughputPerMinute: 6, etaMs: 120_000 }))).toBe(
      "6.0 images/min · about 2 min left",
    );
  });

  it("puts the batches' progress in front of the page title", () => {
    expect(titleWithProgress("Kontext Playground", null)).toBe("Kontext Playground");
    expect(
      titleWithProgress("Kontext Playground", {
        ended: 7,
        wanted: 12,
        etaMs: null,
        isPaused: false,
      }),
    ).toBe("(7/12) Kontext Playground");
    expect(
      titleWithProgress("Kontext Playground", {
        ended: 7,
        wanted: 12,
        etaMs: null,
        isPaused: true,
      }),
    ).toBe("(7/12 paused) Kontext Playground");
  });
});
