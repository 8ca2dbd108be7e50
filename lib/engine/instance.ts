import "server-only";
import { getLocalEngineSettings } from "@/lib/server/config";
import { LocalEngine } from "./engine";
import { InputError } from "./errors";
import { FileStore, isFileId } from "./file-store";
import type { EngineContext } from "./http";
import { loadInputImage } from "./input-image";
import { FILES_PATH } from "./paths";
import { RenderPool, spawnRenderWorker } from "./render-pool";

// Route modules may be loaded more than once; one engine per process keeps "one GPU" true.
const KEY = Symbol.for("kontext-playground.local-engine");
type GlobalWithEngine = typeof globalThis & { [KEY]?: EngineContext };

/** The process-wide local engine and its file store, created on first use from the environment. */
export function getLocalEngine(): EngineContext {
  const global = globalThis as GlobalWithEngine;
  if (!global[KEY]) {
    const settings = getLocalEngineSettings();
    const store = new FileStore({
      dataDir: settings.dataDir,
      maxBytes: settings.maxStorageBytes,
      maxAgeMs: settings.maxAgeMs,
    });
    const pool = new RenderPool(spawnRenderWorker);
    const engine = new LocalEngine({
      store,
      stepMs: settings.stepMs,
      filesPath: FILES_PATH,
      // Rendering runs on worker threads, never on the thread that answers requests.
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
    });
    void engine.resumeSaved();
    global[KEY] = { engine, store, pendingUploads: new Map() };
  }
  return global[KEY];
}
