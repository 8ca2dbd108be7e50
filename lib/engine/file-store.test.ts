import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { extensionFor, FileStore, type FileStoreOptions, isFileId, newFileId } from "./file-store";

const GIB = 1024 ** 3;
const DAY_MS = 24 * 3_600_000;

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "file-store-test-"));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function makeStore(options: Partial<FileStoreOptions> = {}): FileStore {
  return new FileStore({ dataDir, maxBytes: GIB, maxAgeMs: DAY_MS, ...options });
}

/** A clock the test moves by hand. */
function manualClock(start = Date.now()) {
  const clock = { time: start, now: () => clock.time };
  return clock;
}

function bytesOf(size: number, fill = 7): Buffer {
  return Buffer.alloc(size, fill);
}

describe("file ids", () => {
  it("gives each id the extension of its content type", () => {
    expect(newFileId("image/png")).toMatch(/\.png$/);
    expect(newFileId("image/jpeg")).toMatch(/\.jpeg$/);
    expect(newFileId("image/webp")).toMatch(/\.webp$/);
    expect(newFileId("image/gif")).toMatch(/\.gif$/);
    expect(newFileId("image/avif")).toMatch(/\.avif$/);
    expect(newFileId("text/html")).toMatch(/\.bin$/);
  });

  it("reads the extension from the media type alone, ignoring case and parameters", () => {
    expect(extensionFor("IMAGE/PNG")).toBe("png");
    expect(extensionFor("image/jpeg; charset=binary")).toBe("jpeg");
    expect(extensionFor(" image/webp ;q=1")).toBe("webp");
    expect(extensionFor("application/octet-stream")).toBe("bin");
    expect(extensionFor("")).toBe("bin");
  });

  it("makes a new unguessable id every time, each recognised as a file id", () => {
    const ids = Array.from({ length: 50 }, () => newFileId("image/png"));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(isFileId(id)).toBe(true);
  });

  it("refuses anything that could point outside the store", () => {
    const valid = newFileId("image/png");
    for (const id of [
      "",
      "../x",
      "a/b",
      "x.png",
      `../${valid}`,
      `${valid}/`,
      `${valid}.meta.json`,
      valid.replace(".png", ".PNG"),
      valid.replace(".png", ""),
      `${valid.slice(0, 10)}\\${valid.slice(11)}`,
    ]) {
      expect(isFileId(id), id).toBe(false);
    }
  });
});

describe("FileStore files", () => {
  it("returns what was put, with its metadata", async () => {
    const clock = manualClock(1_700_000_000_000);
    const store = makeStore({ now: clock.now });
    const id = newFileId("image/png");
    const bytes = Buffer.from("fake png bytes");

    const meta = await store.put(id, bytes, "image/png", "output-0.png");

    expect(meta).toEqual({
      id,
      contentType: "image/png",
      size: bytes.byteLength,
      createdAt: 1_700_000_000_000,
      fileName: "output-0.png",
    });
    const file = await store.get(id);
    expect(file?.meta).toEqual(meta);
    expect(file?.bytes.equals(bytes)).toBe(true);
    expect(await store.has(id)).toBe(true);
  });

  it("names a file after its id unless told otherwise, and cuts long names to 255 characters", async () => {
    const store = makeStore();
    const plain = newFileId("image/jpeg");
    const long = newFileId("image/jpeg");

    expect((await store.put(plain, bytesOf(3), "image/jpeg")).fileName).toBe(plain);
    expect((await store.put(long, bytesOf(3), "image/jpeg", "x".repeat(400))).fileName).toBe(
      "x".repeat(255),
    );
  });

  it("answers null for ids it never stored", async () => {
    const store = makeStore();
    expect(await store.get(newFileId("image/png"))).toBeNull();
    expect(await store.has(newFileId("image/png"))).toBe(false);
  });

  it("answers null for malformed ids without touching the disk", async () => {
    const untouched = path.join(dataDir, "never-created");
    const store = new FileStore({ dataDir: untouched, maxBytes: GIB, maxAgeMs: DAY_MS });

    for (const id of ["../x", "a/b", "", "../../etc/passwd", "files/x.png"]) {
      expect(await store.get(id), id).toBeNull();
      expect(await store.has(id), id).toBe(false);
    }
    expect(existsSync(untouched)).toBe(false);
  });

  it("refuses to put under a malformed id", async () => {
    const store = makeStore();
    await expect(store.put("../escape.png", bytesOf(3), "image/png")).rejects.toThrow(
      /Invalid file id/,
    );
    expect(existsSync(path.join(dataDir, "escape.png"))).toBe(false);
  });

  it("keeps files across a restart", async () => {
    const id = newFileId("image/webp");
    const bytes = Buffer.from("webp payload");
    const meta = await makeStore().put(id, bytes, "image/webp");

    const file = await makeStore().get(id);

    expect(file?.meta).toEqual(meta);
    expect(file?.bytes.equals(bytes)).toBe(true);
  });
});

