import type { FieldError, KontextOutput } from "@/lib/kontext/schema";
import type { FileStore, StoredFileMeta } from "./file-store";
import type { LoadedImage } from "./input-image";
import type { RenderedImage, RenderOptions } from "./render";

/** One log line, in fal's shape. */
export interface RequestLog {
  message: string;
  level: "INFO" | "WARN" | "ERROR";
  source: "USER";
  timestamp: string;
}

/** The states fal reports; fal has no FAILED: a failed request ends COMPLETED with an error result. */
export type QueueState = "IN_QUEUE" | "IN_PROGRESS" | "COMPLETED";

/** How a request ended: the output, or an error answered when the result is fetched. */
export type Outcome =
  | { ok: true; output: KontextOutput }
  | { ok: false; status: number; detail: FieldError[] | string };

/** What is kept of a finished request, in memory and on disk. */
export interface FinishedRecord {
  id: string;
  logs: RequestLog[];
  outcome: Outcome;
  inferenceTime: number | null;
}

/** A snapshot of a request for status answers. */
export interface JobSnapshot {
  id: string;
  state: QueueState;
  /** 0 = next to run; only while IN_QUEUE. */
  queuePosition: number | null;
  logs: RequestLog[];
  inferenceTime: number | null;
}

export type CancelAnswer = "CANCELLATION_REQUESTED" | "ALREADY_COMPLETED" | "NOT_FOUND";

/** What the engine needs from the outside world; tests pass fakes. */
export interface EngineDeps {
  store: FileStore;
  /** Simulated milliseconds per inference step. */
  stepMs: number;
  loadInput: (imageUrl: string) => Promise<LoadedImage>;
  /** Renders the images; rejects once `signal` aborts (a cancel interrupts the render). */
  render: (options: RenderOptions, signal?: AbortSignal) => Promise<RenderedImage[]>;
  /** Path under an origin where stored files are served, e.g. `/api/engine/files`. */
  filesPath: string;
  randomSeed?: () => number;
  log?: (message: string) => void;
  /** Told of every change, in order (the engine thread mirrors requests from these). */
  observe?: (event: EngineEvent) => void;
}

/**
 * A change to a request: queued (again, after a restart), started, a log line, an output file
 * stored, finished (`COMPLETED`, with the outcome already kept by the engine).
 */
export type EngineEvent =
  | { type: "queued"; id: string }
  | { type: "started"; id: string }
  | { type: "log"; id: string; log: RequestLog }
  | { type: "completed"; id: string; inferenceTime: number | null }
  /** An output file was stored (before its request completes): other threads may serve it from memory. */
  | { type: "stored"; id: string; meta: StoredFileMeta; bytes: Uint8Array };

/** What the HTTP layer needs of an engine: {@link LocalEngine} itself, or the thread that runs one. */
export interface EngineApi {
  accept(input: unknown, origin: string): Promise<JobSnapshot>;
  status(id: string): Promise<JobSnapshot | null>;
  result(id: string): Promise<Outcome | "pending" | null>;
  waitFor(id: string): Promise<void>;
  watch(id: string, listener: () => void): (() => void) | null;
  cancel(id: string): Promise<CancelAnswer>;
}
