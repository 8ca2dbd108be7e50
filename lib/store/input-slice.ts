import type { StateCreator } from "zustand";
import { withoutKey } from "@/lib/domain/form";
import { ACCEPTED_IMAGE_TYPES } from "@/lib/domain/image-file";
import { imageUrlSchema } from "@/lib/kontext/schema";
import type { DecodedDataUri } from "./outcomes";
import type { InputSlice, PlaygroundState } from "./state";
import type { InputImage } from "./types";

/** The `image_url` field error `startRun` sets while an image is still being read. */
export const WAIT_FOR_IMAGE = "Wait until the image has been read";

export const createInputSlice: StateCreator<PlaygroundState, [], [], InputSlice> = (set, get) => {
  /** Bumped by every new read and by anything that supersedes one; a read keeps its value. */
  let loadToken = 0;
  /** The file the current read is preparing (null for URL reads or when nothing is read). */
  let pendingFile: File | null = null;

  function beginLoad(file: File | null): number {
    pendingFile = file;
    loadToken += 1;
    set({ isPreparingImage: true, imageError: null });
    return loadToken;
  }

  /** Supersedes any read in progress, so its result is dropped. */
  function cancelLoad(): void {
    loadToken += 1;
    pendingFile = null;
    set((state) => ({ isPreparingImage: false, fieldErrors: withoutWaitError(state) }));
  }

  function failLoad(message: string): void {
    pendingFile = null;
    set((state) => ({
      isPreparingImage: false,
      imageError: message,
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
          set({ imageError: converted.message });
          return;
        }
        return get().setImageFile(converted.file);
      }
      const checked = imageUrlSchema.safeParse(value);
      if (!checked.success) {
        cancelLoad();
        set({ imageError: checked.error.issues[0]?.message ?? "Invalid image URL" });
        return;
      }
      const token = beginLoad(null);
      try {
        const size = await get().services.probeUrl(checked.data);
        if (token !== loadToken) return;
        const name = new URL(checked.data).pathname.split("/").pop() || checked.data;
        replaceImage(urlImage(checked.data, name, size, null));
      } catch (error) {
        if (token !== loadToken) return;
        failLoad(
          error instanceof Error ? error.message : "The image at that URL could not be read",
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

/**
 * Decodes a `data:` URI (base64 or percent-encoded) into a Blob of its media type (`text/plain`
 * when none is given, as RFC 2397 says). Never throws: a malformed URI gives a message.
 */
export function dataUriToBlob(uri: string): DecodedDataUri {
  const comma = uri.indexOf(",");
  if (!/^data:/i.test(uri) || comma < 0) {
    return { ok: false, message: "That data URI is malformed: it has no comma before its data" };
  }
  const [rawType = "", ...parameters] = uri.slice(5, comma).split(";");
  const type = rawType.trim().toLowerCase() || "text/plain";
  const isBase64 = parameters.some((part) => part.trim().toLowerCase() === "base64");
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    const payload = uri.slice(comma + 1);
    if (isBase64) {
      const text = payload.replace(/%([0-9a-f]{2})/gi, (_, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      );
      const binary = atob(text.replace(/\s+/g, ""));
      bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    } else {
      bytes = percentDecode(payload);
    }
  } catch {
    return {
      ok: false,
      message: `That data URI could not be decoded: its ${isBase64 ? "base64" : "percent-encoded"} data is malformed`,
    };
  }
  if (bytes.length === 0) return { ok: false, message: "That data URI holds no data" };
  return { ok: true, blob: new Blob([bytes], { type }) };
}

/** A data URI as a File named after its type, ready for `setImageFile`. */
function dataUriToFile(uri: string): { ok: true; file: File } | { ok: false; message: string } {
  const decoded = dataUriToBlob(uri);
  if (!decoded.ok) return decoded;
  const extension = ACCEPTED_IMAGE_TYPES[decoded.blob.type]?.[0] ?? "";
  const file = new File([decoded.blob], `pasted data URI${extension}`, { type: decoded.blob.type });
  return { ok: true, file };
}

/** `%XX` escapes to bytes; other characters as UTF-8. Throws on a malformed escape. */
function percentDecode(text: string): Uint8Array<ArrayBuffer> {
  const out: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x25) {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9a-f]{2}$/i.test(hex)) throw new URIError(`Malformed escape at ${i}`);
      out.push(Number.parseInt(hex, 16));
      i += 2;
    } else if (code < 0x80) {
      out.push(code);
    } else {
      const point = text.codePointAt(i) ?? code;
      for (const byte of encoder.encode(String.fromCodePoint(point))) out.push(byte);
      if (point > 0xffff) i += 1;
    }
  }
  return Uint8Array.from(out);
}
