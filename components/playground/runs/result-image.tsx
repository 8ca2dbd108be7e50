"use client";

import { useState } from "react";
import { useImageSrc } from "@/components/compare/use-image-src";

/** When this page was opened: results finished since then have URLs that work. */
const PAGE_OPENED_AT = Date.now();

/**
 * A result image shown from the browser's cached copy when there is one, else its URL; the
 * space is reserved (from its size) while that is looked up, and a broken image says it is gone.
 * A result finished since the page opened (`finishedAt`, ms since the epoch) shows from its URL
 * at once, with no cache lookup before it (the cached copy is the fallback if the URL fails);
 * `loading="eager"` images are fetched at high priority and decoded with the frame.
 */
export function ResultImage({
  url,
  alt,
  width,
  height,
  className,
  loading = "lazy",
  finishedAt = null,
}: {
  url: string;
  alt: string;
  width: number;
  height: number;
  className: string;
  loading?: "lazy" | "eager";
  finishedAt?: number | null;
}) {
  const [isUrlFailed, setIsUrlFailed] = useState(false);
  const isUrlFirst = !isUrlFailed && finishedAt !== null && finishedAt >= PAGE_OPENED_AT;
  const { src } = useImageSrc(url, { isUrlFirst });
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
      fetchPriority={loading === "eager" ? "high" : "auto"}
      decoding={loading === "eager" ? "sync" : "async"}
      onError={() => (isUrlFirst ? setIsUrlFailed(true) : setFailedSrc(src))}
      className={className}
    />
  );
}
