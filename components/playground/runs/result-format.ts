import { formatScale, formatSize } from "@/components/ui/format";
import { isDataUri, isHttpUrl } from "@/lib/domain/text";
import { loraLabel } from "@/lib/kontext/known-loras";
import { formatUsd } from "@/lib/kontext/pricing";
import type { KontextImage, KontextOutput, KontextRequest, LoraWeight } from "@/lib/kontext/schema";
import { selectRunsById } from "@/lib/store/gallery";
import type { PlaygroundState } from "@/lib/store/playground-store";
import type { Run, RunPhase } from "@/lib/store/types";
import { isActivePhase, outputImages } from "./run-output";

export { loraLabel };
export { isActivePhase, outputImages };

/** Picks one run by id (for `usePlaygroundStore`), without searching the whole list. */
export function selectRun(runId: string): (state: PlaygroundState) => Run | undefined {
  return (state) => selectRunsById(state).get(runId);
}

/** What a run's image grid is laid out from: its phase, how many images came back and were
 * asked for, and the predicted output size (for placeholders). Null when the run is gone. */
export interface RunImageLayout {
  phase: RunPhase;
  imageCount: number;
  expectedCount: number;
  width: number;
  height: number;
}

/** A selector for {@link RunImageLayout} (use with `useShallow`). */
export function selectRunImageLayout(
  runId: string,
): (state: PlaygroundState) => RunImageLayout | null {
  return (state) => {
    const run = selectRun(runId)(state);
    if (!run) return null;
    return {
      phase: run.phase,
      imageCount: outputImages(run.output).length,
      expectedCount: run.request.num_images,
      width: run.predictedSize.width,
      height: run.predictedSize.height,
    };
  };
}

/** How a run's status chip reads: active while it runs, else how it ended. */
export type RunTone = "active" | "completed" | "failed" | "cancelled";

/** A run's {@link RunTone} from its phase and whether it has finished. */
export function runTone(phase: RunPhase, isFinished: boolean): RunTone {
  if (isActivePhase(phase) && !isFinished) return "active";
  return phase === "completed" || phase === "failed" ? phase : "cancelled";
}

/** The status chip's colours for each {@link RunTone} (the card's and the stage's). */
export const RUN_TONE_CLASS: Readonly<Record<RunTone, string>> = {
  active: "bg-accent-50 text-accent-700 dark:bg-accent-700/20 dark:text-accent-400",
  completed: "bg-emerald-50 text-emerald-800 dark:bg-emerald-900/30 dark:text-emerald-300",
  failed: "bg-red-50 text-red-800 dark:bg-red-900/30 dark:text-red-300",
  cancelled: "bg-neutral-100 text-neutral-700 dark:bg-neutral-800 dark:text-neutral-300",
};

/** `Ghibli style ×1`. */
export function loraChip(lora: LoraWeight): string {
  return `${loraLabel(lora.path)} ×${formatScale(lora.scale)}`;
}

/** `Match input`, `Auto`, `16:9`. */
export function formatResolutionMode(mode: KontextRequest["resolution_mode"]): string {
  if (mode === "match_input") return "Match input";
  if (mode === "auto") return "Auto";
  return mode;
}

/** `30 steps · guidance 2.5 · Match input · PNG`, plus image count and acceleration when set. */
export function formatSettings(
  request: Pick<
    KontextRequest,
    | "num_inference_steps"
    | "guidance_scale"
    | "resolution_mode"
    | "output_format"
    | "num_images"
    | "acceleration"
  >,
): string {
  const parts = [
    `${request.num_inference_steps} steps`,
    `guidance ${Number(request.guidance_scale.toFixed(2))}`,
    formatResolutionMode(request.resolution_mode),
    request.output_format.toUpperCase(),
  ];
  if (request.num_images > 1) parts.push(`${request.num_images} images`);
  if (request.acceleration !== "none") parts.push(`${request.acceleration} acceleration`);
  return parts.join(" · ");
}

/** `0.4 s`, `12.3 s`, `1 min 05 s`. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const whole = Math.floor(seconds);
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, "0")} s`;
}

/**
 * A result's content type as it came back. The schema fills in a default, but results are shown
 * as they arrive, so a missing or odd value is treated as unknown rather than trusted.
 */
type ContentType = string | null | undefined;

/** The subtype of an image content type: `png`, `jpeg`, `webp` (empty when unknown). */
function subtype(contentType: ContentType): string {
  if (typeof contentType !== "string") return "";
  const match = contentType.toLowerCase().match(/^image\/([a-z0-9.+-]+)/);
  return match?.[1] ?? "";
}

/** `PNG`, `JPEG`, or `Image` when the type is unknown or missing. */
export function formatLabel(contentType: ContentType): string {
  const sub = subtype(contentType);
  return sub ? sub.replace(/\+.*$/, "").toUpperCase() : "Image";
}

/** File extension for a content type: `png`, `jpg`, `webp` (`png` when unknown or missing). */
export function fileExtension(contentType: ContentType): string {
  const sub = subtype(contentType).replace(/\+.*$/, "");
  if (sub === "jpeg" || sub === "pjpeg") return "jpg";
  return /^[a-z0-9]+$/.test(sub) ? sub : "png";
}

