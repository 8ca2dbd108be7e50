import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";

/** Image types served inline; anything else is served as an attachment (no stored XSS). */
export const INLINE_CONTENT_TYPES = new Set([
  "image/png",
  "image/jpeg",
  "image/webp",
  "image/gif",
  "image/avif",
]);

const EXTENSIONS: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpeg",
  "image/webp": "webp",
  "image/gif": "gif",
  "image/avif": "avif",
};

/** What is stored beside each file. */
export interface StoredFileMeta {
  id: string;
  contentType: string;
  size: number;
  /** Milliseconds since the epoch. */
  createdAt: number;
  fileName: string;
}

export interface FileStoreOptions {
  /** Folder that holds `files/` and `results/`. Created when missing. */
  dataDir: string;
  /** Total bytes kept; the oldest files are deleted beyond it. */
  maxBytes: number;
  /** Files and results older than this many milliseconds are deleted. */
  maxAgeMs: number;
  now?: () => number;
  /**
   * False for a second store on the same folder in another thread (the request thread beside
   * the engine thread): it never removes leftovers or sweeps, which would race the other's writes.
   */
  isMaintainer?: boolean;
}

/** Most files, and bytes, the store keeps in memory of those just stored (see {@link FileStore.get}). */
const RECENT_MAX_FILES = 32;
const RECENT_MAX_BYTES = 32 * 1024 * 1024;

const ID_PATTERN = /^[A-Za-z0-9_-]{22}\.[a-z0-9]{1,8}$/;
const RESULT_ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/;

/** A file id: 128 random bits plus the extension of its type, e.g. `Zm9v….png`. */
export function newFileId(contentType: string): string {
  return `${randomBytes(16).toString("base64url")}.${extensionFor(contentType)}`;
}

/** The file extension for a content type (`bin` when unknown). */
export function extensionFor(contentType: string): string {
  return EXTENSIONS[contentType.split(";")[0]?.trim().toLowerCase() ?? ""] ?? "bin";
}

/** True when `id` has the shape {@link newFileId} produces (guards against path traversal). */
export function isFileId(id: string): boolean {
  return ID_PATTERN.test(id);
}

/**
 * The local engine's disk storage: uploaded inputs, generated outputs and finished results.
 * Every write goes to a temporary name first and is renamed into place, so a crash never leaves
 * a half-written file behind; metadata is written last and marks a file as complete. Files
 * survive restarts and are capped in total size and age.
 */
export class FileStore {
  private readonly filesDir: string;
  private readonly resultsDir: string;
  private readonly jobsDir: string;
  private readonly now: () => number;
  private ready: Promise<void> | undefined;
  /** Bytes stored as of the last sweep plus what was put since. */
  private totalBytes = 0;
  private lastSweepAt = Number.NEGATIVE_INFINITY;
  /** The files stored last (here or, through {@link remember}, by another thread), newest last. */
  private readonly recent = new Map<string, { meta: StoredFileMeta; bytes: Buffer }>();
  private recentBytes = 0;

  constructor(private readonly options: FileStoreOptions) {
    this.filesDir = path.resolve(options.dataDir, "files");
    this.resultsDir = path.resolve(options.dataDir, "results");
    this.jobsDir = path.resolve(options.dataDir, "jobs");
    this.now = options.now ?? Date.now;
  }

  /** Creates the folders and removes leftovers of interrupted writes and expired files. */
  init(): Promise<void> {
    this.ready ??= (async () => {
      await mkdir(this.filesDir, { recursive: true });
      await mkdir(this.resultsDir, { recursive: true });
      await mkdir(this.jobsDir, { recursive: true });
      if (this.options.isMaintainer === false) return;
      await this.removeIncomplete();
      await this.sweep();
    })();
    return this.ready;
  }

