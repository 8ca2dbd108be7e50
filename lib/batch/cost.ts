import { isAspectRatioMode } from "@/lib/kontext/endpoint";
import { estimatePrice, type PriceEstimate } from "@/lib/kontext/pricing";
import { outputSize, type Size } from "@/lib/kontext/resolution";
import type { KontextRequest } from "@/lib/kontext/schema";

/**
 * What a batch will cost before anything is uploaded: each image's predicted output size and
 * price from its own dimensions (the same `outputSize` and `estimatePrice` a single run shows),
 * the total, and whether it is above the budget the person set.
 */

/** The budget above which starting a batch asks for a confirmation, in US dollars. */
export const DEFAULT_BATCH_BUDGET_USD = 5;

/** The settings the cost depends on. */
export type CostSettings = Pick<KontextRequest, "resolution_mode" | "num_images">;

/** One image's predicted output and price. */
export interface ItemCost {
  size: Size;
  price: PriceEstimate;
}

/** The cost of a whole batch. */
export interface BatchCost {
  /** Per image, in the order given; null while an image's size is unknown (a URL not read yet). */
  items: (ItemCost | null)[];
  /** Requests whose size is known. */
  requests: number;
  /** Output images over those requests. */
  images: number;
  /** Billed megapixels over those images. */
  megapixels: number;
  /** US dollars over the images whose size is known, exact to a tenth of a cent. */
  usd: number;
  /** Images whose size is not known yet (their cost is not in the total). */
  unknown: number;
  /** Whether the total is above the budget (a batch with unknown sizes may cost more still). */
  isOverBudget: boolean;
}

/**
 * One image's predicted output size and price. `input` is its size after EXIF orientation, or
 * null when unknown — then only a fixed aspect ratio (which ignores the input) has a cost.
 */
export function estimateItem(input: Size | null, settings: CostSettings): ItemCost | null {
  const mode = settings.resolution_mode;
  const isFixed = isAspectRatioMode(mode);
  if (!input && !isFixed) return null;
  if (input && (!(input.width >= 1) || !(input.height >= 1)) && !isFixed) return null;
  const size = outputSize(mode, input ?? { width: 1, height: 1 });
  return { size, price: estimatePrice(size, settings.num_images) };
}

/**
 * The cost of a batch of images of the given sizes (null: unknown) with these settings, and
 * whether it is above `budgetUsd` ({@link DEFAULT_BATCH_BUDGET_USD} unless given; null: no budget).
 */
export function estimateBatch(
  inputs: readonly (Size | null)[],
  settings: CostSettings,
  budgetUsd: number | null = DEFAULT_BATCH_BUDGET_USD,
): BatchCost {
  const items = inputs.map((input) => estimateItem(input, settings));
  let tenthsOfCent = 0;
  let megapixels = 0;
  let requests = 0;
  for (const item of items) {
    if (!item) continue;
    requests += 1;
    megapixels += item.price.megapixels;
    // Summed in tenths of a cent, as estimatePrice counts, so the total carries no float noise.
    tenthsOfCent += Math.round(item.price.usd * 1000);
  }
  const usd = tenthsOfCent / 1000;
  return {
    items,
    requests,
    images: requests * settings.num_images,
    megapixels,
    usd,
    unknown: items.length - requests,
    isOverBudget: budgetUsd !== null && usd > budgetUsd,
  };
}
