import "server-only";
import { errorMessage } from "@/lib/domain/app-error";
import type { LocalEngine } from "./engine";
import type { EngineEvent } from "./engine-types";

/** The ends of a worker_threads channel this module uses (a Worker, `parentPort`, a MessagePort). */
export interface PortLike {
  postMessage(message: unknown): void;
  // biome-ignore lint/suspicious/noExplicitAny: Worker, MessagePort and parentPort type it so
  on(event: string, listener: (value: any) => void): unknown;
}

/** What the request thread asks of the engine thread. */
export type EngineRequest =
  | { op: "queueSaved"; id: string; origin: string }
  | { op: "status"; id: string }
  | { op: "result"; id: string }
  | { op: "cancel"; id: string };

/** A request with its call number (the answer carries it back). */
export type EngineCall = EngineRequest & { call: number };

/** What the engine thread sends: changes (batched, in order), call answers, and "resumed". */
export type EngineReply =
  | { events: EngineEvent[] }
  | { call: number; value: unknown }
  | { call: number; error: string }
  | { ready: true };

/**
 * Serves a {@link LocalEngine} over `port` (the engine thread's side): answers calls and sends
 * every change as events, batched per event-loop turn and always before the answer of a call
 * that caused them, so the request thread's mirror is never behind an answer. Resumes the
 * requests a previous run left (then sends `ready`).
 */
export function serveEngine(
  port: PortLike,
  create: (observe: (event: EngineEvent) => void) => LocalEngine,
): LocalEngine {
  let batch: EngineEvent[] = [];
  let isScheduled = false;
  const flush = () => {
    isScheduled = false;
    if (batch.length === 0) return;
    const events = batch;
    batch = [];
    port.postMessage({ events } satisfies EngineReply);
  };
  const engine = create((event) => {
    batch.push(event);
    if (!isScheduled) {
      isScheduled = true;
      setImmediate(flush);
    }
  });
  port.on("message", async (message: EngineCall) => {
    let reply: EngineReply;
    try {
      reply = { call: message.call, value: await answer(engine, message) };
    } catch (error) {
      reply = { call: message.call, error: errorMessage(error) };
    }
    flush();
    port.postMessage(reply);
  });
  void engine.resumeSaved().finally(() => {
    flush();
    port.postMessage({ ready: true } satisfies EngineReply);
  });
  return engine;
}

function answer(engine: LocalEngine, message: EngineCall): Promise<unknown> {
  switch (message.op) {
    case "queueSaved":
      return Promise.resolve(engine.queueSaved(message.id, message.origin));
    case "status":
      return engine.status(message.id);
    case "result":
      return engine.result(message.id);
    case "cancel":
      return engine.cancel(message.id);
  }
}
