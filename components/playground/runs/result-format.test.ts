import { describe, expect, it } from "vitest";
import { KNOWN_LORAS } from "@/lib/kontext/known-loras";
import type { KontextOutput, KontextRequest } from "@/lib/kontext/schema";
import type { PlaygroundState } from "@/lib/store/playground-store";
import type { Run } from "@/lib/store/types";
import {
  downloadFilename,
  fileExtension,
  formatDuration,
  formatImageMeta,
  formatLabel,
  formatResolutionMode,
  formatSettings,
  inferenceSeconds,
  isActivePhase,
  isDataUri,
  isFlaggedImage,
  isHttpUrl,
  loraChip,
  loraLabel,
  outputImages,
  phaseAnnouncement,
  phaseStatus,
  phaseWord,
  pricePerImage,
  resultKey,
  runElapsed,
  runTone,
  selectCompletedRunSlots,
  selectRun,
  viewerItems,
  wrapIndex,
} from "./result-format";

const REQUEST: KontextRequest = {
  image_url: "https://example.com/in.png",
  prompt: "Make it snow",
  num_inference_steps: 30,
  seed: undefined,
  guidance_scale: 2.5,
  sync_mode: false,
  num_images: 1,
  enable_safety_checker: true,
  output_format: "png",
  loras: [],
  acceleration: "none",
  resolution_mode: "match_input",
};

function output(count: number, nsfw: boolean[] = []): KontextOutput {
  return {
    images: Array.from({ length: count }, (_, i) => ({
      url: `https://cdn.example/${i}.png`,
      width: 1024,
      height: 768,
      content_type: "image/png",
    })),
    timings: { inference: 3.1 },
    seed: 42,
    has_nsfw_concepts: Array.from({ length: count }, (_, i) => nsfw[i] ?? false),
    prompt: "Make it snow",
  };
}

function run(id: string, patch: Partial<Run> = {}): Run {
  return {
    id,
    serial: 1,
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
    inputThumbnail: null,
    parentId: null,
    isFavourite: false,
    backend: "local",
    predictedSize: { width: 1024, height: 768 },
    price: { megapixelsPerImage: 1, megapixels: 1, usd: 0.035 },
    output: output(1),
    error: null,
    isCancelRequested: false,
    ...patch,
  };
}

describe("loraLabel", () => {
  it("uses a known LoRA's name", () => {
    const known = KNOWN_LORAS[0];
    expect(known).toBeDefined();
    if (known) expect(loraLabel(known.path)).toBe(known.name);
  });

  it("uses the last path segment without its extension", () => {
    expect(loraLabel("https://huggingface.co/a/b/resolve/main/my_style.safetensors")).toBe(
      "my_style",
    );
    expect(loraLabel("https://example.com/weights/foo%20bar.safetensors?download=1")).toBe(
      "foo bar",
    );
    expect(loraLabel("https://example.com/lora/")).toBe("lora");
  });

  it("falls back to the raw text when it is not a URL", () => {
    expect(loraLabel("owner/repo")).toBe("repo");
    expect(loraLabel("plain")).toBe("plain");
    expect(loraLabel("https://example.com/")).toBe("https://example.com/");
  });
});

