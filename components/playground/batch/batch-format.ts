import type { Progress } from "@/lib/batch/queue";
import type { BatchInput } from "@/lib/batch/record";
import { formatBytes } from "@/lib/domain/text";
import type { ActiveBatchesSummary } from "@/lib/store/batch-selectors";

/** An input's name as people know it: a path's or URL's last part (`shots/chair.png` → `chair.png`). */
export function shortName(name: string): string {
  const path = name.replace(/[?#].*$/, "").replace(/\/+$/, "");
  const last = path.slice(path.lastIndexOf("/") + 1);
  return last || name;
}

/** `1.2 MB · 1600×1200`, with what is known of an input. */
export function formatInputMeta(input: Pick<BatchInput, "bytes" | "width" | "height">): string {
  const parts: string[] = [];
  if (input.bytes !== null) parts.push(formatBytes(input.bytes));
  if (input.width && input.height) parts.push(`${input.width}×${input.height}`);
  return parts.length > 0 ? parts.join(" · ") : "size unknown";
}

/** `45 s`, `3 min`, `1 h 20 min`: a rough time left. */
export function formatEta(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** `3 done · 2 running · 5 queued · 1 failed` (uploading counts as running; zeros left out but done). */
export function formatCounts(progress: Progress): string {
  const parts = [`${progress.done} done`];
  const running = progress.running + progress.uploading;
  if (running > 0) parts.push(`${running} running`);
  if (progress.queued > 0) parts.push(`${progress.queued} queued`);
  if (progress.failed > 0) parts.push(`${progress.failed} failed`);
  if (progress.cancelled > 0) parts.push(`${progress.cancelled} cancelled`);
  return parts.join(" · ");
}

/** `6.0 images/min · about 2 min left`, or what of it is known yet. */
export function formatPace(progress: Progress): string {
  const parts: string[] = [];
  if (progress.throughputPerMinute !== null) {
    parts.push(`${progress.throughputPerMinute.toFixed(1)} images/min`);
  }
  if (progress.etaMs !== null) parts.push(`about ${formatEta(progress.etaMs)} left`);
  return parts.join(" · ");
}

/** The page title with the batches' progress in front: `(7/12) Kontext Playground`. */
export function titleWithProgress(base: string, summary: ActiveBatchesSummary | null): string {
  if (!summary) return base;
  return `(${summary.ended}/${summary.wanted}${summary.isPaused ? " paused" : ""}) ${base}`;
}

/** `14:05:09`: when a refusal's back-off ends, in the person's time. */
export function formatClock(at: number): string {
  return new Date(at).toLocaleTimeString("en-GB", { hour12: false });
}
