// Tiny byte strings with real image signatures, for the batch tests (not decodable images:
// nothing in lib/batch decodes pixels).

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (value: string) => Array.from(value, (char) => char.charCodeAt(0));

/** A PNG signature followed by `tag`, so two tags make two different images. */
export function pngBytes(tag = 0): Uint8Array {
  return bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, tag);
}

export function jpegBytes(tag = 0): Uint8Array {
  return bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, tag);
}

export const gifBytes = () => bytes(...text("GIF89a"), 1, 0, 1, 0);
export const webpBytes = () => bytes(...text("RIFF"), 8, 0, 0, 0, ...text("WEBPVP8 "));
/** An AVIF whose major brand is `mif1` and `avif` is a compatible brand. */
export const avifBytes = () =>
  bytes(0, 0, 0, 28, ...text("ftyp"), ...text("mif1"), 0, 0, 0, 0, ...text("mif1avifmiaf"));
export const heicBytes = () =>
  bytes(0, 0, 0, 24, ...text("ftypheic"), 0, 0, 0, 0, ...text("mif1heic"));
export const pdfBytes = () => bytes(...text("%PDF-1.7\n"));

/** A File of `data` (a Blob with a name). */
export function fileOf(name: string, data: Uint8Array, type = ""): File {
  return new File([data as Uint8Array<ArrayBuffer>], name, { type });
}

import { buildBatch } from "./build";
import type { BatchInput, BatchRecipe, BatchRecord } from "./record";

/** A file input named `name` of a 1200×800 image whose bytes hash to `hash`. */
export function fileInput(
  name: string,
  hash: string,
  size = { width: 1200, height: 800 },
): BatchInput {
  return { name, source: "file", hash, url: null, bytes: 1_000, ...size };
}

/** A URL input of unknown size. */
export function urlInput(url: string): BatchInput {
  return { name: url, source: "url", hash: null, url, bytes: null, width: null, height: null };
}

/** A recipe: prompt, one LoRA, default settings, seed as given. */
export function recipe(overrides: Partial<BatchRecipe> = {}): BatchRecipe {
  return {
    request: {
      prompt: "make it snow",
      loras: [{ path: "https://loras.example/snow.safetensors", scale: 0.8 }],
      num_inference_steps: 30,
      guidance_scale: 2.5,
      num_images: 1,
      output_format: "png",
      acceleration: "none",
      resolution_mode: "match_input",
      enable_safety_checker: true,
      sync_mode: false,
    },
    seedMode: "fixed",
    seed: 7,
    sourceRunId: null,
    ...overrides,
  };
}

/** A hex SHA-256-looking key from a digit. */
export const hashOf = (digit: number) => String(digit % 10).repeat(64);

/**
 * A batch (not started) of one file input per run id, each item pointing at its run (null: the
 * item has not started), with the recipe's prompt as given.
 */
export function batchWithRuns(
  id: string,
  createdAt: number,
  runIds: readonly (string | null)[],
  prompt = "paint the chairs teal",
): BatchRecord {
  let next = 0;
  const built = buildBatch({
    id,
    createdAt,
    recipe: recipe({ request: { ...recipe().request, prompt } }),
    inputs: runIds.map((_, index) => ({
      input: fileInput(`chair-${index}.png`, hashOf(index)),
      prompt: null,
    })),
    concurrency: 2,
    budgetUsd: null,
    backend: "local",
    newId: () => `${id}-item-${next++}`,
    randomSeed: () => 1,
  });
  return {
    ...built,
    items: built.items.map((item, index) => ({ ...item, runId: runIds[index] ?? null })),
  };
}