describe("FileStore files just stored", () => {
  it("serves a file it just stored from memory, without reading the disk", async () => {
    const store = makeStore();
    const id = newFileId("image/png");
    const meta = await store.put(id, Buffer.from("fresh"), "image/png");
    await rm(path.join(dataDir, "files", id));

    const file = await store.get(id);

    expect(file?.meta).toEqual(meta);
    expect(file?.bytes.toString()).toBe("fresh");
  });

  it("serves a file another thread stored from what it was told, before reading the disk", async () => {
    const writer = makeStore();
    const reader = makeStore({ isMaintainer: false });
    const id = newFileId("image/png");
    const meta = await writer.put(id, Buffer.from("from the engine"), "image/png");
    await rm(path.join(dataDir, "files", id));
    expect(await reader.get(id)).toBeNull();

    reader.remember(meta, new Uint8Array(Buffer.from("from the engine")));

    expect((await reader.get(id))?.bytes.toString()).toBe("from the engine");
  });

  it("keeps only the last 32 files in memory", async () => {
    const store = makeStore();
    const ids: string[] = [];
    for (let index = 0; index < 33; index++) {
      const id = newFileId("image/png");
      await store.put(id, bytesOf(4, index), "image/png");
      ids.push(id);
    }
    for (const id of ids) await rm(path.join(dataDir, "files", id));

    expect(await store.get(ids[0] as string)).toBeNull();
    expect((await store.get(ids[1] as string))?.bytes.equals(bytesOf(4, 1))).toBe(true);
    expect((await store.get(ids[32] as string))?.bytes.equals(bytesOf(4, 32))).toBe(true);
  });

  it("no longer serves a remembered file once it is older than the age cap or deleted", async () => {
    const clock = manualClock();
    const reader = makeStore({ maxAgeMs: 60_000, now: clock.now, isMaintainer: false });
    const id = newFileId("image/png");
    const meta = { id, contentType: "image/png", size: 3, createdAt: clock.time, fileName: id };
    reader.remember(meta, Buffer.from("old"));
    expect(await reader.get(id)).not.toBeNull();
    clock.time += 61_000;
    expect(await reader.get(id)).toBeNull();

    const store = makeStore({ maxBytes: 15, now: clock.now });
    const swept = newFileId("image/png");
    await store.put(swept, bytesOf(10), "image/png");
    clock.time += 1_000;
    await store.put(newFileId("image/png"), bytesOf(10), "image/png"); // over the cap: `swept` goes
    expect(await store.get(swept)).toBeNull();
  });
});

describe("FileStore caps", () => {
  it("deletes files and results older than the age cap on start", async () => {
    const clock = manualClock();
    const old = newFileId("image/png");
    const store = makeStore({ maxAgeMs: 60_000, now: clock.now });
    await store.put(old, bytesOf(10), "image/png");
    await store.putResult("old-request", { id: "old-request" });

    clock.time += 120_000;
    const restarted = makeStore({ maxAgeMs: 60_000, now: clock.now });

    expect(await restarted.get(old)).toBeNull();
    expect(await restarted.getResult("old-request")).toBeNull();
    expect(await readdir(path.join(dataDir, "files"))).toEqual([]);
    expect(await readdir(path.join(dataDir, "results"))).toEqual([]);
  });

  it("deletes expired files when a new one is put, keeping younger ones", async () => {
    const clock = manualClock();
    const store = makeStore({ maxAgeMs: 60_000, now: clock.now });
    const oldest = newFileId("image/png");
    const younger = newFileId("image/png");
    await store.put(oldest, bytesOf(10), "image/png");
    clock.time += 40_000;
    await store.put(younger, bytesOf(10), "image/png");

    clock.time += 30_000; // `oldest` is now 70 s old, `younger` 30 s.
    const newest = newFileId("image/png");
    await store.put(newest, bytesOf(10), "image/png");

    expect(await store.has(oldest)).toBe(false);
    expect(await store.has(younger)).toBe(true);
    expect(await store.has(newest)).toBe(true);
  });

  it("deletes the oldest files first until the total is within the size cap", async () => {
    const clock = manualClock();
    const store = makeStore({ maxBytes: 100, now: clock.now });
    const ids = Array.from({ length: 4 }, () => newFileId("image/png"));
    const [first, second, third, fourth] = ids as [string, string, string, string];

    for (const id of [first, second]) {
      await store.put(id, bytesOf(40), "image/png");
      clock.time += 1_000;
    }
    expect(await store.has(first)).toBe(true);
    expect(await store.has(second)).toBe(true);

    await store.put(third, bytesOf(40), "image/png"); // 120 bytes: the first must go
    clock.time += 1_000;
    expect(await store.has(first)).toBe(false);
    expect(await store.has(second)).toBe(true);
    expect(await store.has(third)).toBe(true);

    await store.put(fourth, bytesOf(70), "image/png"); // 150 bytes: the second and third go
    expect(await store.has(second)).toBe(false);
    expect(await store.has(third)).toBe(false);
    expect((await store.get(fourth))?.bytes.byteLength).toBe(70);
  });

  it("never deletes the file just stored, even when it alone is larger than the size cap", async () => {
    const clock = manualClock();
    const store = makeStore({ maxBytes: 100, now: clock.now });
    const small = newFileId("image/png");
    const huge = newFileId("image/png");
    await store.put(small, bytesOf(40), "image/png");
    clock.time += 1_000;

    await store.put(huge, bytesOf(150), "image/png");

    expect(await store.has(small)).toBe(false);
    expect((await store.get(huge))?.bytes.byteLength).toBe(150);
  });

  it("keeps the file just stored when older files have the same timestamp", async () => {
    const store = makeStore({ maxBytes: 100, now: () => 1_700_000_000_000 });
    const stored: string[] = [];
    for (let index = 0; index < 8; index++) {
      const id = newFileId("image/png");
      await store.put(id, bytesOf(40, index), "image/png");
      stored.push(id);
      expect(await store.has(id), `file ${index}`).toBe(true);
    }
    const kept = [];
    for (const id of stored) if (await store.has(id)) kept.push(id);
    expect(kept.length).toBeLessThanOrEqual(2);
  });
});

