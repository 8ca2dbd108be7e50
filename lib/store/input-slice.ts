import type { StateCreator } from "zustand";
import { imageUrlSchema, type KontextImage } from "@/lib/kontext/schema";
import type { PlaygroundState } from "./playground-store";
import { withoutKey } from "./settings-slice";
import type { InputImage } from "./types";

export interface InputSlice {
  image: InputImage | null;
  /** Why the last image could not be used (the previous image, if any, is kept). */
  imageError: string | null;
  isPreparingImage: boolean;
  /** Downscale very large photos in the browser before upload (on by default). */
  shouldDownscale: boolean;
  prompt: string;
  setImageFile: (file: File) => Promise<void>;
  setImageUrl: (url: string) => Promise<void>;
  /** Edits a result further: it becomes the input image. */
  useResultAsInput: (image: KontextImage) => void;
  clearImage: () => void;
  setShouldDownscale: (value: boolean) => void;
  setPrompt: (prompt: string) => void;
}

export const createInputSlice: StateCreator<PlaygroundState, [], [], InputSlice> = (set, get) => {
  function replaceImage(image: InputImage): void {
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
      const { services, shouldDownscale } = get();
      set({ isPreparingImage: true, imageError: null });
      try {
        const prepared = await services.prepareFile(file, { downscale: shouldDownscale });
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
          remoteUrl: null,
        });
      } catch (error) {
        set({
          isPreparingImage: false,
          imageError: error instanceof Error ? error.message : "The image could not be read",
        });
      }
    },
    setImageUrl: async (url) => {
      const checked = imageUrlSchema.safeParse(url);
      if (!checked.success) {
        set({ imageError: checked.error.issues[0]?.message ?? "Invalid image URL" });
        return;
      }
      set({ isPreparingImage: true, imageError: null });
      try {
        const size = await get().services.probeUrl(checked.data);
        replaceImage({
          source: "url",
          name: new URL(checked.data).pathname.split("/").pop() || checked.data,
          previewUrl: checked.data,
          ...size,
          originalBytes: null,
          uploadBytes: null,
          originalSize: null,
          file: null,
          remoteUrl: checked.data,
        });
      } catch (error) {
        set({
          isPreparingImage: false,
          imageError:
            error instanceof Error ? error.message : "The image at that URL could not be read",
        });
      }
    },
    useResultAsInput: (image) => {
      const isDataUri = image.url.startsWith("data:");
      // A data URI (sync mode) is uploaded like a file rather than inlined in the next request.
      const file = isDataUri ? dataUriToBlob(image.url) : null;
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
        remoteUrl: isDataUri ? null : image.url,
      });
    },
    clearImage: () => {
      const previous = get().image;
      if (previous?.source === "file") get().services.revokeObjectUrl(previous.previewUrl);
      set({ image: null, imageError: null });
    },
    setShouldDownscale: (value) => set({ shouldDownscale: value }),
    setPrompt: (prompt) =>
      set((state) => ({ prompt, fieldErrors: withoutKey(state.fieldErrors, "prompt") })),
  };
};

function dataUriToBlob(uri: string): Blob {
  const comma = uri.indexOf(",");
  const type = uri.slice(5, comma).split(";")[0] || "application/octet-stream";
  const binary = atob(uri.slice(comma + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}
