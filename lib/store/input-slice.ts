import type { StateCreator } from "zustand";
import { dataUriToBlob } from "@/lib/browser/data-uri";
import { inFormWords, WAIT_FOR_IMAGE, withoutKey } from "@/lib/domain/form";
import { ACCEPTED_IMAGE_TYPES } from "@/lib/domain/image-file";
import type { InputSlice, PlaygroundState } from "./state";
import type { InputImage } from "./types";

export const createInputSlice: StateCreator<PlaygroundState, [], [], InputSlice> = (set, get) => {
  /** Bumped by every new read and by anything that supersedes one; a read keeps its value. */
  let loadToken = 0;
  /** The file the current read is preparing (null for URL reads or when nothing is read). */
  let pendingFile: File | null = null;

  function beginLoad(file: File | null): number {
    pendingFile = file;
    loadToken += 1;
    set({ isPreparingImage: true, imageError: null, imageErrorField: "image" });
    return loadToken;
  }

  /** Supersedes any read in progress, so its result is dropped. */
  function cancelLoad(): void {
    loadToken += 1;
    pendingFile = null;
    set((state) => ({ isPreparingImage: false, fieldErrors: withoutWaitError(state) }));
  }

  function failLoad(message: string, field: "image" | "url" = "image"): void {
    pendingFile = null;
    set((state) => ({
      isPreparingImage: false,
      imageError: message,
      imageErrorField: field,
      fieldErrors: withoutWaitError(state),
    }));
  }

  function replaceImage(image: InputImage): void {
    pendingFile = null;
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
    image: null,
    imageError: null,
    imageErrorField: "image",
    isPreparingImage: false,
    shouldDownscale: true,
    prompt: "",
    setImageFile: async (file) => {
      const token = beginLoad(file);
      const { services, shouldDownscale } = get();
      try {
        const prepared = await services.prepareFile(file, { downscale: shouldDownscale });
        if (token !== loadToken) return;
        const current = get().image;
        if (current?.originalFile === file && current.file === prepared.file) {
          // Prepared again to the very same upload (e.g. the downscale setting did not matter):
          // keep the image, its preview and its uploaded URL.
          pendingFile = null;
          set((state) => ({ isPreparingImage: false, fieldErrors: withoutWaitError(state) }));
          return;
        }
        replaceImage({
          source: "file",
          name: file.name || "pasted image",
          previewUrl: services.createObjectUrl(prepared.file),
          width: prepared.width,
          height: prepared.height,
          originalBytes: prepared.originalBytes,
          uploadBytes: prepared.file.size,
          originalSize: prepared.originalSize,
          file: prepared.file,
          originalFile: file,
          remoteUrl: null,
          parentRunId: null,
        });
      } catch (error) {
        if (token !== loadToken) return;
        failLoad(error instanceof Error ? error.message : "The image could not be read");
      }
    },
    setImageUrl: async (url) => {
      const value = url.trim();
      if (/^data:/i.test(value)) {
        const converted = dataUriToFile(value);
        if (!converted.ok) {
          cancelLoad();
          set({ imageError: converted.message, imageErrorField: "url" });
          return;
        }
        return get().setImageFile(converted.file);
      }
      // Taken at once, so a newer image chosen while the check loads wins.
      const token = beginLoad(null);
      // The URL's check (zod) loads at the first URL, not with the first screen.
      const { imageUrlSchema } = await import("@/lib/kontext/schema");
      if (token !== loadToken) return;
      const checked = imageUrlSchema.safeParse(value);
      if (!checked.success) {
        cancelLoad();
        const message = checked.error.issues[0]?.message ?? "image_url is not a valid URL";
        set({ imageError: inFormWords(message), imageErrorField: "url" });
        return;
      }
      try {
        const size = await get().services.probeUrl(checked.data);
        if (token !== loadToken) return;
        const name = new URL(checked.data).pathname.split("/").pop() || checked.data;
        replaceImage(urlImage(checked.data, name, size, null));
      } catch (error) {
        if (token !== loadToken) return;
        failLoad(
          error instanceof Error ? error.message : "The image at that URL could not be read",
          "url",
        );
      }
    },
    useResultAsInput: (image, source) => {
      cancelLoad();
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
    restoreImage: async (url, options = {}) => {
      const { fallback = null, parentRunId = null, name = "earlier input" } = options;
      if (/^data:/i.test(url)) return get().setImageUrl(url);
      const token = beginLoad(null);
      try {
        const size = await get().services.probeUrl(url);
        if (token !== loadToken) return;
        replaceImage(urlImage(url, name, size, parentRunId));
      } catch {
        if (token !== loadToken) return;
        if (!fallback) {
          failLoad(
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
    clearImage: () => {
      cancelLoad();
      const previous = get().image;
      if (previous?.source === "file") get().services.revokeObjectUrl(previous.previewUrl);
      set({ image: null, imageError: null });
    },
    setShouldDownscale: async (value) => {
      if (value === get().shouldDownscale) return;
      set({ shouldDownscale: value });
      const { isPreparingImage, image } = get();
      // A URL being read is not affected; a file being read is read again with the new setting.
      const file = isPreparingImage ? pendingFile : (image?.originalFile ?? null);
      if (file) await get().setImageFile(file);
    },
    setPrompt: (prompt) =>
      set((state) => ({ prompt, fieldErrors: withoutKey(state.fieldErrors, "prompt") })),
  };
};

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

function withoutWaitError(state: PlaygroundState): Record<string, string> {
  return state.fieldErrors.image_url === WAIT_FOR_IMAGE
    ? withoutKey(state.fieldErrors, "image_url")
    : state.fieldErrors;
}

/** A data URI as a File named after its type, ready for `setImageFile`. */
function dataUriToFile(uri: string): { ok: true; file: File } | { ok: false; message: string } {
  const decoded = dataUriToBlob(uri);
  if (!decoded.ok) return decoded;
  const extension = ACCEPTED_IMAGE_TYPES[decoded.blob.type]?.[0] ?? "";
  const file = new File([decoded.blob], `pasted data URI${extension}`, { type: decoded.blob.type });
  return { ok: true, file };
}
