"use client";

import { usePlaygroundStore } from "@/components/playground/store-provider";

const ID = "image-downscale";

/**
 * Whether large photos are downscaled in the browser before upload; changing it prepares the
 * chosen photo again at once.
 */
export function ImageDownscaleSetting() {
  const shouldDownscale = usePlaygroundStore((s) => s.shouldDownscale);
  const setShouldDownscale = usePlaygroundStore((s) => s.setShouldDownscale);

  return (
    <div className="flex items-start gap-2.5">
      <input
        id={ID}
        type="checkbox"
        checked={shouldDownscale}
        onChange={(event) => void setShouldDownscale(event.target.checked)}
        aria-describedby={`${ID}-description`}
        className="mt-0.5 size-4 shrink-0 rounded accent-accent-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500"
      />
      <div className="flex min-w-0 flex-col gap-0.5">
        <label htmlFor={ID} className="text-sm font-medium text-neutral-900 dark:text-neutral-100">
          Downscale large photos before upload
        </label>
        <p id={`${ID}-description`} className="text-xs text-neutral-600 dark:text-neutral-400">
          Over ~3 MP: resized here first, same output.
        </p>
      </div>
    </div>
  );
}
