import { resultName } from "@/components/playground/compare-picks/compare-format";
import type { ViewerScope } from "@/components/playground/runs/result-context";
import type { ViewerItem } from "@/components/playground/runs/result-format";

/**
 * The images the viewer moves through: every shown result, or only those of `scope` (a sweep's
 * grid) in the scope's order.
 */
export function scopedItems(items: readonly ViewerItem[], scope: ViewerScope | null): ViewerItem[] {
  if (!scope) return [...items];
  const byKey = new Map(items.map((item) => [item.key, item]));
  return scope.keys.flatMap((key) => {
    const item = byKey.get(key);
    return item ? [item] : [];
  });
}

/**
 * The viewer's title for an image: the scope's title (a sweep cell's labels, `Van Gogh ×0.5`),
 * else the result's name (`Result 1 of run 3`).
 */
export function viewerTitle(item: ViewerItem, scope: ViewerScope | null): string {
  return scope?.titles[item.key] ?? resultName(item.runNumber, item.index);
}
