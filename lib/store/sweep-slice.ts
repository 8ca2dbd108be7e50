import type { StateCreator } from "zustand";
import { errorMessage } from "@/lib/domain/app-error";
import { randomSeed } from "@/lib/domain/settings";
import type { SweepRecord } from "@/lib/sweep/record";
import { historyAlert } from "./alerts";
import { coordinate } from "./coordination";
import type { AxisInput } from "./outcomes";
import { sliceEngine } from "./slice-engine";
import type { PlaygroundState, SweepSlice } from "./state";
import {
  DEFAULT_SWEEP_CONCURRENCY,
  DEFAULT_SWEEP_FORM,
  MAX_SWEEP_CONCURRENCY,
} from "./sweep-defaults";

/** The ids of every run that belongs to a sweep (shown in its grid, not as a run of its own). */
export function selectSweepRunIds(state: Pick<PlaygroundState, "sweeps">): Set<string> {
  const ids = new Set<string>();
  for (const sweep of state.sweeps) {
    for (const cell of sweep.cells) if (cell.runId) ids.add(cell.runId);
  }
  return ids;
}

const hasPendingCell = (sweep: SweepRecord): boolean =>
  sweep.cells.some((cell) => cell.status === "pending");

const hasFileImages = (axes: readonly AxisInput[]): boolean =>
  axes.some((axis) => axis.images?.some((image) => image.source === "file"));

/**
 * The sweep slice: its state, the setters of the Sweep panel's form, and thin actions. The work
 * (planning, uploading, pumping cells, reading axis images) is in `./sweep-engine`, loaded at the
 * first action that needs it, so the first screen's JavaScript does not carry it: most sessions
 * never sweep.
 */
export const createSweepSlice: StateCreator<PlaygroundState, [], [], SweepSlice> = (set, get) => {
  const on = coordinate(get);
  // With the runs' code, in parallel: the engine starts its cells as runs.
  const { engine, withEngine } = sliceEngine(() =>
    Promise.all([import("./sweep-engine"), on.runEngineLoaded()]).then(([m]) =>
      m.createSweepEngine(set, get),
    ),
  );

  const alertLoadFailure = (message: string): void =>
    set({ alert: historyAlert(`Sweeps could not be loaded: ${message}`) });

  return {
    sweeps: [],
    sweepForm: DEFAULT_SWEEP_FORM,
    setSweepForm: (axes) => set({ sweepForm: axes.slice(0, 2), sweepError: null }),
    sweepFormSeed: randomSeed(),
    sweepFormConcurrency: DEFAULT_SWEEP_CONCURRENCY,
    setSweepFormOptions: ({ seed, concurrency }) =>
      set((state) => ({
        sweepFormSeed: seed ?? state.sweepFormSeed,
        sweepFormConcurrency:
          concurrency === undefined
            ? state.sweepFormConcurrency
            : Math.min(MAX_SWEEP_CONCURRENCY, Math.max(1, Math.round(concurrency))),
      })),
    isSweepSetupLoaded: false,
    loadSweepSetup: async () => {
      try {
        const setup = (await get().services.history?.loadSweepSetup?.()) ?? null;
        if (setup) {
          set({
            sweepForm: setup.axes.slice(0, 2),
            sweepFormSeed: setup.seed,
            sweepFormConcurrency: setup.concurrency,
          });
          // Not awaited: the page is ready before the axis's images are decoded.
          void get().readSweepImages();
        }
      } catch (error) {
        set({ alert: historyAlert(`The sweep setup could not be read: ${errorMessage(error)}`) });
      } finally {
        set({ isSweepSetupLoaded: true });
      }
    },
    sweepError: null,
    sweepImageFiles: {},
    readingSweepImages: [],
    sweepImageError: null,
    addSweepImages: (axisIndex, files) =>
      withEngine(
        (loaded) => loaded.addSweepImages(axisIndex, files),
        (message) => set({ sweepImageError: `The images could not be added: ${message}` }),
      ),
    removeSweepImage: (axisIndex, id) =>
      withEngine((loaded) => loaded.removeSweepImage(axisIndex, id), alertLoadFailure),
    readSweepImages: async () => {
      // Called after every load of the saved setup and when the downscale setting changes: with
      // no file on an image axis there is nothing to read, and the engine is not loaded for it.
      if (!hasFileImages(get().sweepForm)) return;
      await withEngine((loaded) => loaded.readSweepImages(), alertLoadFailure);
    },
    startSweep: (axes, options) =>
      withEngine(
        (loaded) => loaded.startSweep(axes, options),
        (message) => {
          set({ sweepError: `The sweep could not start: ${message}` });
          return null;
        },
      ),
    cancelSweep: (sweepId) => withEngine((loaded) => loaded.cancelSweep(sweepId), alertLoadFailure),
    retryFailedCells: (sweepId) =>
      withEngine((loaded) => loaded.retryFailedCells(sweepId), alertLoadFailure),
    setSweepConcurrency: (sweepId, concurrency) =>
      withEngine((loaded) => loaded.setSweepConcurrency(sweepId, concurrency), alertLoadFailure),
    deleteSweep: (sweepId) => withEngine((loaded) => loaded.deleteSweep(sweepId), alertLoadFailure),
    pumpSweeps: async () => {
      // Called as every run finishes and once the history is loaded: with no pending cell there
      // is nothing to start, so a session that never sweeps never loads the engine.
      if (!get().sweeps.some(hasPendingCell)) return;
      await withEngine((loaded) => loaded.pumpSweeps(), alertLoadFailure);
    },
    importSweeps: async (records) => {
      // Every import of an export calls this; one without sweeps does not load the engine. A
      // failed load rejects: the import says it was only partly imported.
      if (records.length === 0) return 0;
      return (await engine()).importSweeps(records);
    },
    // Synchronous, in the hydration's tick (so a sweep's runs never show as runs of their own),
    // and cheap: it stays here rather than in the engine.
    restoreSweeps: (records) => {
      const known = new Set(get().sweeps.map((sweep) => sweep.id));
      const runIds = new Set(get().runs.map((run) => run.id));
      const restored = records
        .filter((sweep) => !known.has(sweep.id))
        .map((sweep) => ({
          ...sweep,
          cells: sweep.cells.map((cell) =>
            cell.status === "started" && (!cell.runId || !runIds.has(cell.runId))
              ? { ...cell, status: "pending" as const, runId: null }
              : cell,
          ),
        }));
      if (restored.length > 0) set((state) => ({ sweeps: [...state.sweeps, ...restored] }));
    },
  };
};

