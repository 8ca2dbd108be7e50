import { formatCount } from "@/lib/domain/text";
import type { GalleryItemCounts } from "@/lib/store/gallery";

const KINDS = [
  ["runs", "run", "runs"],
  ["sweeps", "sweep", "sweeps"],
  ["batches", "batch", "batches"],
] as const;

/**
 * The history's count line: `40 runs · 2 sweeps · 1 batch`, or while filtering
 * `12 of 40 runs · 1 of 2 sweeps`. Kinds the history does not hold are left out; runs are always
 * named, so an empty history says `0 runs`.
 */
export function galleryCountText(
  shown: GalleryItemCounts,
  total: GalleryItemCounts,
  isFiltered: boolean,
): string {
  return KINDS.filter(([kind]) => kind === "runs" || total[kind] > 0)
    .map(([kind, one, many]) => {
      const noun = total[kind] === 1 ? one : many;
      return isFiltered && total[kind] > 0
        ? `${formatCount(shown[kind])} of ${formatCount(total[kind])} ${noun}`
        : `${formatCount(total[kind])} ${noun}`;
    })
    .join(" · ");
}
