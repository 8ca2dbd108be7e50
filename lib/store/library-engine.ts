import type { StateCreator } from "zustand";
import { errorMessage } from "@/lib/domain/app-error";
import { clampScale } from "@/lib/domain/run";
import { findKnownLora, KNOWN_LORAS, loraLabel } from "@/lib/kontext/known-loras";
import {
  LIBRARY_LIMITS,
  libraryFilename,
  libraryJsonText,
  MAX_LIBRARY_FILE_BYTES,
} from "@/lib/library/library-file";
import { previewsByPath } from "@/lib/library/previews";
import type { LibraryChange, LibraryContents, LoraPreview, UserLora } from "@/lib/library/types";
import { selectLibraryLora } from "./library-selectors";
import type { DownloadFile, ImportLibraryResult } from "./outcomes";
import { runOf } from "./selectors";
import type { LibrarySlice, PlaygroundState } from "./state";

// The library's work: the library slice's actions that change it, loaded at the slice's first
// call that needs them (see `createLibrarySlice`), so the first screen's JavaScript carries
// neither this code nor the curated LoRAs it checks against.

type SliceArgs = Parameters<StateCreator<PlaygroundState, [], [], LibrarySlice>>;

/**
 * The library's work as the slice calls it: its actions that change the library (`exportLibrary`
 * synchronous here; the slice's waits for this code).
 */
export type LibraryEngine = Pick<
  LibrarySlice,
  | "saveUserLora"
  | "deleteUserLora"
  | "importLibrary"
  | "pinPreview"
  | "pinCardPreview"
  | "unpinPreview"
> & { exportLibrary: () => DownloadFile };

const KNOWN_PATHS: ReadonlySet<string> = new Set(KNOWN_LORAS.map((lora) => lora.path));

