import type { FalClient } from "@fal-ai/client";
import type { InputStore } from "@/lib/batch/input-store";
import { loadOnce } from "@/lib/domain/load-once";
import type { HistoryDb } from "@/lib/history/db";
import type { LibraryDb } from "@/lib/library/library-db";
import type {
  HistoryService,
  ImageStore,
  LibraryService,
  PlaygroundServices,
} from "@/lib/store/types";
import type { SweepImageStore } from "@/lib/sweep/image-store";

/**
 * The image code (decoding, downscaling, thumbnails, probing and preloading), loaded with the
 * first image or run.
 */
const loadImageCode = loadOnce(() =>
  import("./browser-image").then((code) => {
    imageCode = code;
    return code;
  }),
);
/** The image code once loaded, so a result's preload starts in the same step as before. */
let imageCode: typeof import("./browser-image") | null = null;

/**
 * The real services: fal through the proxy, the browser's image decoding, the clock. Tests may
 * pass a fake fal client. The calls to fal (`./fal-queue`, with the fal client) load at the first
 * upload or run.
 */
export function createBrowserServices(fakeFal?: FalClient): PlaygroundServices {
  const fal = loadOnce(() =>
    import("./fal-queue").then((m) =>
      m.createFalQueue({ load: loadImageCode, loaded: () => imageCode }, fakeFal),
    ),
  );
  return {
    upload: async (file, signal) => (await fal()).upload(file, signal),
    submit: async (input) => (await fal()).submit(input),
    watch: async (requestId, onUpdate, signal) => (await fal()).watch(requestId, onUpdate, signal),
    result: async (requestId, signal) => (await fal()).result(requestId, signal),
    cancel: async (requestId) => (await fal()).cancel(requestId),
    prepareFile: async (file, options) => (await loadImageCode()).prepareImageFile(file, options),
    probeUrl: async (url) => (await loadImageCode()).probeImageUrl(url),
    createObjectUrl: (blob) => URL.createObjectURL(blob),
    revokeObjectUrl: (url) => URL.revokeObjectURL(url),
    makeThumbnail: async (source) => (await loadImageCode()).makeImageThumbnail(source),
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    history: createBrowserHistory(),
    images: createLazyImageStore(),
    library: createBrowserLibrary(),
    batchInputs: createBrowserInputStore(),
    sweepImages: createBrowserSweepImageStore(),
  };
}

/**
 * The image cache's store (see `createBrowserImageStore`), whose code loads at its first call
 * like the history's. Calls that never reject still do not when that code cannot load.
 */
export function createLazyImageStore(
  load: () => Promise<ImageStore> = () =>
    import("./browser-image-store").then((m) => m.createBrowserImageStore()),
): ImageStore {
  const store = loadOnce(load);
  return {
    get: (url) =>
      store().then(
        (images) => images.get(url),
        () => null,
      ),
    put: async (url, blob) => (await store()).put(url, blob),
    keep: async (url) => (await store()).keep(url),
    urls: async () => (await store()).urls(),
    remove: async (urls) => (await store()).remove(urls),
    estimate: () =>
      store().then(
        (images) => images.estimate?.() ?? null,
        () => null,
      ),
  };
}

/**
 * The history service over IndexedDB (see `createHistoryDb`). The database and its code are
 * loaded on the first call, so creating the services never touches IndexedDB (e.g. while
 * rendering) and the first screen's JavaScript has none of it.
 */
export function createBrowserHistory(
  open: () => HistoryDb | Promise<HistoryDb> = () =>
    import("@/lib/history/db").then((m) => m.createHistoryDb()),
): HistoryService {
  const history = loadOnce(open);
  return {
    saveRun: async (run) => (await history()).putRun(run),
    loadRuns: async () => (await history()).listRuns(),
    loadNewestRuns: async (count) => (await history()).listNewestRuns(count),
    deleteRun: async (id) => (await history()).deleteRun(id),
    saveSweep: async (sweep) => (await history()).putSweep(sweep),
    loadSweeps: async () => (await history()).listSweeps(),
    deleteSweep: async (id) => (await history()).deleteSweep(id),
    saveBatch: async (batch) => (await history()).putBatch(batch),
    loadBatches: async () => (await history()).listBatches(),
    deleteBatch: async (id) => (await history()).deleteBatch(id),
    saveDraft: async (draft) => (await history()).putDraft(draft),
    loadDraft: async () => (await history()).getDraft(),
    saveDraftImage: async (image) => (await history()).putDraftImage(image),
    loadDraftImage: async () => (await history()).getDraftImage(),
    saveSweepSetup: async (setup) => (await history()).putSweepSetup(setup),
    loadSweepSetup: async () => (await history()).getSweepSetup(),
  };
}

/**
 * The LoRA library over IndexedDB (see `createLibraryDb`), loaded on the first call like
 * {@link createBrowserHistory}. Unreadable records are logged and left stored.
 */
export function createBrowserLibrary(
  open: () => LibraryDb | Promise<LibraryDb> = () =>
    import("@/lib/library/library-db").then((m) =>
      m.createLibraryDb({
        onCorrupt: (key, error) => console.warn(`library: skipped ${key}: ${error.message}`),
      }),
    ),
): LibraryService {
  const library = loadOnce(open);
  return {
    load: async () => (await library()).load(),
    write: async (change) => (await library()).write(change),
  };
}

/** The batch inputs kept in IndexedDB (see `createInputStore`), loaded on the first call. */
function createBrowserInputStore(): InputStore {
  const inputs = loadOnce(() =>
    import("@/lib/batch/input-store").then((m) => m.createInputStore()),
  );
  return {
    put: async (hash, blob) => (await inputs()).put(hash, blob),
    // Never rejects, as `InputStore.get` promises: a store that cannot load has nothing.
    get: (hash) =>
      inputs().then(
        (store) => store.get(hash),
        () => null,
      ),
    hashes: async () => (await inputs()).hashes(),
    prune: async (keep) => (await inputs()).prune(keep),
  };
}

/** The sweep images kept in IndexedDB (see `createSweepImageStore`), loaded on the first call. */
function createBrowserSweepImageStore(): SweepImageStore {
  const images = loadOnce(() =>
    import("@/lib/sweep/image-store").then((m) => m.createSweepImageStore()),
  );
  return {
    put: async (id, image) => (await images()).put(id, image),
    // Never rejects, as `SweepImageStore.get` promises.
    get: (id) =>
      images().then(
        (store) => store.get(id),
        () => null,
      ),
    prune: async (keep) => (await images()).prune(keep),
  };
}