/** How long the sweep setup must stay unchanged before it is saved (as the draft's delay). */
export const SWEEP_SETUP_SAVE_DELAY_MS = 400;

/**
 * The sweep setup's autosave: with a history service that keeps it, the Sweep panel's axes,
 * seed and concurrency are saved {@link SWEEP_SETUP_SAVE_DELAY_MS} after they last changed, once
 * the saved setup has been read (so it is never overwritten before it is restored). It lives here,
 * not in the engine: it runs in every session, and saving needs none of the engine's code (the
 * save itself, `./sweep-setup-save`, loads at the first change).
 */
export function autosaveSweepSetup(store: {
  getState: () => PlaygroundState;
  setState: (partial: Partial<PlaygroundState>) => void;
  subscribe: (listener: (state: PlaygroundState, previous: PlaygroundState) => void) => unknown;
}): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  store.subscribe((state, previous) => {
    // The axis's images are downscaled (or not) as the form's image is.
    if (state.shouldDownscale !== previous.shouldDownscale) void state.readSweepImages();
    if (
      !state.services.history?.saveSweepSetup ||
      !state.isSweepSetupLoaded ||
      !previous.isSweepSetupLoaded
    )
      return;
    const isChanged =
      state.sweepForm !== previous.sweepForm ||
      state.sweepFormSeed !== previous.sweepFormSeed ||
      state.sweepFormConcurrency !== previous.sweepFormConcurrency;
    if (!isChanged) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      // The save's code loads at the first change: most sessions never touch the Sweep panel.
      import("./sweep-setup-save")
        .then((m) => m.saveSweepSetup(store.getState))
        .catch((error: unknown) =>
          store.setState({
            alert: historyAlert(`The sweep setup could not be saved: ${errorMessage(error)}`),
          }),
        );
    }, SWEEP_SETUP_SAVE_DELAY_MS);
  });
}
