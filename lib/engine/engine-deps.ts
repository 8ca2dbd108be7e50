import "server-only";
import type { LocalEngineSettings } from "@/lib/server/config";
import type { EngineDeps } from "./engine-types";
import { InputError } from "./errors";
import { type FileStore, isFileId } from "./file-store";
import { loadInputImage } from "./input-image";
import { FILES_PATH } from "./paths";
import type { RenderPool } from "./render-pool";

/** The real engine's dependencies: its file store, input loading and the render pool. */
export function engineDeps(
  settings: LocalEngineSettings,
  store: FileStore,
  pool: RenderPool,
): EngineDeps {
  return {
    store,
    stepMs: settings.stepMs,
    filesPath: FILES_PATH,
    // Rendering runs on worker threads, never on the thread that runs the queue.
    render: (options, signal) => pool.render(options, signal),
    loadInput: (imageUrl) =>
      loadInputImage(imageUrl, {
        readOwnFile: async (url) => {
          const prefix = `${FILES_PATH}/`;
          if (!url.pathname.startsWith(prefix)) return null;
          const id = decodeURIComponent(url.pathname.slice(prefix.length));
          if (!isFileId(id)) return null;
          const file = await store.get(id);
          if (!file) {
            throw new InputError(
              `image_url points to a local-engine file (${id}) that does not exist; it may have expired`,
            );
          }
          return file.bytes;
        },
      }),
    log: (message) => console.error(message),
  };
}
