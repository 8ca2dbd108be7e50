import "fake-indexeddb/auto";
import { describe, expect, it, vi } from "vitest";
import { userLora } from "@/tests/fixtures/library";
import { createLibraryDb } from "./library-db";

/** How often the library's record codecs (schemas and migrations) were loaded by the database. */
const codecs = vi.hoisted(() => ({ loads: 0 }));

vi.mock("./library-records", async (importOriginal) => {
  codecs.loads++;
  return importOriginal();
});

describe("the library database's record codecs", () => {
  // One sequence: the codecs load once per page (module), so the order of these steps matters.
  it("are not loaded to read an empty library, and are at the first record", async () => {
    const db = createLibraryDb({ dbName: `library-codecs-${Math.random().toString(36).slice(2)}` });
    expect(await db.load()).toEqual({ loras: [], previews: [] });
    await db.write({});
    expect(codecs.loads).toBe(0);

    await db.write({ putLoras: [userLora()] });
    expect(codecs.loads).toBe(1);
    expect(await db.load()).toEqual({ loras: [userLora()], previews: [] });
  });
});
