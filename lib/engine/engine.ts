import "server-only";
import { randomInt, randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { errorMessage } from "@/lib/domain/app-error";
import { outputSize } from "@/lib/kontext/resolution";
import {
  type FieldError,
  type KontextRequest,
  parseKontextInput,
  summarizeFieldErrors,
} from "@/lib/kontext/schema";
import type {
  CancelAnswer,
  EngineDeps,
  FinishedRecord,
  JobSnapshot,
  Outcome,
  QueueState,
  RequestLog,
} from "./engine-types";
import { InputError } from "./errors";
import { newFileId } from "./file-store";
import type { LoadedImage } from "./input-image";
import type { RenderedImage } from "./render";

export type {
  CancelAnswer,
  EngineDeps,
  FinishedRecord,
  JobSnapshot,
  Outcome,
  QueueState,
  RequestLog,
} from "./engine-types";

interface Job {
  id: string;
  /** The body, only until the job starts (HTTP submits keep it on disk instead). */
  input?: unknown;
  /** Origin that output URLs are built on (the one the caller sees). */
  origin: string;
  state: QueueState;
  logs: RequestLog[];
  outcome?: Outcome;
  inferenceTime: number | null;
  isCancelRequested: boolean;
  /** Aborts the running render when the request is cancelled. */
  abort: AbortController;
  listeners: Set<() => void>;
  finished: Promise<void>;
  finish: () => void;
}

/** Simulated step time by acceleration: faster modes take less time per step. */
const ACCELERATION_FACTOR: Record<KontextRequest["acceleration"], number> = {
  none: 1,
  regular: 0.6,
  high: 0.35,
};

/** How many finished requests stay in memory; older ones are read back from disk. */
const FINISHED_IN_MEMORY = 500;
/** Bytes of finished outcomes (mostly sync_mode data URIs) kept in memory at most. */
const FINISHED_MAX_BYTES = 16 * 1024 * 1024;

/**
 * A fal-compatible engine for `fal-ai/flux-kontext-lora` that runs one request at a time, like
 * one GPU, so queue positions are real. Requests move IN_QUEUE → IN_PROGRESS → COMPLETED with a
 * log line per simulated step; input errors surface as 422 when the result is fetched.
 */
export class LocalEngine {
  private readonly jobs = new Map<string, Job>();
  private readonly pending: Job[] = [];
  private readonly finished = new Map<string, { record: FinishedRecord; bytes: number }>();
  private finishedBytes = 0;
  private isRunning = false;
  /** Set while {@link resumeSaved} runs; status, result and cancel wait for it. */
  private resumed: Promise<void> | null = null;

  constructor(private readonly deps: EngineDeps) {}

  /** Queues a request for `ENDPOINT_ID`; the body is validated when it runs, like on fal. */
  submit(input: unknown, origin: string): JobSnapshot {
    return this.snapshotOf(this.enqueue(randomUUID(), input, origin));
  }

  /**
   * Like {@link submit}, but saves the body to disk first and keeps none of it in memory, so
   * the request survives a restart ({@link resumeSaved}) and waiting bodies cost no memory.
   */
  async accept(input: unknown, origin: string): Promise<JobSnapshot> {
    const id = randomUUID();
    await this.deps.store.putJob(id, { input, origin });
    return this.queueSaved(id, origin);
  }

  /** Queues a request whose body another thread saved with `store.putJob` (at most once). */
  queueSaved(id: string, origin: string): JobSnapshot {
    return this.snapshotOf(this.jobs.get(id) ?? this.enqueue(id, undefined, origin));
  }

  /**
   * Queues again the requests a previous run of the server accepted but did not finish (oldest
   * first); they run from the start. Status, result and cancel wait until this is done.
   */
  resumeSaved(): Promise<void> {
    const resuming = (async () => {
      for (const id of await this.deps.store.listJobs()) {
        if (this.jobs.has(id)) continue;
        const saved = (await this.deps.store.getJob(id)) as { origin?: unknown } | null;
        const origin = typeof saved?.origin === "string" ? saved.origin : "";
        const job = this.enqueue(id, undefined, origin);
        this.addLog(job, "Resumed after a server restart", "WARN");
      }
    })()
      .catch((error: unknown) => {
        this.deps.log?.(`local engine: could not resume saved requests: ${String(error)}`);
      })
      .finally(() => {
        if (this.resumed === resuming) this.resumed = null;
      });
    this.resumed = resuming;
    return resuming;
  }

  private enqueue(id: string, input: unknown, origin: string): Job {
    let finish = () => {};
    const finished = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const job: Job = {
      id,
      input,
      origin,
      state: "IN_QUEUE",
      logs: [],
      inferenceTime: null,
      isCancelRequested: false,
      abort: new AbortController(),
      listeners: new Set(),
      finished,
      finish,
    };
    this.jobs.set(job.id, job);
    this.pending.push(job);
    this.deps.observe?.({ type: "queued", id });
    queueMicrotask(() => void this.pump());
    return job;
  }

  /** The current state of a request, or null when the id is unknown. */
  async status(id: string): Promise<JobSnapshot | null> {
    if (this.resumed) await this.resumed;
    const job = this.jobs.get(id);
    if (job) return this.snapshotOf(job);
    const record = await this.finishedRecord(id);
    return record
      ? {
          id,
          state: "COMPLETED",
          queuePosition: null,
          logs: record.logs,
          inferenceTime: record.inferenceTime,
        }
      : null;
  }

  /** The outcome of a finished request; `pending` while it runs; null when unknown. */
  async result(id: string): Promise<Outcome | "pending" | null> {
    if (this.resumed) await this.resumed;
    const job = this.jobs.get(id);
    if (job && job.state !== "COMPLETED") return "pending";
    if (job?.outcome) return job.outcome;
    return (await this.finishedRecord(id))?.outcome ?? null;
  }

  /** Waits until a request has finished. */
  async waitFor(id: string): Promise<void> {
    await this.jobs.get(id)?.finished;
  }

  /**
   * Calls `listener` whenever the request's state or logs change; returns an unsubscribe
   * function, or null when the request is not in memory (it is then finished or unknown).
   */
  watch(id: string, listener: () => void): (() => void) | null {
    const job = this.jobs.get(id);
    if (!job) return null;
    job.listeners.add(listener);
    return () => job.listeners.delete(listener);
  }

  /** Cancels a queued request at once, or a running one at its next step. */
  async cancel(id: string): Promise<CancelAnswer> {
    if (this.resumed) await this.resumed;
    const job = this.jobs.get(id);
    if (!job) return (await this.finishedRecord(id)) ? "ALREADY_COMPLETED" : "NOT_FOUND";
    if (job.state === "COMPLETED") return "ALREADY_COMPLETED";
    job.isCancelRequested = true;
    job.abort.abort();
    const index = this.pending.indexOf(job);
    if (job.state === "IN_QUEUE" && index >= 0) {
      this.pending.splice(index, 1);
      this.addLog(job, "Request cancelled while in queue", "WARN");
      await this.complete(job, cancelledOutcome());
      for (const other of this.pending) this.notify(other);
    }
    return "CANCELLATION_REQUESTED";
  }

  private snapshotOf(job: Job): JobSnapshot {
    return {
      id: job.id,
      state: job.state,
      queuePosition: job.state === "IN_QUEUE" ? this.pending.indexOf(job) : null,
      logs: job.logs,
      inferenceTime: job.inferenceTime,
    };
  }

  private async finishedRecord(id: string): Promise<FinishedRecord | null> {
    const cached = this.finished.get(id);
    if (cached) return cached.record;
    const stored = (await this.deps.store.getResult(id)) as FinishedRecord | null;
    return stored && stored.id === id ? stored : null;
  }

  private async pump(): Promise<void> {
    if (this.isRunning) return;
    this.isRunning = true;
    try {
      for (let job = this.pending.shift(); job; job = this.pending.shift()) {
        job.state = "IN_PROGRESS";
        this.deps.observe?.({ type: "started", id: job.id });
        for (const other of this.pending) this.notify(other);
        this.notify(job);
        const started = performance.now();
        const outcome = await this.execute(job, started).catch((error: unknown) => {
          const message = errorMessage(error);
          this.deps.log?.(`local engine: request ${job.id} failed: ${message}`);
          return { ok: false, status: 500, detail: `The local engine failed: ${message}` } as const;
        });
        job.inferenceTime = (performance.now() - started) / 1000;
        await this.complete(job, outcome);
      }
    } finally {
      this.isRunning = false;
    }
  }

  private async execute(job: Job, started: number): Promise<Outcome> {
    this.addLog(job, "Validating input");
    let input = job.input;
    job.input = undefined; // nothing of the body stays in memory once the job has started
    if (input === undefined) {
      const saved = (await this.deps.store.getJob(job.id)) as { input?: unknown } | null;
      if (!saved) {
        this.addLog(job, "The saved request could not be read back", "ERROR");
        return { ok: false, status: 500, detail: "The local engine lost this request's input" };
      }
      input = saved.input;
    }
    const parsed = parseKontextInput(input);
    input = undefined;
    if (!parsed.ok) return this.fail(job, parsed.errors);
    const request = parsed.value;

    this.addLog(job, "Loading input image");
    let image: LoadedImage;
    try {
      image = await this.deps.loadInput(request.image_url);
    } catch (error) {
      if (error instanceof InputError) return this.fail(job, error.toFieldErrors());
      throw error;
    }
    const size = outputSize(request.resolution_mode, image);
    const seed = request.seed ?? this.deps.randomSeed?.() ?? randomInt(0, 2 ** 31);
    this.addLog(
      job,
      `Input ${image.width}×${image.height} ${image.format}; output ${size.width}×${size.height}, seed ${seed}, ${request.loras.length} LoRA(s)`,
    );

    const stepMs = this.deps.stepMs * ACCELERATION_FACTOR[request.acceleration];
    // Steps keep wall-clock time like a GPU would: a busy server catches up instead of
    // stretching every step, so heavy polling cannot slow the queue down.
    const stepsStarted = performance.now();
    for (let step = 1; step <= request.num_inference_steps; step++) {
      const wait = stepsStarted + step * stepMs - performance.now();
      if (stepMs > 0 && wait > 0) await sleep(wait);
      else if (stepMs <= 0) await new Promise((resolve) => setImmediate(resolve));
      if (job.isCancelRequested) {
        this.addLog(job, `Cancelled at step ${step}/${request.num_inference_steps}`, "WARN");
        return cancelledOutcome();
      }
      this.addLog(job, `Step ${step}/${request.num_inference_steps}`);
    }

    this.addLog(job, `Rendering ${request.num_images} image(s) (local preview, not FLUX)`);
    let rendered: RenderedImage[];
    try {
      rendered = await this.deps.render(
        { source: image.bytes, request, seed, size },
        job.abort.signal,
      );
    } catch (error) {
      if (!job.isCancelRequested) throw error;
      this.addLog(job, "Cancelled while rendering", "WARN");
      return cancelledOutcome();
    }
    const images = [];
    for (const [index, item] of rendered.entries()) {
      const url = request.sync_mode
        ? `data:${item.contentType};base64,${item.bytes.toString("base64")}`
        : await this.storeOutput(job, item, index);
      images.push({ url, width: item.width, height: item.height, content_type: item.contentType });
    }
    this.addLog(job, "Done");
    return {
      ok: true,
      output: {
        images,
        timings: { inference: round3((performance.now() - started) / 1000) },
        seed,
        has_nsfw_concepts: rendered.map((item) => item.nsfw),
        prompt: request.prompt,
      },
    };
  }

  private async storeOutput(job: Job, item: RenderedImage, index: number): Promise<string> {
    const id = newFileId(item.contentType);
    const meta = await this.deps.store.put(id, item.bytes, item.contentType, `${job.id}-${index}`);
    // Sent before COMPLETED, so the request thread can serve it at once from memory.
    this.deps.observe?.({ type: "stored", id: job.id, meta, bytes: item.bytes });
    return `${job.origin}${this.deps.filesPath}/${id}`;
  }

  private fail(job: Job, errors: FieldError[]): Outcome {
    this.addLog(job, `Invalid input: ${summarizeFieldErrors(errors)}`, "ERROR");
    return { ok: false, status: 422, detail: errors };
  }

  private async complete(job: Job, outcome: Outcome): Promise<void> {
    const record: FinishedRecord = {
      id: job.id,
      logs: job.logs,
      outcome,
      inferenceTime: job.inferenceTime,
    };
    // Completed at once (before the save), so a second cancel or a status poll never sees a
    // request that has left the queue but still claims to be IN_QUEUE.
    job.outcome = outcome;
    job.state = "COMPLETED";
    this.remember(record);
    this.deps.observe?.({ type: "completed", id: job.id, inferenceTime: job.inferenceTime });
    try {
      await this.deps.store.putResult(job.id, record);
      await this.deps.store.deleteJob(job.id);
    } catch (error) {
      this.deps.log?.(`local engine: could not save result ${job.id}: ${String(error)}`);
    }
    this.notify(job);
    job.listeners.clear();
    job.finish();
    // From now on it is answered from the bounded cache of finished records, or from disk.
    this.jobs.delete(job.id);
  }

  /** Keeps a finished record in memory, within {@link FINISHED_IN_MEMORY} and {@link FINISHED_MAX_BYTES}. */
  private remember(record: FinishedRecord): void {
    const urls = record.outcome.ok ? record.outcome.output.images.map((image) => image.url) : [];
    const bytes = 2_048 + record.logs.length * 128 + urls.reduce((sum, url) => sum + url.length, 0);
    this.finished.set(record.id, { record, bytes });
    this.finishedBytes += bytes;
    while (this.finished.size > FINISHED_IN_MEMORY || this.finishedBytes > FINISHED_MAX_BYTES) {
      const [oldest, entry] = this.finished.entries().next().value ?? [];
      if (!oldest || !entry) break;
      this.finished.delete(oldest);
      this.finishedBytes -= entry.bytes;
    }
  }

  private addLog(job: Job, message: string, level: RequestLog["level"] = "INFO"): void {
    const log: RequestLog = { message, level, source: "USER", timestamp: new Date().toISOString() };
    job.logs.push(log);
    this.deps.observe?.({ type: "log", id: job.id, log });
    this.notify(job);
  }

  private notify(job: Job): void {
    for (const listener of job.listeners) listener();
  }
}

function cancelledOutcome(): Outcome {
  return { ok: false, status: 400, detail: "The request was cancelled" };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
