// The engine thread's entry (a worker_threads Worker started by instance.ts): runs the local
// engine's queue, steps, disk writes and render pool, so that no request thread turn is needed
// for a job to move on. The request thread mirrors it (engine-thread.ts).
import { parentPort, workerData } from "node:worker_threads";
import type { LocalEngineSettings } from "@/lib/server/config";
import { LocalEngine } from "./engine";
import { engineDeps } from "./engine-deps";
import { serveEngine } from "./engine-host";
import { FileStore } from "./file-store";
import { RenderPool, spawnRenderWorker } from "./render-pool";

if (parentPort) {
  const settings = workerData as LocalEngineSettings;
  const store = new FileStore({
    dataDir: settings.dataDir,
    maxBytes: settings.maxStorageBytes,
    maxAgeMs: settings.maxAgeMs,
  });
  const pool = new RenderPool(spawnRenderWorker);
  serveEngine(
    parentPort,
    (observe) => new LocalEngine({ ...engineDeps(settings, store, pool), observe }),
  );
}
