import type { StateCreator } from "zustand";
import { WAIT_FOR_IMAGE, withoutKey } from "@/lib/domain/form";
import type { ImageReads, InputEngine } from "./input-engine";
import { sliceEngine } from "./slice-engine";
import type { InputSlice, PlaygroundState } from "./state";
import type { PreparedFile } from "./types";

/**
 * The input slice: its state, the prompt, clearing the image and thin image actions. The reads'
 * tokens are here, so that a newer image or `clearImage` supersedes a read at once, even one still
 * waiting for the engine; the work (reading files, URLs, data URIs and results) is in
 * `./input-engine`, loaded at the first image action or when the browser is idle after the first
 * screen (`loadInputEngine`), so the first screen's JavaScript does not carry it.
 */
export const createInputSlice: StateCreator<PlaygroundState, [], [], InputSlice> = (set, get) => {
  /** The engine once loaded, for `useResultAsInput`, which then takes the result at once. */
  let loadedEngine: InputEngine | null = null;
  const { engine, withEngine } = sliceEngine(() =>
    import("./input-engine").then((m) => {
      loadedEngine = m.createInputEngine(set, get, reads);
      return loadedEngine;
    }),
  );

  const reads: ImageReads = {
    token: 0,
    pendingFile: null,
    cancel: () => {
      reads.token += 1;
      reads.pendingFile = null;
      set((state) => ({ isPreparingImage: false, fieldErrors: withoutWaitError(state) }));
    },
    fail: (message, field = "image") => {
      reads.pendingFile = null;
      set((state) => ({
        isPreparingImage: false,
        imageError: message,
        imageErrorField: field,
        fieldErrors: withoutWaitError(state),
      }));
    },
  };

  /** Starts a read, shown at once (the engine may still be loading). Returns its token. */
  function beginLoad(file: File | null): number {
    reads.pendingFile = file;
    reads.token += 1;
    set({ isPreparingImage: true, imageError: null, imageErrorField: "image" });
    return reads.token;
  }

  /**
   * `work` with the engine for the read begun with `token`; when its code cannot load, that read
   * fails, saying so (unless a newer one took its place).
   */
  const read = (
    token: number,
    work: (loaded: InputEngine) => Promise<void> | void,
    field?: "url",
  ): Promise<void> =>
    withEngine(work, (reason) => {
      if (token === reads.token) reads.fail(`The image could not be read: ${reason}`, field);
    });

  return {
    image: null,
    imageError: null,
    imageErrorField: "image",
    isPreparingImage: false,
    shouldDownscale: true,
    prompt: "",
    setImageFile: (file) => {
      const token = beginLoad(file);
      const { services, shouldDownscale } = get();
      // Started at once, so the image code loads while the engine's does.
      const prepared = new Promise<PreparedFile>((resolve) =>
        resolve(services.prepareFile(file, { downscale: shouldDownscale })),
      );
      // The engine reports its failure; when the engine cannot load, the read fails for that.
      prepared.catch(() => {});
      return read(token, (loaded) => loaded.readFile(file, token, prepared));
    },
    // Taken at once, so a newer image chosen while the URL is checked wins.
    setImageUrl: (url) => {
      const token = beginLoad(null);
      return read(token, (loaded) => loaded.readUrl(url, token), "url");
    },
    useResultAsInput: (image, source) => {
      if (loadedEngine) return loadedEngine.takeResult(image, source);
      // Until the engine is here the result is read like an image: a newer one still wins.
      const token = beginLoad(null);
      void read(token, (loaded) => {
        if (token === reads.token) loaded.takeResult(image, source);
      });
    },
    restoreImage: (url, options) => {
      const token = beginLoad(null);
      return read(token, (loaded) => loaded.restoreImage(url, options, token));
    },
    loadInputEngine: async () => {
      await engine();
    },
    clearImage: () => {
      reads.cancel();
      const previous = get().image;
      if (previous?.source === "file") get().services.revokeObjectUrl(previous.previewUrl);
      set({ image: null, imageError: null });
    },
    setShouldDownscale: async (value) => {
      if (value === get().shouldDownscale) return;
      set({ shouldDownscale: value });
      const { isPreparingImage, image } = get();
      // A URL being read is not affected; a file being read is read again with the new setting.
      const file = isPreparingImage ? reads.pendingFile : (image?.originalFile ?? null);
      if (file) await get().setImageFile(file);
    },
    setPrompt: (prompt) =>
      set((state) => ({ prompt, fieldErrors: withoutKey(state.fieldErrors, "prompt") })),
  };
};

function withoutWaitError(state: PlaygroundState): Record<string, string> {
  return state.fieldErrors.image_url === WAIT_FOR_IMAGE
    ? withoutKey(state.fieldErrors, "image_url")
    : state.fieldErrors;
}