/** `kontext-1234-1.png`. */
export function downloadFilename(seed: number, index: number, contentType: ContentType): string {
  return `kontext-${seed}-${index + 1}.${fileExtension(contentType)}`;
}

/** The price of one image of a run, or null when there are none. */
export function pricePerImage(usd: number, imageCount: number): number | null {
  return imageCount > 0 ? usd / imageCount : null;
}

/** `1392×752 · PNG · seed 1234 · 3.1 s · $0.035`; missing parts are left out. */
export function formatImageMeta(meta: {
  image: Pick<KontextImage, "width" | "height"> & { content_type?: ContentType };
  seed: number;
  inferenceSeconds?: number | null;
  priceUsd: number | null;
}): string {
  const parts = [formatSize(meta.image), formatLabel(meta.image.content_type), `seed ${meta.seed}`];
  if (typeof meta.inferenceSeconds === "number" && Number.isFinite(meta.inferenceSeconds)) {
    parts.push(formatDuration(meta.inferenceSeconds * 1000));
  }
  if (meta.priceUsd !== null) parts.push(formatUsd(meta.priceUsd));
  return parts.join(" · ");
}

type RunTiming = Pick<Run, "phase" | "queuePosition" | "step" | "startedAt" | "finishedAt">;

/** The status line of a run: `In queue (position 2)`, `Running — step 12/30`, `Done in 4.2 s`. */
export function phaseStatus(run: RunTiming): string {
  switch (run.phase) {
    case "uploading":
      return "Uploading…";
    case "queued":
      return run.queuePosition === null
        ? "In queue"
        : `In queue (position ${run.queuePosition + 1})`;
    case "running":
      return run.step ? `Running — step ${run.step.current}/${run.step.total}` : "Running…";
    case "completed":
      return run.finishedAt === null
        ? "Done"
        : `Done in ${formatDuration(run.finishedAt - run.startedAt)}`;
    case "failed":
      return "Failed";
    case "cancelled":
      return "Cancelled";
  }
}

/**
 * What a run's live region says: only the phase (`Run 2 running`, `Run 2 done`), so screen
 * readers hear each phase change once rather than every step and queue position.
 */
export function phaseAnnouncement(runNumber: number, phase: RunPhase): string {
  return `Run ${runNumber} ${phaseWord(phase)}`;
}

/** One word for a run's heading: `running`, `done`. */
export function phaseWord(phase: RunPhase): string {
  return phase === "completed" ? "done" : phase === "queued" ? "in queue" : phase;
}

/** Time shown beside the status: elapsed so far while active, the final duration after. */
export function runElapsed(run: Pick<Run, "startedAt" | "finishedAt">, now: number): string {
  return formatDuration((run.finishedAt ?? now) - run.startedAt);
}

/** Identifies one image of one run. */
export function resultKey(runId: string, index: number): string {
  return `${runId}:${index}`;
}

/** One image the full-size viewer can show. */
export interface ViewerItem {
  key: string;
  runId: string;
  runNumber: number;
  index: number;
  image: KontextImage;
  seed: number;
  prompt: string;
}

/**
 * Whether the safety checker flagged a result image. A missing or short `has_nsfw_concepts`
 * means not flagged (the images are shown as they came).
 */
export function isFlaggedImage(
  output: Pick<KontextOutput, "has_nsfw_concepts"> | null | undefined,
  index: number,
): boolean {
  const flags: unknown = output?.has_nsfw_concepts;
  return Array.isArray(flags) && flags[index] === true;
}

/** Seconds of inference fal reports for a result, or undefined when `timings` lacks it. */
export function inferenceSeconds(
  output: Pick<KontextOutput, "timings"> | null | undefined,
): number | undefined {
  const timings: unknown = output?.timings;
  if (!timings || typeof timings !== "object") return undefined;
  const value = (timings as Record<string, unknown>).inference;
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/**
 * Each run's slot, newest first: the run once it completed, else null. For `useShallow`: the
 * slots only change when a run completes or starts, not on every log line of a running one.
 */
export function selectCompletedRunSlots(state: PlaygroundState): (Run | null)[] {
  return state.runs.map((run) => (run.phase === "completed" && run.output ? run : null));
}

/**
 * Every image of every completed run, newest run first, that may be shown: images flagged by
 * the safety checker are left out unless revealed. `runs` may hold null slots (runs that have
 * not completed, see {@link selectCompletedRunSlots}). `runNumber` is the run's serial (0 for a
 * sweep's cell, which has none).
 */
export function viewerItems(
  runs: readonly (Run | null)[],
  isRevealed: (key: string) => boolean,
): ViewerItem[] {
  return runs.flatMap((run) => {
    const output = run?.phase === "completed" ? run.output : null;
    if (!run || !output) return [];
    return outputImages(output).flatMap((image, index) => {
      const key = resultKey(run.id, index);
      if (isFlaggedImage(output, index) && !isRevealed(key)) return [];
      return [
        {
          key,
          runId: run.id,
          runNumber: run.serial ?? 0,
          index,
          image,
          seed: output.seed,
          prompt: run.request.prompt,
        },
      ];
    });
  });
}

/** Moves `delta` places through a list of `length`, wrapping at both ends. */
export function wrapIndex(index: number, delta: number, length: number): number {
  if (length <= 0) return 0;
  return (((index + delta) % length) + length) % length;
}

export { isDataUri, isHttpUrl };
