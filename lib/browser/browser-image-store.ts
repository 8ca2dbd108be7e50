import { loadOnce } from "@/lib/domain/load-once";
import type { ImageCache } from "@/lib/history/image-cache";
import type { ImageStore } from "@/lib/store/types";

/** The most bytes of images the browser keeps (older ones are evicted first): 1 GiB. */
export const IMAGE_CACHE_MAX_BYTES = 1024 ** 3;

/**
 * The image store over the IndexedDB image cache (see `createImageCache`), fetching images to
 * cache with `fetchImage`. The cache (and its code) is opened lazily, on the first call, so
 * creating the services never touches IndexedDB (e.g. while rendering on the server) and the
 * first screen's JavaScript has none of it.
 */
export function createBrowserImageStore(
  open: () => ImageCache | Promise<ImageCache> = () =>
    import("@/lib/history/image-cache").then((m) =>
      m.createImageCache({ maxBytes: IMAGE_CACHE_MAX_BYTES }),
    ),
  fetchBlob: (url: string) => Promise<Blob | null> = async (url) =>
    (await import("./browser-image")).fetchImage(url),
): ImageStore {
  const images = loadOnce(() => {
    // Ask the browser not to clear the history under storage pressure (it may say no).
    void globalThis.navigator?.storage?.persist?.().catch(() => false);
    return open();
  });
  /** URLs being fetched, so two callers never fetch the same image twice. */
  const keeping = new Map<string, ReturnType<ImageStore["keep"]>>();

  async function get(url: string): Promise<Blob | null> {
    try {
      return await (await images()).get(url);
    } catch {
      return null;
    }
  }

  async function put(url: string, blob: Blob) {
    const { evicted, wasStorageFull } = await (await images()).put(url, blob);
    return { evicted, wasStorageFull };
  }

  return {
    get,
    put,
    keep: (url) => {
      if (/^data:/i.test(url) || url === "") return Promise.resolve(null);
      const pending = keeping.get(url);
      if (pending) return pending.then(() => null);
      const started = (async () => {
        if (await get(url)) return null;
        // A result just arrived is being fetched and painted: its copy is fetched afterwards,
        // from the HTTP cache, instead of in a second request that competes with it.
        await whenIdle();
        const blob = await fetchBlob(url);
        return blob ? put(url, blob) : null;
      })().finally(() => keeping.delete(url));
      keeping.set(url, started);
      return started;
    },
    urls: async () => (await images()).urls(),
    remove: async (urls) => {
      const cache = await images();
      for (const url of urls) await cache.delete(url);
    },
    estimate: async () => {
      try {
        const { usage, quota } = await navigator.storage.estimate();
        return typeof usage === "number" && typeof quota === "number" && quota > 0
          ? { usage, quota }
          : null;
      } catch {
        return null;
      }
    },
  };
}

/** How long {@link whenIdle} waits at most for the browser to be idle. */
const IDLE_TIMEOUT_MS = 2_000;

/**
 * Resolves once the browser is idle (after the frames it has to draw), at most
 * {@link IDLE_TIMEOUT_MS} later; at once where there is no `requestIdleCallback`.
 */
function whenIdle(): Promise<void> {
  if (typeof requestIdleCallback !== "function") return Promise.resolve();
  return new Promise((resolve) => {
    requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
  });
}