/** The library slice's actions that save, delete, import, export and pin, on `set` and `get`. */
export function createLibraryEngine(set: SliceArgs[0], get: SliceArgs[1]): LibraryEngine {
  /** Persists a change (when there is a library service); rejects as the service does. */
  async function write(change: LibraryChange): Promise<void> {
    await get().services.library?.write(change);
  }

  function fail(message: string): void {
    set({ libraryNotice: { tone: "error", message } });
  }

  /** Makes a thumbnail from the cached copy of `url`, else from the URL. Never rejects. */
  async function thumbnailOf(url: string): Promise<string | null> {
    const { makeThumbnail, images } = get().services;
    if (!makeThumbnail) return null;
    const cached = images ? await images.get(url).catch(() => null) : null;
    return makeThumbnail(cached ?? url).catch(() => null);
  }

  return {
    saveUserLora: async (input, id) => {
      const { checkUserLoraInput } = await import("@/lib/library/validation");
      const checked = checkUserLoraInput(input);
      if (!checked.ok) return checked;
      const { userLoras, previews, services } = get();
      const existing = id === undefined ? undefined : userLoras.find((lora) => lora.id === id);
      if (id !== undefined && !existing) {
        const message = "That LoRA is no longer in your library";
        fail(message);
        return { ok: false, errors: {}, message };
      }
      const { path } = checked.value;
      const known = findKnownLora(path);
      const twin = userLoras.find((lora) => lora.path === path && lora.id !== id);
      if (known || twin) {
        const name = known ? `the curated “${known.name}”` : `“${twin?.name}”`;
        return { ok: false, errors: { path: `This LoRA is in the library already, as ${name}` } };
      }
      const lora: UserLora = {
        ...checked.value,
        id: existing?.id ?? services.newId(),
        createdAt: existing?.createdAt ?? services.now(),
      };
      // A new path takes the old path's preview along.
      const moved = existing && existing.path !== path ? previews[existing.path] : undefined;
      const movedPreview = moved ? { ...moved, path } : undefined;
      try {
        await write({
          putLoras: [lora],
          ...(moved && movedPreview
            ? { deletePreviewPaths: [moved.path], putPreviews: [movedPreview] }
            : {}),
        });
      } catch (error) {
        const message = `${lora.name} was not saved: ${errorMessage(error)}`;
        fail(message);
        return { ok: false, errors: {}, message };
      }
      set((state) => {
        const next = { ...state.previews };
        if (moved && movedPreview) {
          delete next[moved.path];
          next[path] = movedPreview;
        }
        return {
          userLoras: existing
            ? state.userLoras.map((other) => (other.id === lora.id ? lora : other))
            : [...state.userLoras, lora],
          previews: next,
          libraryNotice: {
            tone: "success",
            message: existing
              ? `Saved the changes to ${lora.name}`
              : `Saved ${lora.name} to your library`,
          },
        };
      });
      return { ok: true, lora };
    },
    deleteUserLora: async (id) => {
      const lora = get().userLoras.find((candidate) => candidate.id === id);
      if (!lora) return false;
      const hasPreview = lora.path in get().previews && !KNOWN_PATHS.has(lora.path);
      try {
        await write({
          deleteLoraIds: [id],
          ...(hasPreview ? { deletePreviewPaths: [lora.path] } : {}),
        });
      } catch (error) {
        fail(`${lora.name} was not deleted: ${errorMessage(error)}`);
        return false;
      }
      set((state) => {
        const previews = { ...state.previews };
        if (hasPreview) delete previews[lora.path];
        return {
          userLoras: state.userLoras.filter((other) => other.id !== id),
          previews,
          libraryNotice: { tone: "success", message: `Deleted ${lora.name} from your library` },
        };
      });
      return true;
    },
    importLibrary: async (text, source = "The file") => {
      const refuse = (reason: string): ImportLibraryResult => {
        const message = `${source} was not imported: ${reason}. Your library is unchanged.`;
        fail(message);
        return { ok: false, message };
      };
      if (text.length > MAX_LIBRARY_FILE_BYTES) return refuse("it is too large for a library");
      const { mergeLibrary, parseLibraryJson } = await import("@/lib/library/library-json");
      const parsed = parseLibraryJson(text);
      if (!parsed.ok) return refuse(parsed.message);
      const { userLoras, previews, services } = get();
      const current: LibraryContents = { loras: userLoras, previews: Object.values(previews) };
      const merge = mergeLibrary(current, parsed.library, {
        newId: services.newId,
        knownPaths: KNOWN_PATHS,
      });
      try {
        await write({ putLoras: merge.changed.loras, putPreviews: merge.changed.previews });
      } catch (error) {
        return refuse(errorMessage(error));
      }
      const { added, updated, unchanged } = merge;
      const parts = [`${added} added`, `${updated} updated`];
      if (unchanged > 0) parts.push(`${unchanged} already in your library`);
      if (merge.previews > 0) {
        parts.push(`${merge.previews} ${merge.previews === 1 ? "preview" : "previews"}`);
      }
      set({
        userLoras: merge.library.loras,
        previews: previewsByPath(merge.library.previews),
        libraryNotice: { tone: "success", message: `Imported ${source}: ${parts.join(", ")}` },
      });
      return { ok: true, added, updated, unchanged, previews: merge.previews };
    },
    exportLibrary: () => {
      const { userLoras, previews, services } = get();
      const now = services.now();
      const contents: LibraryContents = { loras: userLoras, previews: Object.values(previews) };
      const count = userLoras.length;
      const pinned = contents.previews.length;
      set({
        libraryNotice: {
          tone: "success",
          message: `Exported ${count} ${count === 1 ? "LoRA" : "LoRAs"} and ${pinned} ${pinned === 1 ? "preview" : "previews"}`,
        },
      });
      return {
        blob: new Blob([libraryJsonText(contents, now)], { type: "application/json" }),
        filename: libraryFilename(now),
      };
    },
    pinPreview: async (runId, imageIndex, loraPath) => {
      const run = runOf(get(), runId);
      const image = run?.output?.images[imageIndex];
      const used = run?.request.loras.find((lora) => lora.path === loraPath);
      if (!run || !image) return { ok: false, message: "That result is no longer there" };
      if (!used) return { ok: false, message: "That run was not made with this LoRA" };
      const thumbnail = await thumbnailOf(image.url);
      if (!thumbnail) {
        return { ok: false, message: "No thumbnail could be made: the image could not be read" };
      }
      const { services, userLoras } = get();
      const saved = userLoras.find((lora) => lora.path === loraPath);
      const known = findKnownLora(loraPath);
      const preview: LoraPreview = { path: loraPath, thumbnail, runId, pinnedAt: services.now() };
      const added: UserLora | null =
        saved || known
          ? null
          : {
              id: services.newId(),
              name: loraLabel(loraPath).slice(0, LIBRARY_LIMITS.maxNameChars),
              path: loraPath,
              trigger: "",
              scale: clampScale(used.scale),
              notes: "",
              createdAt: services.now(),
            };
      try {
        await write({ putPreviews: [preview], ...(added ? { putLoras: [added] } : {}) });
      } catch (error) {
        return { ok: false, message: `The preview was not saved: ${errorMessage(error)}` };
      }
      set((state) => ({
        previews: { ...state.previews, [loraPath]: preview },
        userLoras: added ? [...state.userLoras, added] : state.userLoras,
      }));
      return {
        ok: true,
        name: saved?.name ?? known?.name ?? added?.name ?? loraPath,
        isNewToLibrary: added !== null,
      };
    },
    pinCardPreview: async (path, source, sourceUrl) => {
      const { makeThumbnail } = get().services;
      const thumbnail = makeThumbnail ? await makeThumbnail(source).catch(() => null) : null;
      if (!thumbnail) return { ok: false, message: "The card's image could not be read" };
      const preview: LoraPreview = {
        path,
        thumbnail,
        sourceUrl,
        pinnedAt: get().services.now(),
      };
      try {
        await write({ putPreviews: [preview] });
      } catch (error) {
        return { ok: false, message: `The preview was not saved: ${errorMessage(error)}` };
      }
      set((state) => ({ previews: { ...state.previews, [path]: preview } }));
      return { ok: true };
    },
    unpinPreview: async (path) => {
      if (!(path in get().previews)) return;
      try {
        await write({ deletePreviewPaths: [path] });
      } catch (error) {
        fail(`The preview was not removed: ${errorMessage(error)}`);
        return;
      }
      set((state) => {
        const previews = { ...state.previews };
        delete previews[path];
        const name = selectLibraryLora(path)(state)?.name ?? loraLabel(path);
        return {
          previews,
          libraryNotice: { tone: "success", message: `Removed the preview of ${name}` },
        };
      });
    },
  };
}