  /** Stores bytes under `id` (from {@link newFileId}) and returns their metadata. */
  async put(
    id: string,
    bytes: Uint8Array,
    contentType: string,
    fileName = id,
  ): Promise<StoredFileMeta> {
    if (!isFileId(id)) throw new Error(`Invalid file id ${id}`);
    await this.init();
    const meta: StoredFileMeta = {
      id,
      contentType,
      size: bytes.byteLength,
      createdAt: this.now(),
      fileName: fileName.slice(0, 255),
    };
    await atomicWrite(path.join(this.filesDir, id), bytes);
    await atomicWrite(path.join(this.filesDir, `${id}.meta.json`), JSON.stringify(meta));
    this.remember(meta, bytes);
    this.totalBytes += bytes.byteLength;
    // A sweep reads every file's metadata, so it runs only when the size cap may be passed or
    // a while after the last one (a tenth of the age cap, at most a minute), not on every put.
    const interval = Math.min(60_000, this.options.maxAgeMs / 10);
    const isDue =
      this.totalBytes > this.options.maxBytes || this.now() - this.lastSweepAt >= interval;
    if (isDue && this.options.isMaintainer !== false) {
      await this.sweep(id);
    }
    return meta;
  }

  /**
   * Keeps a file just stored in memory (one of the last {@link RECENT_MAX_FILES}, within
   * {@link RECENT_MAX_BYTES}), so the request for it that follows at once is answered without
   * reading the disk. The store's own puts call it; the request thread calls it for the outputs
   * the engine thread stores. The bytes must not change afterwards.
   */
  remember(meta: StoredFileMeta, bytes: Uint8Array): void {
    if (!isFileId(meta.id) || bytes.byteLength > RECENT_MAX_BYTES) return;
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.forget(meta.id);
    this.recent.set(meta.id, { meta, bytes: buffer });
    this.recentBytes += buffer.byteLength;
    for (const [oldest] of this.recent) {
      if (this.recent.size <= RECENT_MAX_FILES && this.recentBytes <= RECENT_MAX_BYTES) break;
      this.forget(oldest);
    }
  }

  private forget(id: string): void {
    const entry = this.recent.get(id);
    if (!entry) return;
    this.recent.delete(id);
    this.recentBytes -= entry.bytes.byteLength;
  }

  /**
   * Reads a complete file, or null when it does not exist (or `id` is not a file id). Files just
   * stored come from memory (see {@link remember}) while within the age cap.
   */
  async get(id: string): Promise<{ meta: StoredFileMeta; bytes: Buffer } | null> {
    if (!isFileId(id)) return null;
    const recent = this.recent.get(id);
    if (recent && recent.meta.createdAt >= this.now() - this.options.maxAgeMs) return recent;
    if (recent) this.forget(id);
    await this.init();
    const meta = await this.readMeta(id);
    if (!meta) return null;
    try {
      return { meta, bytes: await readFile(path.join(this.filesDir, id)) };
    } catch {
      return null;
    }
  }

  /** True when a complete file with this id exists. */
  async has(id: string): Promise<boolean> {
    if (!isFileId(id)) return false;
    await this.init();
    return (await this.readMeta(id)) !== null;
  }

  /** Saves a finished request's outcome so results survive a restart. */
  async putResult(requestId: string, record: unknown): Promise<void> {
    if (!RESULT_ID_PATTERN.test(requestId)) throw new Error(`Invalid request id ${requestId}`);
    await this.init();
    await atomicWrite(path.join(this.resultsDir, `${requestId}.json`), JSON.stringify(record));
  }

  /** Reads a saved outcome, or null. */
  async getResult(requestId: string): Promise<unknown | null> {
    if (!RESULT_ID_PATTERN.test(requestId)) return null;
    await this.init();
    try {
      return JSON.parse(await readFile(path.join(this.resultsDir, `${requestId}.json`), "utf8"));
    } catch {
      return null;
    }
  }

  /** Saves an accepted request's input until it has finished, so it survives a restart. */
  async putJob(requestId: string, record: unknown): Promise<void> {
    if (!RESULT_ID_PATTERN.test(requestId)) throw new Error(`Invalid request id ${requestId}`);
    await this.init();
    await atomicWrite(path.join(this.jobsDir, `${requestId}.json`), JSON.stringify(record));
  }

