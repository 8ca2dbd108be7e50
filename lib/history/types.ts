import type { Size } from "@/lib/kontext/resolution";
import type { KontextOutput, KontextRequest } from "@/lib/kontext/schema";

/** Version of everything the history stores or exports; bump it with a migration. */
export const HISTORY_VERSION = 1;

export type HistoryRunStatus = "queued" | "running" | "completed" | "failed" | "cancelled";

/** One run as the browser keeps it: enough to show, resume, remix, compare and export it. */
export interface HistoryRun {
  id: string;
  /**
   * The run's number ("Run 7", see `Run.serial`); null for a sweep's cells. Added within format 1:
   * records saved before it have none (undefined) and are numbered when the history loads,
   * oldest first.
   */
  serial?: number | null | undefined;
  /** Milliseconds since the epoch. */
  createdAt: number;
  finishedAt: number | null;
  status: HistoryRunStatus;
  /** fal's request id, saved the moment the run is queued so a reload can resume it. */
  requestId: string | null;
  /** The exact request sent (image_url included). */
  request: KontextRequest;
  /** The exact response, once completed. */
  output: KontextOutput | null;
  error: { kind: string; message: string } | null;
  predictedSize: Size;
  priceUsd: number;
  /** A small JPEG data URL of the input image, so history shows it after URLs expire. */
  inputThumbnail: string | null;
  /** The run whose result was this run's input ("use as input"), for lineage. */
  parentId: string | null;
  isFavourite: boolean;
  backend: "fal" | "local";
}

export type { Draft, DraftImage } from "@/lib/domain/form";
