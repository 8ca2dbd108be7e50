import { ApiError, type QueueStatus } from "@fal-ai/client";
import { createPlaygroundFalClient } from "@/lib/fal/client";
import { ENDPOINT_ID } from "@/lib/kontext/endpoint";
import type { KontextOutput } from "@/lib/kontext/schema";
import type { PlaygroundServices, RunUpdate } from "@/lib/store/types";
import { prepareImageFile, probeImageUrl } from "./browser-image";

/** The real services: fal through the proxy, the browser's image decoding, the clock. */
export function createBrowserServices(): PlaygroundServices {
  const fal = createPlaygroundFalClient();
  return {
    upload: (file) => fal.storage.upload(file),
    submit: async (input) => (await fal.queue.submit(ENDPOINT_ID, { input })).request_id,
    watch: async (requestId, onUpdate) => {
      const onQueueUpdate = (status: QueueStatus) => {
        const update = toRunUpdate(status);
        if (update) onUpdate(update);
      };
      try {
        // The SSE status stream shows a finished result sooner than polling every 500 ms…
        await fal.queue.subscribeToStatus(ENDPOINT_ID, {
          requestId,
          logs: true,
          mode: "streaming",
          onQueueUpdate,
        });
      } catch (error) {
        if (error instanceof ApiError && error.status < 500) throw error;
        // …and polling takes over where streaming does not get through (proxies that buffer).
        await fal.queue.subscribeToStatus(ENDPOINT_ID, {
          requestId,
          logs: true,
          mode: "polling",
          pollInterval: 500,
          onQueueUpdate,
        });
      }
    },
    result: async (requestId) =>
      (await fal.queue.result(ENDPOINT_ID, { requestId })).data as KontextOutput,
    cancel: (requestId) => fal.queue.cancel(ENDPOINT_ID, { requestId }),
    prepareFile: prepareImageFile,
    probeUrl: probeImageUrl,
    createObjectUrl: (blob) => URL.createObjectURL(blob),
    revokeObjectUrl: (url) => URL.revokeObjectURL(url),
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
  };
}

function toRunUpdate(status: QueueStatus): RunUpdate | null {
  if (status.status === "IN_QUEUE")
    return { status: "IN_QUEUE", queuePosition: status.queue_position };
  if (status.status === "IN_PROGRESS") {
    return { status: "IN_PROGRESS", logs: status.logs.map((log) => log.message) };
  }
  return null;
}
