import type { StoreApi } from "zustand";
import { dataUriToBlob } from "@/lib/browser/data-uri";
import { withoutKey } from "@/lib/domain/form";
import { inFormWords } from "@/lib/domain/form-words";
import { ACCEPTED_IMAGE_TYPES } from "@/lib/domain/image-types";
import type { InputSlice, PlaygroundState } from "./state";
import type { InputImage, PreparedFile } from "./types";

/**
 * The image reads' bookkeeping, kept by `./input-slice` so that whatever supersedes a read (a
 * newer image, `clearImage`) does so at once, even while this module's code is still loading.
 */
export interface ImageReads {
  /** Bumped by every new read and by anything that supersedes one; a read keeps its value. */
  token: number;
  /** The file the current read is preparing (null for URL reads or when nothing is read). */
  pendingFile: File | null;
  /** Supersedes any read in progress, so its result is dropped. */
  cancel: () => void;
  /** Ends the current read with `message` as the image error, at `field`. */
  fail: (message: string, field?: "image" | "url") => void;
}

/** What the input engine does: the rest of the input slice's image actions (see `InputSlice`). */
export interface InputEngine {
  /** The rest of `setImageFile`, for the read begun with `token`: its file being `prepared`. */
  readFile: (file: File, token: number, prepared: Promise<PreparedFile>) => Promise<void>;
  /** The rest of `setImageUrl`, for the read begun with `token`. */
  readUrl: (url: string, token: number) => Promise<void>;
  /** The rest of `restoreImage`, for the read begun with `token`. */
  restoreImage: (
    url: string,
    options: Parameters<InputSlice["restoreImage"]>[1],
    token: number,
  ) => Promise<void>;
  /** `useResultAsInput` (named so, not to pass for a React hook). */
  takeResult: InputSlice["useResultAsInput"];
}

/**
 * The input slice's work, loaded at the first image action or when the browser is idle after the
 * first screen (`./input-slice` keeps the state, the reads' tokens and thin actions): reading
 * files, URLs, data URIs and results into the input image. A read whose token is no longer the
 * newest when it finishes is dropped.
 */
export function createInputEngine(
  set: StoreApi<PlaygroundState>["setState"],
  get: StoreApi<PlaygroundState>["getState"],
  reads: ImageReads,
): InputEngine {
  const isStale = (token: number): boolean => token !== reads.token;

  function replaceImage(image: InputImage): void {
    reads.pendingFile = null;
    const previous = get().image;
    if (previous?.source === "file") get().services.revokeObjectUrl(previous.previewUrl);
    set((state) => ({
      image,
      imageError: null,
      isPreparingImage: false,
      fieldErrors: withoutKey(state.fieldErrors, "image_url"),
    }));
  }

  return {
    readFile: async (file, token, prepared) => {
      try {
        const read = await prepared;
        if (isStale(token)) return;
        const current = get().image;
        if (current?.originalFile === file && current.file === read.file) {
          // Prepared again to the very same upload (e.g. the downscale setting did not matter):
          // keep the image, its preview and its uploaded URL (this read was the newest: nothing
          // else is superseded).
          reads.cancel();
          return;
        }
        const { services } = get();
        replaceImage({
          source: "file",
          name: file.name || "pasted image",
          previewUrl: services.createObjectUrl(read.file),
          width: read.width,
          height: read.height,
          originalBytes: read.originalBytes,
          uploadBytes: read.file.size,
          originalSize: read.originalSize,
          file: read.file,
          originalFile: file,
          remoteUrl: null,
          parentRunId: null,
        });
      } catch (error) {
        if (isStale(token)) return;
        reads.fail(error instanceof Error ? error.message : "The image could not be read");
      }
    },
    readUrl: async (url, token) => {
      if (isStale(token)) return;
      const value = url.trim();
      if (/^data:/i.test(value)) {
        const converted = dataUriToFile(value);
        if (!converted.ok) {
          reads.cancel();
          set({ imageError: converted.message, imageErrorField: "url" });
          return;
        }
        return get().setImageFile(converted.file);
      }
      // The URL's check (zod) loads at the first URL, not with the first screen.
      const { imageUrlSchema } = await import("@/lib/kontext/schema");
      if (isStale(token)) return;
      const checked = imageUrlSchema.safeParse(value);
      if (!checked.success) {
        reads.cancel();
        const message = checked.error.issues[0]?.message ?? "image_url is not a valid URL";
        set({ imageError: inFormWords(message), imageErrorField: "url" });
        return;
      }
      try {
        const size = await get().services.probeUrl(checked.data);
        if (isStale(token)) return;
        const name = new URL(checked.data).pathname.split("/").pop() || checked.data;
        replaceImage(urlImage(checked.data, name, size, null));
      } catch (error) {
        if (isStale(token)) return;
        reads.fail(
          error instanceof Error ? error.message : "The image at that URL could not be read",
          "url",
        );
      }
    },
    takeResult: (image, source) => {
      reads.cancel();
      const isDataUri = image.url.startsWith("data:");
      // A data URI (sync mode) is uploaded like a file rather than inlined in the next request.
      const decoded = isDataUri ? dataUriToBlob(image.url) : null;
      if (decoded && !decoded.ok) {
        set({ imageError: decoded.message });
        return;
      }
      const file = decoded?.blob ?? null;
      replaceImage({
        source: "result",
        name: "previous result",
        previewUrl: image.url,
        width: image.width,
        height: image.height,
        originalBytes: file?.size ?? null,
        uploadBytes: file?.size ?? null,
        originalSize: null,
        file,
        originalFile: null,
        remoteUrl: isDataUri ? null : image.url,
        parentRunId: source?.runId ?? null,
      });
    },
    restoreImage: async (url, options = {}, token) => {
      if (isStale(token)) return;
      const { fallback = null, parentRunId = null, name = "earlier input" } = options;
      if (/^data:/i.test(url)) return get().setImageUrl(url);
      try {
        const size = await get().services.probeUrl(url);
        if (isStale(token)) return;
        replaceImage(urlImage(url, name, size, parentRunId));
      } catch {
        if (isStale(token)) return;
        if (!fallback) {
          reads.fail(
            "The input image is no longer available (its URL expired and no copy was kept); choose the image again",
          );
          return;
        }
        const type = fallback.type || "image/png";
        const extension = type.split("/")[1]?.replace("jpeg", "jpg") ?? "png";
        await get().setImageFile(new File([fallback], `${name}.${extension}`, { type }));
        const image = get().image;
        if (image && image.file !== null && parentRunId) set({ image: { ...image, parentRunId } });
      }
    },
  };
}

/** An input image read from a URL (nothing to upload: the URL is sent as it is). */
function urlImage(
  url: string,
  name: string,
  size: { width: number; height: number },
  parentRunId: string | null,
): InputImage {
  return {
    source: "url",
    name,
    previewUrl: url,
    width: size.width,
    height: size.height,
    originalBytes: null,
    uploadBytes: null,
    originalSize: null,
    file: null,
    originalFile: null,
    remoteUrl: url,
    parentRunId,
  };
}

/** A data URI as a File named after its type, ready for `setImageFile`. */
function dataUriToFile(uri: string): { ok: true; file: File } | { ok: false; message: string } {
  const decoded = dataUriToBlob(uri);
  if (!decoded.ok) return decoded;
  const extension = ACCEPTED_IMAGE_TYPES[decoded.blob.type]?.[0] ?? "";
  const file = new File([decoded.blob], `pasted data URI${extension}`, { type: decoded.blob.type });
  return { ok: true, file };
}
