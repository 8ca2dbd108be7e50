import "fake-indexeddb/auto";
import { describe, expect, it, vi } from "vitest";
import { StorageFullError } from "@/lib/history/db";
import { preview, userLora } from "@/tests/fixtures/library";
import {
  createLibraryDb,
  type LibraryKeyValueStore,
  type OpenLibraryStore,
  openIdbLibraryStore,
} from "./library-db";
import { LibraryFormatError } from "./library-records";
import { LIBRARY_VERSION } from "./types";

let dbCount = 0;
function uniqueDbName(): string {
  dbCount += 1;
  return `library-db-test-${dbCount}-${Math.random().toString(36).slice(2)}`;
}

/** The real store, with `apply` failing (with `error`) while `isFailing()` says so. */
function failingApply(isFailing: () => boolean, error: () => unknown): OpenLibraryStore {
  return (dbName) => {
    const real = openIdbLibraryStore(dbName);
    const store: LibraryKeyValueStore = {
      ...real,
      apply: async (puts, deletes) => {
        if (isFailing()) throw error();
        await real.apply(puts, deletes);
      },
    };
    return store;
  };
}

describe("createLibraryDb", () => {
  it("round-trips LoRAs and previews in versioned envelopes in its own database", async () => {
    const dbName = uniqueDbName();
    const db = createLibraryDb({ dbName, now: () => 42 });
    const older = userLora({
      id: "older",
      createdAt: 10,
      path: "https://example.com/a.safetensors",
    });
    await db.write({ putLoras: [userLora(), older], putPreviews: [preview()] });
    expect(await db.load()).toEqual({ loras: [older, userLora()], previews: [preview()] });
    // On disk: envelopes keyed by id and path, in `${dbName}-library`.
    const raw = new Map(await openIdbLibraryStore(dbName).entries());
    expect(raw.get("lora:lora-1")).toEqual({
      version: LIBRARY_VERSION,
      data: userLora(),
      savedAt: 42,
    });
    expect(raw.get(`preview:${preview().path}`)).toEqual({
      version: LIBRARY_VERSION,
      data: preview(),
      savedAt: 42,
    });
    const databases = await indexedDB.databases();
    expect(databases.map((database) => database.name)).toContain(`${dbName}-library`);
    // A second handle on the same database sees it (it really is persisted).
    expect((await createLibraryDb({ dbName }).load()).loras).toHaveLength(2);
  });

  it("updates and deletes records in one write", async () => {
    const db = createLibraryDb({ dbName: uniqueDbName() });
    await db.write({ putLoras: [userLora()], putPreviews: [preview()] });
    await db.write({ putLoras: [userLora({ name: "Renamed" })] });
    expect((await db.load()).loras).toEqual([userLora({ name: "Renamed" })]);
    await db.write({ deleteLoraIds: ["lora-1"], deletePreviewPaths: [preview().path] });
    expect(await db.load()).toEqual({ loras: [], previews: [] });
  });

  it("skips and reports unreadable records, keeping them stored", async () => {
    const dbName = uniqueDbName();
    const raw = openIdbLibraryStore(dbName);
    const future = { version: LIBRARY_VERSION + 1, data: { id: "x", somethingNew: true } };
    await raw.apply(
      [
        ["lora:future", future],
        ["lora:damaged", { version: 1, data: { ...userLora(), scale: "big" } }],
        ["lora:bare", userLora()],
        ["preview:bad", { version: 1, data: preview({ thumbnail: "https://x/y.png" }) }],
        ["mystery", { version: 1, data: {} }],
      ],
      [],
    );
    const onCorrupt = vi.fn<(key: string, error: LibraryFormatError) => void>();
    const db = createLibraryDb({ dbName, onCorrupt });
    await db.write({ putLoras: [userLora({ id: "good" })] });

    expect((await db.load()).loras.map((lora) => lora.id)).toEqual(["good"]);
    const reports = new Map(onCorrupt.mock.calls.map(([key, error]) => [key, error]));
    expect([...reports.keys()].sort()).toEqual([
      "lora:bare",
      "lora:damaged",
      "lora:future",
      "mystery",
      "preview:bad",
    ]);
    expect(reports.get("lora:future")?.problem).toBe("newer-version");
    expect(reports.get("lora:future")?.message).toMatch(/newer version of Kontext Playground/);
    expect(reports.get("lora:damaged")?.message).toMatch(/'scale'/);
    expect(reports.get("lora:bare")?.problem).toBe("not-a-record");
    for (const error of reports.values()) expect(error).toBeInstanceOf(LibraryFormatError);
    expect(new Map(await raw.entries()).get("lora:future")).toEqual(future);
  });

  it("refuses to write a record that could not be read back, writing none of the change", async () => {
    const db = createLibraryDb({ dbName: uniqueDbName() });
    const bad = { ...userLora({ id: "bad" }), scale: 12 };
    await expect(db.write({ putLoras: [userLora(), bad] })).rejects.toThrow(
      /Refusing to save a LoRA that could not be read back: 'scale'/,
    );
    expect((await db.load()).loras).toEqual([]);
  });

  it("turns a full disk into StorageFullError and writes nothing", async () => {
    let isFull = true;
    const dbName = uniqueDbName();
    const db = createLibraryDb({
      dbName,
      openStore: failingApply(
        () => isFull,
        () => new DOMException("The quota has been exceeded.", "QuotaExceededError"),
      ),
    });
    const error = await db.write({ putLoras: [userLora()] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StorageFullError);
    expect(String(error)).toMatch(/Could not save the LoRA library: the browser's storage/);
    expect((await db.load()).loras).toEqual([]);

    isFull = false;
    await db.write({ putLoras: [userLora()] });
    expect((await db.load()).loras).toEqual([userLora()]);
  });

  it("writes a change atomically: a failing put undoes the deletes before it", async () => {
    const dbName = uniqueDbName();
    const db = createLibraryDb({ dbName });
    await db.write({ putLoras: [userLora()] });
    // A value IndexedDB cannot clone fails the transaction half-way.
    const store = openIdbLibraryStore(dbName);
    await expect(store.apply([["lora:fn", () => 1]], ["lora:lora-1"])).rejects.toThrow();
    expect((await db.load()).loras).toEqual([userLora()]);
  });
});
