import "server-only";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { InputError } from "./errors";
import type { RenderedImage, RenderOptions } from "./render";
import type { RenderJobMessage, RenderReplyMessage } from "./render-worker";

/** Thrown when a render was stopped by its AbortSignal (the request was cancelled). */
export class RenderAbortedError extends Error {
  override name = "RenderAbortedError";
}

/** Workers for a machine: one per core beyond the one serving requests, 1 to 4. */
export function poolSizeFor(cores: number = availableParallelism()): number {
  return Math.max(1, Math.min(4, cores - 1));
}

interface Slot {
  worker: Worker;
  busy: boolean;
}

interface Task {
  options: RenderOptions;
  signal?: AbortSignal;
  resolve: (images: RenderedImage[]) => void;
  reject: (error: Error) => void;
}

/**
 * A pool of render workers (worker_threads). Each render runs on a worker, never on the request
 * thread; aborting a render terminates its worker (interrupting it mid-image) and starts a fresh
 * one. Idle workers are kept; a worker that dies is replaced.
 */
export class RenderPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Task[] = [];
  private nextId = 1;

  constructor(
    private readonly spawn: () => Worker,
    readonly size: number = poolSizeFor(),
  ) {}

  /** Renders on a free worker; rejects with {@link RenderAbortedError} when `signal` aborts. */
  render(options: RenderOptions, signal?: AbortSignal): Promise<RenderedImage[]> {
    if (signal?.aborted) return Promise.reject(new RenderAbortedError("The render was cancelled"));
    return new Promise((resolve, reject) => {
      this.waiting.push({ options, signal, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    for (let task = this.waiting[0]; task; task = this.waiting[0]) {
      let slot = this.slots.find((candidate) => !candidate.busy);
      if (!slot && this.slots.length < this.size) {
        slot = { worker: this.spawn(), busy: false };
        slot.worker.unref();
        this.slots.push(slot);
      }
      if (!slot) return;
      this.waiting.shift();
      this.run(slot, task);
    }
  }

  private run(slot: Slot, task: Task): void {
    slot.busy = true;
    const id = this.nextId++;
    const { worker } = slot;
    let isDone = false;
    const finish = (settle: () => void, replace: boolean) => {
      if (isDone) return;
      isDone = true;
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      task.signal?.removeEventListener("abort", onAbort);
      if (replace) {
        this.slots.splice(this.slots.indexOf(slot), 1);
        void worker.terminate();
      } else {
        slot.busy = false;
      }
      settle();
      this.dispatch();
    };
    const onMessage = (reply: RenderReplyMessage) => {
      if (reply.id !== id) return;
      if (reply.ok) {
        const images = reply.images.map((image) => ({ ...image, bytes: Buffer.from(image.bytes) }));
        finish(() => task.resolve(images), false);
      } else {
        const error =
          reply.field !== undefined
            ? new InputError(reply.message, reply.field)
            : new Error(reply.message);
        finish(() => task.reject(error), false);
      }
    };
    const onError = (error: Error) => finish(() => task.reject(error), true);
    const onExit = () => finish(() => task.reject(new Error("The render worker stopped")), true);
    const onAbort = () =>
      finish(() => task.reject(new RenderAbortedError("The render was cancelled")), true);
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    task.signal?.addEventListener("abort", onAbort, { once: true });
    worker.postMessage({ id, options: task.options } satisfies RenderJobMessage);
  }
}

/** Starts a render worker from the bundled worker entry. */
export function spawnRenderWorker(): Worker {
  return new Worker(new URL("./render-worker.ts", import.meta.url));
}
