import { raceAbort } from "@/lib/browser/errors";

/** One upload of one image, shared by every run that needs it. */
interface SharedUpload {
  url: Promise<string>;
  /** Aborts the upload itself, once no run waits for it any more. */
  controller: AbortController;
  waiters: number;
  isSettled: boolean;
}

/** Uploads a blob (the services' `upload`), stopping when `signal` aborts. */
export type Upload = (blob: Blob, signal: AbortSignal) => Promise<string>;

/**
 * Wraps `upload` so that concurrent runs upload an image once: every caller of the same blob
 * waits for the same upload. A caller's abort only stops its own wait; the upload itself is
 * aborted once no caller waits for it any more. A failed upload is forgotten, so the next call
 * (a retry) uploads again; a finished one is reused.
 */
export function createUploadOnce(upload: Upload): Upload {
  /** Uploads in flight (and done) per image. */
  const uploads = new WeakMap<Blob, SharedUpload>();

  function start(blob: Blob): SharedUpload {
    const controller = new AbortController();
    const created: SharedUpload = {
      url: upload(blob, controller.signal),
      controller,
      waiters: 0,
      isSettled: false,
    };
    created.url.then(
      () => {
        created.isSettled = true;
      },
      () => {
        // A failed upload is forgotten, so the next run or a retry uploads again.
        created.isSettled = true;
        if (uploads.get(blob) === created) uploads.delete(blob);
      },
    );
    uploads.set(blob, created);
    return created;
  }

  return async (blob, signal) => {
    const shared = uploads.get(blob) ?? start(blob);
    shared.waiters += 1;
    const onAbort = () => {
      shared.waiters -= 1;
      if (shared.waiters > 0 || shared.isSettled) return;
      if (uploads.get(blob) === shared) uploads.delete(blob);
      shared.controller.abort();
    };
    signal.addEventListener("abort", onAbort, { once: true });
    try {
      return await raceAbort(shared.url, signal);
    } finally {
      signal.removeEventListener("abort", onAbort);
      if (!signal.aborted) shared.waiters -= 1;
    }
  };
}
