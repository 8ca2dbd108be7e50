"use client";

import { useState } from "react";
import { useImageSrc } from "@/components/compare/use-image-src";

/**
 * A result image shown from the browser's cached copy when there is one, else its URL; the
 * space is reserved (from its size) while that is looked up, and a broken image says it is gone.
 */
export function ResultImage({
  url,
  alt,
  width,
  height,
  className,
  loading = "lazy",
}: {
  url: string;
  alt: string;
  width: number;
  height: number;
  className: string;
  loading?: "lazy" | "eager";
}) {
  const { src } = useImageSrc(url);
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  if (src !== null && failedSrc === src) {
    return (
      <span
        role="img"
        aria-label={`${alt} (no longer available)`}
        className={`flex items-center justify-center bg-neutral-100 p-4 text-center text-xs text-neutral-600 dark:bg-neutral-800 dark:text-neutral-300 ${className}`}
        style={{ aspectRatio: `${width} / ${height}`, width }}
      >
        This image is no longer available: its URL expired and no copy was kept in this browser.
      </span>
    );
  }
  return (
    // biome-ignore lint/performance/noImgElement: results are cached blobs, remote or data URIs at their own size.
    <img
      src={src ?? undefined}
      alt={alt}
      width={width}
      height={height}
      loading={loading}
      decoding="async"
      onError={() => setFailedSrc(src)}
      className={className}
    />
  );
}
