// The render worker's entry (a worker_threads Worker started by render-pool.ts): renders one
// request at a time off the server's request thread, so health and status stay answerable.
import { parentPort } from "node:worker_threads";
import { errorMessage } from "@/lib/domain/app-error";
import { InputError } from "./errors";
import { type RenderOptions, renderImages } from "./render";

/** A render job sent to the worker. */
export interface RenderJobMessage {
  id: number;
  options: RenderOptions;
}

/** The worker's answer: the images, or an error (an input error keeps its field). */
export type RenderReplyMessage =
  | { id: number; ok: true; images: Awaited<ReturnType<typeof renderImages>> }
  | { id: number; ok: false; message: string; field?: string };

parentPort?.on("message", async ({ id, options }: RenderJobMessage) => {
  try {
    // Buffers arrive as Uint8Arrays after structured cloning.
    const images = await renderImages({ ...options, source: Buffer.from(options.source) });
    parentPort?.postMessage({ id, ok: true, images } satisfies RenderReplyMessage);
  } catch (error) {
    const reply: RenderReplyMessage =
      error instanceof InputError
        ? { id, ok: false, message: error.message, field: error.field }
        : { id, ok: false, message: errorMessage(error) };
    parentPort?.postMessage(reply);
  }
});
