import { describe, expect, it, vi } from "vitest";
import { createUploadOnce } from "./upload-once";

/** An upload the test settles by hand, recording the signal it was given. */
function manualUpload() {
  const calls: {
    resolve: (url: string) => void;
    reject: (error: Error) => void;
    signal: AbortSignal;
  }[] = [];
  const upload = vi.fn(
    (_blob: Blob, signal: AbortSignal) =>
      new Promise<string>((resolve, reject) => calls.push({ resolve, reject, signal })),
  );
  return { upload, calls };
}

describe("createUploadOnce", () => {
  it("uploads an image once for every caller waiting at the same time", async () => {
    const { upload, calls } = manualUpload();
    const uploadOnce = createUploadOnce(upload);
    const blob = new Blob(["a"]);
    const first = uploadOnce(blob, new AbortController().signal);
    const second = uploadOnce(blob, new AbortController().signal);
    calls[0]?.resolve("https://x/a.png");
    await expect(first).resolves.toBe("https://x/a.png");
    await expect(second).resolves.toBe("https://x/a.png");
    expect(upload).toHaveBeenCalledTimes(1);
    // A finished upload is reused.
    await expect(uploadOnce(blob, new AbortController().signal)).resolves.toBe("https://x/a.png");
    expect(upload).toHaveBeenCalledTimes(1);
  });

  it("uploads different images separately", async () => {
    const { upload, calls } = manualUpload();
    const uploadOnce = createUploadOnce(upload);
    void uploadOnce(new Blob(["a"]), new AbortController().signal);
    void uploadOnce(new Blob(["b"]), new AbortController().signal);
    expect(upload).toHaveBeenCalledTimes(2);
    expect(calls).toHaveLength(2);
  });

  it("keeps the upload going while another caller still waits, and aborts it when none does", async () => {
    const { calls, upload } = manualUpload();
    const uploadOnce = createUploadOnce(upload);
    const blob = new Blob(["a"]);
    const one = new AbortController();
    const two = new AbortController();
    const first = uploadOnce(blob, one.signal);
    const second = uploadOnce(blob, two.signal);
    one.abort();
    await expect(first).rejects.toMatchObject({ name: "AbortError" });
    expect(calls[0]?.signal.aborted).toBe(false);
    two.abort();
    await expect(second).rejects.toMatchObject({ name: "AbortError" });
    expect(calls[0]?.signal.aborted).toBe(true);
    // The aborted upload is forgotten: the next caller starts a new one.
    void uploadOnce(blob, new AbortController().signal);
    expect(upload).toHaveBeenCalledTimes(2);
  });

  it("forgets a failed upload, so a retry uploads again", async () => {
    const { calls, upload } = manualUpload();
    const uploadOnce = createUploadOnce(upload);
    const blob = new Blob(["a"]);
    const failed = uploadOnce(blob, new AbortController().signal);
    calls[0]?.reject(new Error("storage down"));
    await expect(failed).rejects.toThrow("storage down");
    const retried = uploadOnce(blob, new AbortController().signal);
    expect(upload).toHaveBeenCalledTimes(2);
    calls[1]?.resolve("https://x/b.png");
    await expect(retried).resolves.toBe("https://x/b.png");
  });
});
