import { type AppErrorKind, appError } from "@/lib/domain/app-error";
import type { Run } from "@/lib/domain/run";
import { estimatePrice } from "@/lib/kontext/pricing";
import type { HistoryRun } from "./types";

/** A run as the history keeps it (the caller checks it has a request id). */
export function toHistoryRun(run: Run): HistoryRun {
  const status: HistoryRun["status"] = run.phase === "uploading" ? "queued" : run.phase;
  return {
    id: run.id,
    serial: run.serial,
    createdAt: run.startedAt,
    finishedAt: run.finishedAt,
    status,
    requestId: run.requestId,
    request: run.request,
    output: run.output,
    error: run.error ? { kind: run.error.kind, message: run.error.message } : null,
    predictedSize: run.predictedSize,
    priceUsd: run.price.usd,
    inputThumbnail: run.inputThumbnail,
    parentId: run.parentId,
    isFavourite: run.isFavourite,
    backend: run.backend,
  };
}

const ERROR_KINDS: ReadonlySet<string> = new Set<AppErrorKind>([
  "validation",
  "config",
  "auth",
  "rate_limit",
  "network",
  "upstream",
  "cancelled",
]);

/** A run restored from history, as the store shows it. */
export function fromHistoryRun(record: HistoryRun): Run {
  const kind = ERROR_KINDS.has(record.error?.kind ?? "")
    ? (record.error?.kind as AppErrorKind)
    : "upstream";
  return {
    id: record.id,
    serial: record.serial ?? null,
    phase: record.status,
    requestId: record.requestId,
    queuePosition: null,
    logs: [],
    step: null,
    startedAt: record.createdAt,
    finishedAt: record.finishedAt,
    request: record.request,
    upload: null,
    loraIds: [],
    inputThumbnail: record.inputThumbnail,
    parentId: record.parentId,
    isFavourite: record.isFavourite,
    backend: record.backend,
    predictedSize: record.predictedSize,
    price: estimatePrice(record.predictedSize, record.request.num_images),
    output: record.output,
    error: record.error
      ? {
          ...appError(kind, record.error.message),
          ...(record.requestId ? { requestId: record.requestId } : {}),
        }
      : null,
    isCancelRequested: false,
  };
}
