import type { HistoryRun } from "@/lib/history/types";
import { type KontextInput, type KontextRequest, kontextInputSchema } from "@/lib/kontext/schema";
import type { SweepRecord } from "@/lib/sweep/record";

// Runs, sweeps and prompts shared by the share module's tests.

/**
 * A prompt that breaks naive quoting in every language a snippet is written in. Its command
 * substitutions only echo a word, so a quoting bug shows up as a changed value, never as a
 * command with side effects: tests run snippets in real shells.
 */
export const NASTY_PROMPT = [
  `He said "don't" — it's 'quoted' ''' """ and \`echo INJECTED\` $(echo INJECTED) $HOME \${x} %s {0}`,
  "a second line\r\nwith\ttabs \\ backslashes \\n \\' and \\\\",
  "nul:\u0000 bell:\u0007 del:\u007f line-sep:\u2028 para-sep:\u2029 lone:\ud800",
  "</script><script>alert(1)</script> 🎨 雪 ❄️",
  "EOF\nJSON\n'",
].join("\n");

/** A 1×1 PNG as a data URI, as an input picked from disk travels. */
export const TINY_PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

/** A full request (every default filled in) from a few fields. */
export function request(input: Partial<KontextInput> = {}): KontextRequest {
  return kontextInputSchema.parse({
    image_url: "https://v3.fal.media/files/rabbit/input-Zq3x.png",
    prompt: "Make it a watercolour painting",
    seed: 42,
    loras: [
      { path: "https://huggingface.co/me/watercolour/resolve/main/w.safetensors", scale: 0.8 },
    ],
    ...input,
  });
}

/** A completed fal run with two output images. */
export function historyRun(overrides: Partial<HistoryRun> = {}): HistoryRun {
  return {
    id: "run-1",
    createdAt: 1_750_000_000_000,
    finishedAt: 1_750_000_006_000,
    status: "completed",
    requestId: "req-1",
    request: request({ num_images: 2 }),
    output: {
      images: [
        {
          url: "https://v3.fal.media/files/koala/out-1.png",
          width: 1024,
          height: 768,
          content_type: "image/png",
        },
        {
          url: "https://v3.fal.media/files/koala/out-2.png",
          width: 1024,
          height: 768,
          content_type: "image/png",
        },
      ],
      timings: { inference: 4.2 },
      seed: 42,
      has_nsfw_concepts: [false, false],
      prompt: "Make it a watercolour painting",
    },
    error: null,
    predictedSize: { width: 1024, height: 768 },
    priceUsd: 0.0551,
    inputThumbnail: "data:image/jpeg;base64,AAAA",
    parentId: null,
    isFavourite: false,
    backend: "fal",
    ...overrides,
  };
}

/**
 * A `columns` × `rows` LoRA-scale × seed sweep (one axis when `rows` is 0), every cell started
 * as run `run-<row>-<column>`.
 */
export function sweepRecord(columns: number, rows: number): SweepRecord {
  const scales = Array.from({ length: columns }, (_, index) => index * 0.25);
  const seeds = Array.from({ length: Math.max(rows, 1) }, (_, index) => 100 + index);
  const cells = seeds.flatMap((seed, row) =>
    scales.map((scale, column) => ({
      row,
      column,
      request: request({
        seed,
        loras: [
          { path: "https://huggingface.co/me/watercolour/resolve/main/w.safetensors", scale },
        ],
      }),
      status: "started" as const,
      runId: `run-${row}-${column}`,
    })),
  );
  const columnLabels = scales.map((scale) => `×${scale}`);
  const rowLabels = rows > 0 ? seeds.map(String) : [""];
  return {
    id: "sweep-1",
    createdAt: 1_750_000_000_000,
    axes: [
      {
        kind: "lora_scale",
        text: "0..1 step 0.25",
        labels: columnLabels,
        target: { kind: "swept" },
      },
      ...(rows > 0 ? [{ kind: "seed" as const, text: seeds.join(", "), labels: rowLabels }] : []),
    ],
    columnLabels,
    rowLabels,
    cells,
    concurrency: 2,
    inputThumbnail: null,
    predictedSize: { width: 1024, height: 768 },
    backend: "fal",
  };
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

/** 22 characters that look random (as fal's file names do, so they compress as badly), from `seed`. */
function randomName(seed: string): string {
  let state = Array.from(seed).reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) >>> 0, 7);
  return Array.from({ length: 22 }, () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return ALPHABET[state >>> 26] ?? "A";
  }).join("");
}

/** The run a sweep cell started: its request, and an output image with a fal-like random URL. */
export function sweepRun(sweep: SweepRecord, id: string): HistoryRun | undefined {
  const cell = sweep.cells.find((candidate) => candidate.runId === id);
  if (!cell) return undefined;
  const random = randomName(id);
  return historyRun({
    id,
    request: cell.request,
    output: {
      images: [
        {
          url: `https://v3.fal.media/files/penguin/${random}.png`,
          width: 1024,
          height: 768,
          content_type: "image/png",
        },
      ],
      timings: {},
      seed: cell.request.seed ?? 0,
      has_nsfw_concepts: [false],
      prompt: cell.request.prompt,
    },
  });
}