  /** Reads an accepted request's saved input, or null. */
  async getJob(requestId: string): Promise<unknown | null> {
    if (!RESULT_ID_PATTERN.test(requestId)) return null;
    await this.init();
    try {
      return JSON.parse(await readFile(path.join(this.jobsDir, `${requestId}.json`), "utf8"));
    } catch {
      return null;
    }
  }

  /** Forgets a finished request's saved input. */
  async deleteJob(requestId: string): Promise<void> {
    if (!RESULT_ID_PATTERN.test(requestId)) return;
    await rm(path.join(this.jobsDir, `${requestId}.json`), { force: true });
  }

  /** Ids of requests accepted but not finished (left by a restart), oldest first. */
  async listJobs(): Promise<string[]> {
    await this.init();
    const jobs: { id: string; at: number }[] = [];
    for (const name of await readdir(this.jobsDir)) {
      const id = name.slice(0, -".json".length);
      if (!name.endsWith(".json") || !RESULT_ID_PATTERN.test(id)) continue;
      const info = await stat(path.join(this.jobsDir, name)).catch(() => null);
      if (info) jobs.push({ id, at: info.mtimeMs });
    }
    return jobs.sort((a, b) => a.at - b.at).map((job) => job.id);
  }

  /**
   * Deletes files and results older than the age cap, then the oldest files until the total
   * size is within the size cap. The file `keep` (the one just stored) is never deleted for
   * size, even when it alone exceeds the cap or older files share its timestamp.
   */
  async sweep(keep?: string): Promise<void> {
    const cutoff = this.now() - this.options.maxAgeMs;
    const metas: StoredFileMeta[] = [];
    for (const name of await readdir(this.filesDir)) {
      if (!name.endsWith(".meta.json")) continue;
      const meta = await this.readMeta(name.slice(0, -".meta.json".length));
      if (!meta) continue;
      if (meta.createdAt < cutoff) await this.remove(meta.id);
      else metas.push(meta);
    }
    metas.sort((a, b) => a.createdAt - b.createdAt);
    let total = metas.reduce((sum, meta) => sum + meta.size, 0);
    for (const meta of metas) {
      if (total <= this.options.maxBytes) break;
      if (meta.id === keep) continue;
      await this.remove(meta.id);
      total -= meta.size;
    }
    this.totalBytes = total;
    this.lastSweepAt = this.now();
    for (const name of await readdir(this.resultsDir)) {
      const file = path.join(this.resultsDir, name);
      const info = await stat(file).catch(() => null);
      if (info && info.mtimeMs < cutoff) await rm(file, { force: true });
    }
  }

  private async readMeta(id: string): Promise<StoredFileMeta | null> {
    try {
      return JSON.parse(await readFile(path.join(this.filesDir, `${id}.meta.json`), "utf8"));
    } catch {
      return null;
    }
  }

  private async remove(id: string): Promise<void> {
    this.forget(id);
    // Metadata first: without it the file no longer counts as stored, even if the next rm fails.
    await rm(path.join(this.filesDir, `${id}.meta.json`), { force: true });
    await rm(path.join(this.filesDir, id), { force: true });
  }

  private async removeIncomplete(): Promise<void> {
    for (const dir of [this.filesDir, this.resultsDir, this.jobsDir]) {
      for (const name of await readdir(dir)) {
        if (name.includes(".tmp-")) await rm(path.join(dir, name), { force: true });
      }
    }
    for (const name of await readdir(this.filesDir)) {
      if (isFileId(name) && !(await this.readMeta(name))) {
        await rm(path.join(this.filesDir, name), { force: true });
      }
    }
  }
}

async function atomicWrite(file: string, data: Uint8Array | string): Promise<void> {
  const temp = `${file}.tmp-${randomBytes(6).toString("hex")}`;
  try {
    await writeFile(temp, data);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
