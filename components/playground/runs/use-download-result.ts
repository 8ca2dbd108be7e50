"use client";

import { useCallback } from "react";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import type { KontextImage } from "@/lib/kontext/schema";
import { downloadImage } from "./result-action-button";
import { downloadFilename } from "./result-format";
import type { Outcome } from "./use-result-outcome";

/**
 * Downloads one result: the cached copy when there is one (PNGs carry the run's settings), else
 * the URL as it is. Resolves to what to say afterwards (null when it was saved).
 */
export function useDownloadResult(
  runId: string,
  index: number,
  image: KontextImage,
  seed: number,
): () => Promise<Outcome | null> {
  const resultBlob = usePlaygroundStore((s) => s.resultBlob);
  return useCallback(async () => {
    const blob = await resultBlob(runId, index).catch(() => null);
    const done = await downloadImage(
      image.url,
      downloadFilename(seed, index, blob?.type || image.content_type),
      blob,
    );
    return done === "saved" ? null : done === "opened" ? "opened" : "download-failed";
  }, [resultBlob, runId, index, image, seed]);
}
