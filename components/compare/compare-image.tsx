"use client";

import { useState } from "react";
import { Icon } from "@/components/ui/icons";
import type { CompareSide } from "./compare-side";
import { useImageSrc } from "./use-image-src";

/**
 * One side's image, filling its layer (fitted, never cropped) and moved by the shared view's
 * transform. When the image fails it tries `fallbackSrc`; when that fails too it says so.
 * Remount it (`key`) for another image.
 */
export function CompareImage({ side, transform }: { side: CompareSide; transform: string }) {
  // The browser's cached copy first: it outlives the URL.
  const cached = useImageSrc(side.src);
  const [attempt, setAttempt] = useState<"src" | "fallback" | "failed">(() =>
    side.src ? "src" : side.fallbackSrc ? "fallback" : "failed",
  );
  if (cached.isLoading) return null;
  const src = attempt === "src" ? cached.src : attempt === "fallback" ? side.fallbackSrc : null;

  if (!src) {
    return (
      <div className="absolute inset-0 flex flex-col items-center justify-center gap-2 bg-neutral-900 p-4 text-center">
        <Icon className="size-6 text-neutral-400" viewBox="0 0 24 24">
          <rect x="3" y="4" width="18" height="16" rx="2" />
          <path d="m3 3 18 18" />
        </Icon>
        <p className="text-sm text-neutral-200">Image no longer available</p>
        <p className="sr-only">{side.alt}</p>
      </div>
    );
  }
  return (
    // biome-ignore lint/performance/noImgElement: remote results, uploads and data URIs at their own size.
    <img
      src={src}
      alt={side.alt}
      width={side.width}
      height={side.height}
      draggable={false}
      decoding="async"
      onError={() => setAttempt(attempt === "src" && side.fallbackSrc ? "fallback" : "failed")}
      style={{ transform }}
      className="pointer-events-none absolute inset-0 size-full origin-center select-none object-contain will-change-transform"
    />
  );
}

/** A side's name in a corner of its pane, over the image. */
export function CompareLabel({
  children,
  corner,
  maxWidth = "max-w-[calc(50%-1rem)]",
}: {
  children: string;
  corner: "left" | "right";
  maxWidth?: string;
}) {
  return (
    <p
      className={`pointer-events-none absolute top-2 line-clamp-2 rounded-md text-balance bg-black/70 px-2 py-1 text-xs font-medium text-white shadow-sm ring-1 ring-white/10 ${maxWidth} ${corner === "left" ? "left-2" : "right-2 text-right"}`}
    >
      {children}
    </p>
  );
}
