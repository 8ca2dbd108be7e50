import { formatSize } from "@/components/ui/format";
import { formatUsd, type PriceEstimate } from "@/lib/kontext/pricing";
import type { Size } from "@/lib/kontext/resolution";

/**
 * The generate bar's line, "Output 1392×752 · 2 images · ≈ $0.07", or null while the size is
 * unknown (no image yet in auto or match_input mode).
 */
export function describeRunEstimate(
  size: Size | null,
  numImages: number,
  price: PriceEstimate | null,
): string | null {
  if (!size) return null;
  const parts = [`Output ${formatSize(size)}`, `${numImages} image${numImages === 1 ? "" : "s"}`];
  if (price) parts.push(`≈ ${formatUsd(price.usd)}`);
  return parts.join(" · ");
}