describe("FileStore start-up", () => {
  it("removes leftovers of interrupted writes but keeps complete files", async () => {
    const complete = newFileId("image/png");
    await makeStore().put(complete, Buffer.from("complete"), "image/png");
    await makeStore().putResult("finished-request", { id: "finished-request" });

    const orphan = newFileId("image/png"); // data written, crashed before its metadata
    const filesDir = path.join(dataDir, "files");
    const resultsDir = path.join(dataDir, "results");
    await writeFile(path.join(filesDir, orphan), "half");
    await writeFile(path.join(filesDir, `${newFileId("image/png")}.tmp-0a1b2c`), "partial");
    await writeFile(path.join(filesDir, `${complete}.meta.json.tmp-ffeedd`), "{");
    await writeFile(path.join(resultsDir, "other-request.json.tmp-123456"), "{");

    const store = makeStore();
    await store.init();

    expect((await readdir(filesDir)).sort()).toEqual([complete, `${complete}.meta.json`].sort());
    expect(await readdir(resultsDir)).toEqual(["finished-request.json"]);
    expect((await store.get(complete))?.bytes.toString()).toBe("complete");
    expect(await store.get(orphan)).toBeNull();
    expect(await store.getResult("finished-request")).toEqual({ id: "finished-request" });
  });

  it("leaves another thread's writes and the sweeps alone when it is not the maintainer", async () => {
    const clock = manualClock();
    const old = newFileId("image/png");
    await makeStore({ now: clock.now }).put(old, bytesOf(10), "image/png");
    const filesDir = path.join(dataDir, "files");
    const inFlight = `${newFileId("image/png")}.tmp-0a1b2c`;
    await writeFile(path.join(filesDir, inFlight), "being written");
    clock.time += 2 * DAY_MS;

    const second = makeStore({ now: clock.now, maxBytes: 15, isMaintainer: false });
    const fresh = newFileId("image/png");
    await second.put(fresh, bytesOf(10), "image/png");

    expect(await readdir(filesDir)).toContain(inFlight);
    expect(await second.has(old)).toBe(true);
    expect(await second.has(fresh)).toBe(true);
  });

  it("creates its folders when they are missing", async () => {
    const nested = path.join(dataDir, "a", "b");
    const store = new FileStore({ dataDir: nested, maxBytes: GIB, maxAgeMs: DAY_MS });
    await store.init();
    expect(existsSync(path.join(nested, "files"))).toBe(true);
    expect(existsSync(path.join(nested, "results"))).toBe(true);
  });
});

describe("FileStore results", () => {
  it("returns a saved result, also after a restart", async () => {
    const record = { id: "5d1f-aa", logs: [{ message: "Done" }], outcome: { ok: true } };
    await makeStore().putResult("5d1f-aa", record);

    expect(await makeStore().getResult("5d1f-aa")).toEqual(record);
  });

  it("replaces a result saved twice under the same id", async () => {
    const store = makeStore();
    await store.putResult("req-1", { version: 1 });
    await store.putResult("req-1", { version: 2 });
    expect(await store.getResult("req-1")).toEqual({ version: 2 });
  });

  it("answers null for unknown, malformed or unreadable results", async () => {
    const store = makeStore();
    await store.init();
    await writeFile(path.join(dataDir, "results", "broken.json"), "{not json");

    expect(await store.getResult("unknown")).toBeNull();
    expect(await store.getResult("broken")).toBeNull();
    for (const id of ["", "../files/x", "a/b", "a.b", "x".repeat(65)]) {
      expect(await store.getResult(id), id).toBeNull();
    }
  });

  it("refuses to save a result under a malformed id", async () => {
    const store = makeStore();
    for (const id of ["", "../escape", "a/b", "x".repeat(65)]) {
      await expect(store.putResult(id, {}), id).rejects.toThrow(/Invalid request id/);
    }
    expect(existsSync(path.join(dataDir, "escape.json"))).toBe(false);
  });
});
