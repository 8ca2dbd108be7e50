import type { KontextRequest } from "@/lib/kontext/schema";
import { MAX_BATCH_ITEMS } from "./list";
import { clampConcurrency, type QueueState, queuedItem } from "./queue";
import type { BatchInput, BatchItem, BatchRecipe, BatchRecord } from "./record";

// A batch's life without its stored format's schemas (`./record`): the store runs batches with
// these, and the schemas (zod) load only when a batch is saved, read or started.

/** A batch's queue: its items, concurrency and pause. */
export function queueOf(batch: BatchRecord): QueueState<BatchItem> {
  return { items: batch.items, concurrency: batch.concurrency, pause: batch.pause };
}

/** The batch with the queue's new state. */
export function withQueue(batch: BatchRecord, queue: QueueState<BatchItem>): BatchRecord {
  if (
    queue.items === batch.items &&
    queue.concurrency === batch.concurrency &&
    queue.pause === batch.pause
  ) {
    return batch;
  }
  return { ...batch, items: queue.items, concurrency: queue.concurrency, pause: queue.pause };
}

/** The exact request an item is sent with: the recipe, its prompt and seed, its image's URL. */
export function requestFor(batch: Pick<BatchRecord, "recipe">, item: BatchItem): KontextRequest {
  const { request } = batch.recipe;
  return {
    ...request,
    loras: request.loras.map((lora) => ({ ...lora })),
    prompt: item.prompt ?? request.prompt,
    seed: item.seed,
    image_url: item.imageUrl ?? "",
  };
}

/** One input of a new batch, with its own prompt when it has one. */
export interface NewBatchInput {
  input: BatchInput;
  prompt: string | null;
}

/** What {@link buildBatch} needs. */
export interface NewBatch {
  id: string;
  createdAt: number;
  recipe: BatchRecipe;
  inputs: readonly NewBatchInput[];
  concurrency: number;
  budgetUsd: number | null;
  backend: "fal" | "local";
  /** Makes item ids. */
  newId: () => string;
  /** Draws a seed (per-image mode, or a fixed recipe without a seed). */
  randomSeed: () => number;
}

/**
 * A new batch, not started, every item queued in input order: with a fixed seed every item gets the recipe's
 * seed (one is drawn once when it has none, and recorded); per image, each item draws its own.
 * A URL input's URL is its image URL from the start (nothing to upload). Throws for more than
 * {@link MAX_BATCH_ITEMS} inputs, and when neither the recipe nor an item has a prompt.
 */
export function buildBatch(spec: NewBatch): BatchRecord {
  if (spec.inputs.length > MAX_BATCH_ITEMS) {
    throw new RangeError(`A batch holds at most ${MAX_BATCH_ITEMS} images`);
  }
  const hasPrompt = spec.recipe.request.prompt.trim() !== "";
  if (!hasPrompt && spec.inputs.some((input) => input.prompt === null)) {
    throw new Error("Write a prompt (or give every image its own)");
  }
  const recipe: BatchRecipe =
    spec.recipe.seedMode === "fixed" && spec.recipe.seed === null
      ? { ...spec.recipe, seed: spec.randomSeed() }
      : spec.recipe;
  const items = spec.inputs.map(({ input, prompt }, index) => ({
    ...queuedItem(
      spec.newId(),
      recipe.seedMode === "fixed" ? (recipe.seed as number) : spec.randomSeed(),
      index,
      input.source === "url" ? input.url : null,
    ),
    input,
    prompt,
  }));
  const first = recipe.request.prompt.trim() || (items[0]?.prompt ?? "");
  const shown = first.length > 48 ? `${first.slice(0, 47)}…` : first;
  const count = `${items.length} ${items.length === 1 ? "image" : "images"}`;
  return {
    id: spec.id,
    createdAt: spec.createdAt,
    name: shown ? `${count} · ${shown}` : count,
    recipe,
    items,
    concurrency: clampConcurrency(spec.concurrency),
    pause: null,
    startedAt: null,
    budgetUsd: spec.budgetUsd,
    backend: spec.backend,
  };
}
