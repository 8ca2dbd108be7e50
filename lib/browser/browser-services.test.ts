import { describe, expect, it } from "vitest";
import type { HistoryDb } from "@/lib/history/db";
import type { LibraryDb } from "@/lib/library/library-db";
import { createBrowserHistory, createBrowserLibrary } from "./browser-services";

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
