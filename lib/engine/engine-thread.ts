import "server-only";
import { randomUUID } from "node:crypto";
import type { EngineCall, EngineReply, EngineRequest, PortLike } from "./engine-host";
import type {
  CancelAnswer,
  EngineApi,
  EngineEvent,
  JobSnapshot,
  Outcome,
  QueueState,
  RequestLog,
} from "./engine-types";
import type { FileStore } from "./file-store";

/** A started engine thread: a Worker, or in tests one end of a MessageChannel ("message", "exit", "error"). */
export type EngineWorkerLike = PortLike;

interface Mirror {
  id: string;
  state: QueueState;
  logs: RequestLog[];
  inferenceTime: number | null;
  listeners: Set<() => void>;
  finished: Promise<void>;
  finish: () => void;
}

/** Finished requests whose status is kept on this thread; older ones are asked of the engine. */
const FINISHED_IN_MEMORY = 500;
/** Wait before starting a new engine thread after one stopped. */
const RESPAWN_MS = 500;

/**
 * The local engine as seen from the thread that answers HTTP requests: the engine (queue,
 * steps, disk, renders) runs on its own thread ({@link serveEngine}), so a busy request thread
 * never slows the queue down. Status, queue positions and logs are answered here, at once, from
 * a mirror the engine keeps up to date with its events; submits, results, cancels and old
 * requests are asked of the engine. When the engine thread stops, a new one is started and
 * resumes the saved requests.
 */
