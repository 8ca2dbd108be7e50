import type { StateCreator } from "zustand";
import { errorMessage } from "@/lib/domain/app-error";
import { type OpenedFileKind, openedFileKind } from "@/lib/history/opened-file";
import { coordinate } from "./coordination";
import { sliceEngine } from "./slice-engine";
import type { PlaygroundState, TransferSlice } from "./state";

/**
 * Import and export: the notice, and opening a plain image, are here; the work (opening zips,
 * sidecars, PNGs with settings and shared links, exporting runs, saving an image with its
 * settings) is in `./transfer-engine`, loaded at the first call that needs it — so a session that
 * opens a photo and runs edits never downloads it.
 */
export const createTransferSlice: StateCreator<PlaygroundState, [], [], TransferSlice> = (
  set,
  get,
) => {
  /** Cross-slice work goes through one place. */
  const on = coordinate(get);
  const { withEngine } = sliceEngine(() =>
    import("./transfer-engine").then((m) => m.createTransferEngine(set, get)),
  );

  function fail(message: string): void {
    set({ transferNotice: { tone: "error", message } });
  }

  return {
    transferNotice: null,
    dismissTransferNotice: () => set({ transferNotice: null }),
    openFile: async (file) => {
      let kind: OpenedFileKind;
      try {
        // A file opened while the history is still loading must not race it (the saved draft
        // would overwrite restored settings; a run saved by the import would be loaded twice).
        await on.loaded();
        kind = openedFileKind(file, new Uint8Array(await file.slice(0, 8).arrayBuffer()));
        if (kind === "image") {
          set({ transferNotice: null });
          return await on.openImage(file);
        }
      } catch (error) {
        return fail(`${file.name} could not be read: ${errorMessage(error)}`);
      }
      return withEngine(
        (loaded) => loaded.openFile(file, kind),
        (reason) => fail(`${file.name} could not be read: ${reason}`),
      );
    },
    openSharedRecipe: (token) =>
      withEngine(
        (loaded) => loaded.openSharedRecipe(token),
        (reason) => fail(`The shared link could not be opened: ${reason}`),
      ),
    exportRuns: (runIds, options) =>
      withEngine(
        (loaded) => loaded.exportRuns(runIds, options),
        (reason) => {
          fail(`The export failed: ${reason}`);
          return null;
        },
      ),
    resultBlob: (runId, index) =>
      withEngine(
        (loaded) => loaded.resultBlob(runId, index),
        () => null,
      ),
  };
};