describe("formatting", () => {
  it("formats LoRA chips", () => {
    expect(loraChip({ path: "https://x.com/a/b.safetensors", scale: 1.5 })).toBe("b ×1.5");
    expect(loraChip({ path: "https://x.com/a/b.safetensors", scale: 0.1 + 0.2 })).toBe("b ×0.3");
  });

  it("formats the settings line", () => {
    expect(formatSettings(REQUEST)).toBe("30 steps · guidance 2.5 · Match input · PNG");
    expect(
      formatSettings({
        ...REQUEST,
        num_images: 3,
        acceleration: "high",
        resolution_mode: "16:9",
        output_format: "jpeg",
      }),
    ).toBe("30 steps · guidance 2.5 · 16:9 · JPEG · 3 images · high acceleration");
    expect(formatResolutionMode("auto")).toBe("Auto");
  });

  it("formats durations", () => {
    expect(formatDuration(0)).toBe("0.0 s");
    expect(formatDuration(4_200)).toBe("4.2 s");
    expect(formatDuration(-5)).toBe("0.0 s");
    expect(formatDuration(65_400)).toBe("1 min 05 s");
  });

  it("maps content types to labels, extensions and file names", () => {
    expect(formatLabel("image/png")).toBe("PNG");
    expect(formatLabel("image/jpeg")).toBe("JPEG");
    expect(formatLabel("image/svg+xml")).toBe("SVG");
    expect(formatLabel("application/octet-stream")).toBe("Image");
    expect(fileExtension("image/jpeg")).toBe("jpg");
    expect(fileExtension("IMAGE/PNG")).toBe("png");
    expect(fileExtension("image/webp")).toBe("webp");
    expect(fileExtension("")).toBe("png");
    expect(downloadFilename(1234, 0, "image/jpeg")).toBe("kontext-1234-1.jpg");
    expect(downloadFilename(7, 2, "image/png")).toBe("kontext-7-3.png");
  });

  it("treats a missing content type as an unknown image", () => {
    expect(formatLabel(undefined)).toBe("Image");
    expect(formatLabel(null)).toBe("Image");
    expect(fileExtension(undefined)).toBe("png");
    expect(downloadFilename(7, 0, undefined)).toBe("kontext-7-1.png");
    expect(formatImageMeta({ image: { width: 64, height: 48 }, seed: 7, priceUsd: null })).toBe(
      "64×48 · Image · seed 7",
    );
    // What a malformed result may carry at run time, whatever the types say.
    expect(formatLabel(42 as unknown as string)).toBe("Image");
  });

  it("formats an image's meta line", () => {
    const image = { width: 1392, height: 752, content_type: "image/png" };
    expect(
      formatImageMeta({
        image,
        seed: 1234,
        inferenceSeconds: 3.1,
        priceUsd: pricePerImage(0.035, 1),
      }),
    ).toBe("1392×752 · PNG · seed 1234 · 3.1 s · $0.035");
    expect(formatImageMeta({ image, seed: 1, priceUsd: null })).toBe("1392×752 · PNG · seed 1");
    expect(formatImageMeta({ image, seed: 1, inferenceSeconds: null, priceUsd: null })).toBe(
      "1392×752 · PNG · seed 1",
    );
    expect(pricePerImage(0.14, 4)).toBeCloseTo(0.035);
    expect(pricePerImage(0.14, 0)).toBeNull();
  });

  it("recognises data URIs", () => {
    expect(isDataUri("data:image/png;base64,AAAA")).toBe(true);
    expect(isDataUri("DATA:image/png,x")).toBe(true);
    expect(isDataUri("https://cdn.example/a.png")).toBe(false);
  });

  it("recognises http(s) URLs, the only ones opened in a new tab", () => {
    expect(isHttpUrl("https://cdn.example/a.png")).toBe(true);
    expect(isHttpUrl("http://127.0.0.1:3000/api/engine/files/a.png")).toBe(true);
    expect(isHttpUrl("data:image/png;base64,AAAA")).toBe(false);
    expect(isHttpUrl("javascript:alert(1)")).toBe(false);
    expect(isHttpUrl("blob:https://x/1")).toBe(false);
    expect(isHttpUrl("/relative.png")).toBe(false);
    expect(isHttpUrl("")).toBe(false);
  });
});

describe("run status", () => {
  it("describes every phase", () => {
    expect(phaseStatus(run("a", { phase: "uploading", finishedAt: null }))).toBe("Uploading…");
    expect(phaseStatus(run("a", { phase: "queued", finishedAt: null, queuePosition: 0 }))).toBe(
      "In queue (position 1)",
    );
    expect(phaseStatus(run("a", { phase: "queued", finishedAt: null }))).toBe("In queue");
    expect(
      phaseStatus(
        run("a", { phase: "running", finishedAt: null, step: { current: 12, total: 30 } }),
      ),
    ).toBe("Running — step 12/30");
    expect(phaseStatus(run("a", { phase: "running", finishedAt: null }))).toBe("Running…");
    expect(phaseStatus(run("a"))).toBe("Done in 4.2 s");
    expect(phaseStatus(run("a", { phase: "failed" }))).toBe("Failed");
    expect(phaseStatus(run("a", { phase: "cancelled" }))).toBe("Cancelled");
  });

  it("announces only the phase, with the run number", () => {
    expect(phaseAnnouncement(2, "uploading")).toBe("Run 2 uploading");
    expect(phaseAnnouncement(2, "queued")).toBe("Run 2 in queue");
    expect(phaseAnnouncement(2, "running")).toBe("Run 2 running");
    expect(phaseAnnouncement(2, "completed")).toBe("Run 2 done");
    expect(phaseAnnouncement(1, "failed")).toBe("Run 1 failed");
    expect(phaseAnnouncement(1, "cancelled")).toBe("Run 1 cancelled");
  });

  it("names phases and knows which are active", () => {
    expect(phaseWord("completed")).toBe("done");
    expect(phaseWord("queued")).toBe("in queue");
    expect(phaseWord("running")).toBe("running");
    expect(isActivePhase("uploading")).toBe(true);
    expect(isActivePhase("running")).toBe(true);
    expect(isActivePhase("failed")).toBe(false);
  });

  it("measures elapsed time until the run finishes", () => {
    expect(runElapsed({ startedAt: 1_000, finishedAt: null }, 3_500)).toBe("2.5 s");
    expect(runElapsed({ startedAt: 1_000, finishedAt: 2_000 }, 9_000)).toBe("1.0 s");
  });

  it("selects a run by id", () => {
    const state = { runs: [run("a"), run("b")] } as unknown as PlaygroundState;
    expect(selectRun("b")(state)?.id).toBe("b");
    expect(selectRun("c")(state)).toBeUndefined();
  });
});

