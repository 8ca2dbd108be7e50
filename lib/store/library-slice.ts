import type { StateCreator } from "zustand";
import { errorMessage } from "@/lib/domain/app-error";
import { previewsByPath } from "@/lib/library/previews";
import type { LibraryEngine } from "./library-engine";
import { sliceEngine } from "./slice-engine";
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
  const loaded = sliceEngine(() =>
    import("./library-engine").then((m) => m.createLibraryEngine(set, get)),
  );
  /** `withEngine` of {@link sliceEngine}, whose failures name the library. */
  const withEngine = <T>(
    work: (engine: LibraryEngine) => T | Promise<T>,
    failed: (message: string) => T,
  ): Promise<T> =>
    loaded.withEngine(work, (reason) => failed(`The LoRA library could not be opened: ${reason}`));

  function fail(message: string): void {
    set({ libraryNotice: { tone: "error", message } });
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
