"use client";

import { useState } from "react";

/** The card's example images (loaded lazily from the Hub); an image that fails is left out. */
export function HubExamples({ images, name }: { images: readonly string[]; name: string }) {
  const [failed, setFailed] = useState<ReadonlySet<string>>(new Set());
  const shown = images.filter((url) => !failed.has(url)).slice(0, 6);
  if (shown.length === 0) {
    return (
      <p className="text-xs text-neutral-600 dark:text-neutral-400">No example images to show.</p>
    );
  }
  return (
    <section aria-label="Example images" className="flex flex-col gap-1.5">
      <h4 className="text-sm font-medium">Examples from the card</h4>
      <ul className="grid grid-cols-3 gap-2 sm:grid-cols-6">
        {shown.map((url, index) => (
          <li key={url}>
            {/* biome-ignore lint/performance/noImgElement: images on the Hub, not optimised here. */}
            <img
              src={url}
              alt={`${name}, example ${index + 1}`}
              loading="lazy"
              referrerPolicy="no-referrer"
              onError={() => setFailed((current) => new Set([...current, url]))}
              className="aspect-square w-full rounded-md bg-neutral-100 object-cover dark:bg-neutral-800"
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