describe("viewer items", () => {
  it("flattens completed runs newest first, numbered by their serials", () => {
    const runs = [
      run("new", { serial: 9, output: output(2) }),
      run("busy", { serial: 8, phase: "running", finishedAt: null, output: null }),
      run("old", { serial: 4, output: output(1) }),
    ];
    const items = viewerItems(runs, () => false);
    expect(items.map((item) => [item.key, item.runNumber, item.index])).toEqual([
      [resultKey("new", 0), 9, 0],
      [resultKey("new", 1), 9, 1],
      [resultKey("old", 0), 4, 0],
    ]);
    expect(items[0]?.seed).toBe(42);
    expect(items[0]?.prompt).toBe("Make it snow");
  });

  it("skips flagged images unless revealed", () => {
    const runs = [run("a", { output: output(3, [false, true, true]) })];
    expect(viewerItems(runs, () => false).map((item) => item.index)).toEqual([0]);
    const revealed = new Set([resultKey("a", 2)]);
    expect(viewerItems(runs, (key) => revealed.has(key)).map((item) => item.index)).toEqual([0, 2]);
  });

  it("tolerates outputs without safety flags, timings or images", () => {
    const bare = { ...output(2), has_nsfw_concepts: undefined, timings: undefined };
    const runs = [run("a", { output: bare as unknown as KontextOutput })];
    expect(viewerItems(runs, () => false).map((item) => item.index)).toEqual([0, 1]);
    expect(isFlaggedImage(bare as unknown as KontextOutput, 0)).toBe(false);
    expect(isFlaggedImage(output(2, [false, true]), 1)).toBe(true);
    expect(isFlaggedImage(output(1, [true]), 5)).toBe(false);
    expect(isFlaggedImage(null, 0)).toBe(false);
    expect(inferenceSeconds(bare as unknown as KontextOutput)).toBeUndefined();
    expect(inferenceSeconds(output(1))).toBe(3.1);
    expect(inferenceSeconds({ timings: {} })).toBeUndefined();
    expect(outputImages({ images: undefined } as unknown as KontextOutput)).toEqual([]);
    expect(outputImages(null)).toEqual([]);
  });

  it("keeps completed runs in their slots, numbered by their serials", () => {
    const done = run("done", { serial: 1, output: output(1) });
    const busy = run("busy", { phase: "running", finishedAt: null, output: null });
    const state = { runs: [busy, done] } as unknown as PlaygroundState;
    const slots = selectCompletedRunSlots(state);
    expect(slots).toEqual([null, done]);
    expect(slots[1]).toBe(done);
    expect(viewerItems(slots, () => false).map((item) => [item.runId, item.runNumber])).toEqual([
      ["done", 1],
    ]);
  });

  it("wraps indexes at both ends", () => {
    expect(wrapIndex(0, -1, 3)).toBe(2);
    expect(wrapIndex(2, 1, 3)).toBe(0);
    expect(wrapIndex(1, 1, 3)).toBe(2);
    expect(wrapIndex(0, 1, 0)).toBe(0);
  });
});

describe("runTone", () => {
  it("is active while a run goes, else says how it ended", () => {
    expect(runTone("running", false)).toBe("active");
    expect(runTone("queued", false)).toBe("active");
    expect(runTone("completed", true)).toBe("completed");
    expect(runTone("failed", true)).toBe("failed");
    expect(runTone("cancelled", true)).toBe("cancelled");
    // A run whose phase still says running but has finished (cut off) reads as cancelled.
    expect(runTone("running", true)).toBe("cancelled");
  });
});
