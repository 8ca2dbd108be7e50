import type { StateCreator } from "zustand";
import { errorMessage } from "@/lib/domain/app-error";
import { loadOnce } from "@/lib/domain/load-once";
import { previewsByPath } from "@/lib/library/previews";
import type { LibraryEngine } from "./library-engine";
import type { LibrarySlice, PlaygroundState } from "./state";

/**
 * The LoRA library: its state is here, and reading it at startup (the first screen shows how many
 * LoRAs are saved); the work that changes it (saving, deleting, importing, exporting, pinning, and
 * the curated LoRAs it checks against) is in `./library-engine`, loaded at the first action that
 * needs it, so a session that never touches the library never downloads it. The selector is in
 * `./library-selectors`.
 */
export const createLibrarySlice: StateCreator<PlaygroundState, [], [], LibrarySlice> = (
  set,
  get,
) => {
  let loading: Promise<void> | null = null;
  /**
   * The library's work, loaded once per store. Every action waits on this one load, so actions
   * called before it finished run in the order they were called.
   */
  const engine = loadOnce(() =>
    import("./library-engine").then((m) => m.createLibraryEngine(set, get)),
  );

  function fail(message: string): void {
    set({ libraryNotice: { tone: "error", message } });
  }

  /**
   * `work` with the engine; when its code cannot be loaded (offline, or a new deploy), `failed`
   * answers with the message, and the next call tries to load it again.
   */
  async function withEngine<T>(
    work: (loaded: LibraryEngine) => T | Promise<T>,
    failed: (message: string) => T,
  ): Promise<T> {
    let loaded: LibraryEngine;
    try {
      loaded = await engine();
    } catch (error) {
      return failed(`The LoRA library could not be opened: ${errorMessage(error)}`);
    }
    return work(loaded);
  }
  /** The failure of an action whose failures go to the notice. */
  const noticed =
    <T>(answer: (message: string) => T) =>
    (message: string): T => {
      fail(message);
      return answer(message);
    };

  async function load(): Promise<void> {
    const library = get().services.library;
    try {
      const saved = library ? await library.load() : { loras: [], previews: [] };
      set((state) => {
        const ids = new Set(saved.loras.map((lora) => lora.id));
        return {
          userLoras: [...saved.loras, ...state.userLoras.filter((lora) => !ids.has(lora.id))],
          previews: { ...previewsByPath(saved.previews), ...state.previews },
        };
      });
    } catch (error) {
      fail(`Your LoRA library could not be loaded: ${errorMessage(error)}`);
    } finally {
      set({ isLibraryLoaded: true });
    }
  }

  return {
    userLoras: [],
    previews: {},
    isLibraryLoaded: false,
    libraryNotice: null,
    dismissLibraryNotice: () => set({ libraryNotice: null }),
    // Every session reads the library at startup (through `hydrate`): that needs none of the
    // engine, which would otherwise load with every first screen.
    loadLibrary: () => {
      loading ??= load();
      return loading;
    },
    saveUserLora: (input, id) =>
      withEngine(
        (loaded) => loaded.saveUserLora(input, id),
        noticed((message) => ({ ok: false, errors: {}, message })),
      ),
    deleteUserLora: (id) =>
      withEngine(
        (loaded) => loaded.deleteUserLora(id),
        noticed(() => false),
      ),
    importLibrary: (text, source) =>
      withEngine(
        (loaded) => loaded.importLibrary(text, source),
        noticed((message) => ({ ok: false, message })),
      ),
    exportLibrary: () =>
      withEngine(
        (loaded) => loaded.exportLibrary(),
        noticed(() => null),
      ),
    pinPreview: (runId, imageIndex, loraPath) =>
      withEngine(
        (loaded) => loaded.pinPreview(runId, imageIndex, loraPath),
        (message) => ({ ok: false, message }),
      ),
    pinCardPreview: (path, source, sourceUrl) =>
      withEngine(
        (loaded) => loaded.pinCardPreview(path, source, sourceUrl),
        (message) => ({ ok: false, message }),
      ),
    unpinPreview: (path) =>
      withEngine(
        (loaded) => loaded.unpinPreview(path),
        noticed(() => undefined),
      ),
  };
};
