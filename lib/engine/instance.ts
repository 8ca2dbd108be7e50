import "server-only";
import { Worker } from "node:worker_threads";
import { getLocalEngineSettings } from "@/lib/server/config";
import { EngineThread } from "./engine-thread";
import { FileStore } from "./file-store";
import type { EngineContext } from "./http";

// Route modules may be loaded more than once; one engine per process keeps "one GPU" true.
const KEY = Symbol.for("kontext-playground.local-engine");
type GlobalWithEngine = typeof globalThis & { [KEY]?: EngineContext };

/**
 * The process-wide local engine and its file store, created on first use from the environment.
 * The engine runs on its own thread (engine-worker.ts); this thread answers status from its
 * mirror and serves uploads and files from the same folder (the engine thread sweeps it).
 */
export function getLocalEngine(): EngineContext {
  const global = globalThis as GlobalWithEngine;
  if (!global[KEY]) {
    const settings = getLocalEngineSettings();
    const store = new FileStore({
      dataDir: settings.dataDir,
      maxBytes: settings.maxStorageBytes,
      maxAgeMs: settings.maxAgeMs,
      isMaintainer: false,
    });
    const engine = new EngineThread(
      () => {
        const worker = new Worker(new URL("./engine-worker.ts", import.meta.url), {
          workerData: settings,
        });
        worker.unref();
        return worker;
      },
      store,
      (message) => console.error(message),
    );
    global[KEY] = { engine, store, pendingUploads: new Map() };
  }
  return global[KEY];
}
