import type { FalClient } from "@fal-ai/client";
import { describe, expect, it } from "vitest";
import type { HistoryDb } from "@/lib/history/db";
import type { KontextRequest } from "@/lib/kontext/schema";
import type { LibraryDb } from "@/lib/library/library-db";
import {
  createBrowserHistory,
  createBrowserLibrary,
  createBrowserServices,
  createLazyImageStore,
} from "./browser-services";

/** A history database that only knows drafts, counting how often it was opened. */
function draftsOnly(): HistoryDb {
  return {
    getDraft: async () => ({ prompt: "a cat", loras: [], settings: {} }),
  } as unknown as HistoryDb;
}

describe("browser history service", () => {
  it("opens the database at the first call, not when the services are created", async () => {
    let opened = 0;
    const history = createBrowserHistory(() => {
      opened += 1;
      return draftsOnly();
    });
    expect(opened).toBe(0);
    await expect(history.loadDraft()).resolves.toMatchObject({ prompt: "a cat" });
    await history.loadDraft();
    expect(opened).toBe(1);
  });

  it("opens it once for calls made at the same time, while its code is still loading", async () => {
    let opened = 0;
    const history = createBrowserHistory(async () => {
      opened += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return draftsOnly();
    });
    await Promise.all([history.loadDraft(), history.loadDraft(), history.loadDraft()]);
    expect(opened).toBe(1);
  });

  it("tries again at the next call when loading the database failed (e.g. offline)", async () => {
    let attempts = 0;
    const history = createBrowserHistory(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error("chunk failed to load");
      return draftsOnly();
    });
    await expect(history.loadDraft()).rejects.toThrow("chunk failed to load");
    await expect(history.loadDraft()).resolves.toMatchObject({ prompt: "a cat" });
    expect(attempts).toBe(2);
  });
});

describe("browser library service", () => {
  it("reports a failed load to the caller instead of hanging", async () => {
    const library = createBrowserLibrary(() => {
      throw new Error("IndexedDB is not available");
    });
    await expect(library.load()).rejects.toThrow("IndexedDB is not available");
  });

  it("writes through the loaded database", async () => {
    const written: unknown[] = [];
    const library = createBrowserLibrary(
      async () =>
        ({
          load: async () => ({ loras: [], previews: [] }),
          write: async (change: unknown) => {
            written.push(change);
          },
        }) as unknown as LibraryDb,
    );
    await library.write({ put: [] } as never);
    expect(written).toEqual([{ put: [] }]);
  });
});

describe("browser services: the calls to fal", () => {
  it("load with their first call and go to the fal client given", async () => {
    const submitted: unknown[] = [];
    const fal = {
      storage: { upload: async () => "https://storage.example/up.png" },
      queue: {
        submit: async (_endpoint: string, { input }: { input: unknown }) => {
          submitted.push(input);
          return { request_id: "req-9" };
        },
        cancel: async () => {},
      },
    } as unknown as FalClient;
    const services = createBrowserServices(fal);
    const file = new File([new Uint8Array([1])], "a.png", { type: "image/png" });
    await expect(services.upload(file)).resolves.toBe("https://storage.example/up.png");
    const input = { prompt: "p" } as unknown as KontextRequest;
    await expect(services.submit(input)).resolves.toBe("req-9");
    expect(submitted).toEqual([input]);
  });
});

describe("browser image store, loaded at its first call", () => {
  it("loads once and answers through the loaded store", async () => {
    let loads = 0;
    const images = createLazyImageStore(async () => {
      loads += 1;
      return {
        get: async () => null,
        put: async () => ({ evicted: [], wasStorageFull: false }),
        keep: async () => null,
        urls: async () => ["https://x/a.png"],
        remove: async () => {},
        estimate: async () => ({ usage: 1, quota: 10 }),
      };
    });
    expect(loads).toBe(0);
    await expect(images.urls()).resolves.toEqual(["https://x/a.png"]);
    await expect(images.estimate?.()).resolves.toEqual({ usage: 1, quota: 10 });
    expect(loads).toBe(1);
  });

  it("keeps its never-rejecting calls so when the code cannot load, and tries again later", async () => {
    let loads = 0;
    const images = createLazyImageStore(async () => {
      loads += 1;
      throw new Error("chunk failed to load");
    });
    await expect(images.get("https://x/a.png")).resolves.toBeNull();
    await expect(images.estimate?.()).resolves.toBeNull();
    await expect(images.urls()).rejects.toThrow("chunk failed to load");
    expect(loads).toBe(3);
  });
});