export class EngineThread implements EngineApi {
  private worker!: EngineWorkerLike;
  private readonly jobs = new Map<string, Mirror>();
  /** Ids IN_QUEUE, in the engine's order (queue positions). */
  private pending: string[] = [];
  private readonly finished = new Map<
    string,
    { logs: RequestLog[]; inferenceTime: number | null }
  >();
  private readonly calls = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void }
  >();
  private nextCall = 1;
  private ready!: Promise<void>;
  private isReady = false;
  private markReady = () => {};

  constructor(
    private readonly spawn: () => EngineWorkerLike,
    private readonly store: FileStore,
    private readonly log?: (message: string) => void,
  ) {
    this.start();
  }

  /**
   * Saves the body to disk (here, so the engine thread never holds a copy of it until the
   * request runs) and queues it there; see {@link LocalEngine.accept}.
   */
  async accept(input: unknown, origin: string): Promise<JobSnapshot> {
    // After the engine has resumed what a previous run left, so this one is not taken for one.
    if (!this.isReady) await this.ready;
    const id = randomUUID();
    await this.store.putJob(id, { input, origin });
    // The engine's snapshot at the time it queued the request (IN_QUEUE), as a submit answers.
    return (await this.call({ op: "queueSaved", id, origin })) as JobSnapshot;
  }

  /** The current state of a request, or null when the id is unknown. */
  async status(id: string): Promise<JobSnapshot | null> {
    if (!this.isReady) await this.ready;
    const job = this.jobs.get(id);
    if (job) return this.snapshotOf(job);
    const done = this.finished.get(id);
    if (done) return { id, state: "COMPLETED", queuePosition: null, ...done };
    return (await this.call({ op: "status", id })) as JobSnapshot | null;
  }

  /** The outcome of a finished request; `pending` while it runs; null when unknown. */
  async result(id: string): Promise<Outcome | "pending" | null> {
    if (!this.isReady) await this.ready;
    if (this.jobs.has(id)) return "pending";
    return (await this.call({ op: "result", id })) as Outcome | null;
  }

  /** Waits until a request has finished. */
  async waitFor(id: string): Promise<void> {
    await this.jobs.get(id)?.finished;
  }

  /** Like {@link LocalEngine.watch}: null when the request is finished or unknown. */
  watch(id: string, listener: () => void): (() => void) | null {
    const job = this.jobs.get(id);
    if (!job) return null;
    job.listeners.add(listener);
    return () => job.listeners.delete(listener);
  }

  /** Cancels a queued request at once, or a running one at its next step. */
  async cancel(id: string): Promise<CancelAnswer> {
    if (!this.isReady) await this.ready;
    return (await this.call({ op: "cancel", id })) as CancelAnswer;
  }

  private start(): void {
    this.isReady = false;
    this.ready = new Promise((resolve) => {
      this.markReady = resolve;
    });
    const worker = this.spawn();
    this.worker = worker;
    worker.on("message", (message: EngineReply) => this.receive(message));
    worker.on("error", (error: Error) => {
      this.log?.(`local engine: the engine thread failed: ${error.message}`);
    });
    worker.on("exit", () => {
      if (this.worker !== worker) return;
      this.log?.("local engine: the engine thread stopped; starting a new one");
      for (const { reject } of this.calls.values()) {
        reject(new Error("The local engine's thread stopped"));
      }
      this.calls.clear();
      // The new thread resumes what was saved and queues it again ("queued" events).
      this.pending = [];
      setTimeout(() => this.start(), RESPAWN_MS).unref?.();
    });
  }

  private call(message: EngineRequest): Promise<unknown> {
    const call = this.nextCall++;
    return new Promise((resolve, reject) => {
      this.calls.set(call, { resolve, reject });
      this.worker.postMessage({ ...message, call } satisfies EngineCall);
    });
  }

  private receive(message: EngineReply): void {
    if ("events" in message) {
      for (const event of message.events) this.apply(event);
    } else if ("ready" in message) {
      this.isReady = true;
      this.markReady();
    } else {
      const pending = this.calls.get(message.call);
      if (!pending) return;
      this.calls.delete(message.call);
      if ("error" in message) pending.reject(new Error(message.error));
      else pending.resolve(message.value);
    }
  }

  private apply(event: EngineEvent): void {
    if (event.type === "queued") {
      const job = this.jobs.get(event.id) ?? this.mirror(event.id);
      job.state = "IN_QUEUE";
      this.leaveQueue(event.id);
      this.pending.push(event.id);
      this.notify(job);
      return;
    }
    if (event.type === "stored") {
      this.store.remember(event.meta, event.bytes);
      return;
    }
    const job = this.jobs.get(event.id);
    if (!job) return;
    if (event.type === "log") {
      job.logs.push(event.log);
      this.notify(job);
    } else if (event.type === "started") {
      job.state = "IN_PROGRESS";
      this.leaveQueue(event.id);
      this.notify(job);
    } else {
      job.state = "COMPLETED";
      job.inferenceTime = event.inferenceTime;
      this.leaveQueue(event.id);
      this.finished.set(job.id, { logs: job.logs, inferenceTime: job.inferenceTime });
      if (this.finished.size > FINISHED_IN_MEMORY) {
        this.finished.delete(this.finished.keys().next().value as string);
      }
      this.jobs.delete(job.id);
      this.notify(job);
      job.listeners.clear();
      job.finish();
    }
  }

  private mirror(id: string): Mirror {
    let finish = () => {};
    const finished = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const job: Mirror = {
      id,
      state: "IN_QUEUE",
      logs: [],
      inferenceTime: null,
      listeners: new Set(),
      finished,
      finish,
    };
    this.jobs.set(id, job);
    return job;
  }

  /** Takes `id` out of the queue; those behind it move up (their watchers are told). */
  private leaveQueue(id: string): void {
    const index = id === this.pending[0] ? 0 : this.pending.indexOf(id);
    if (index < 0) return;
    if (index === 0) this.pending.shift();
    else this.pending.splice(index, 1);
    for (let i = index; i < this.pending.length; i++) {
      const other = this.jobs.get(this.pending[i] as string);
      if (other && other.listeners.size > 0) this.notify(other);
    }
  }

  private snapshotOf(job: Mirror): JobSnapshot {
    return {
      id: job.id,
      state: job.state,
      queuePosition: job.state === "IN_QUEUE" ? Math.max(0, this.pending.indexOf(job.id)) : null,
      logs: job.logs,
      inferenceTime: job.inferenceTime,
    };
  }

  private notify(job: Mirror): void {
    for (const listener of job.listeners) listener();
  }
}
