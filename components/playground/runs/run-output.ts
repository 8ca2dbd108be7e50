// What the first screen needs of a run's result (the stage's phase, the compare picks' images),
// apart from the formatting in result-format, which loads with the history's cards.
import type { KontextImage, KontextOutput } from "@/lib/kontext/schema";
import type { RunPhase } from "@/lib/store/types";

/** Whether a run has not finished yet. */
export function isActivePhase(phase: RunPhase): boolean {
  return phase === "uploading" || phase === "queued" || phase === "running";
}

/** A result's images; empty when the output is missing or malformed. */
export function outputImages(
  output: Pick<KontextOutput, "images"> | null | undefined,
): KontextImage[] {
  const images: unknown = output?.images;
  return Array.isArray(images) ? (images as KontextImage[]) : [];
}
