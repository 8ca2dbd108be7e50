import type { PlaygroundState } from "./state";

type State = PlaygroundState;
/** The arguments of the store action `K`. */
type Args<K extends keyof State> = State[K] extends (...args: infer A) => unknown ? A : never;

/**
 * Cross-slice work, in one place (the zustand slices guide's shared slice): how one part of the
 * playground reacts to another, and what it asks of another. A slice never calls another slice's
 * action itself; it tells this module what happened (`runFinished`) or what it needs
 * (`launchRun`), and this module knows who does it. Reading another slice's state through `get()`
 * stays where it is: that is not work.
 */
export function coordinate(get: () => PlaygroundState) {
  return {
    // Runs → persistence, history cache and sweeps.

    /** A run was created or changed in a way worth keeping (queued, new phase, favourite, …). */
    runChanged: (runId: string): void => {
      get().saveRun(runId);
      void get().syncBatchRun(runId);
    },
    /**
     * A run ended: it is saved, its batch item follows it, and sweeps and batches waiting for a
     * free slot start their next cells and items.
     */
    runFinished: (runId: string): void => {
      get().saveRun(runId);
      void get().syncBatchRun(runId);
      get().pumpSweeps();
      void get().pumpBatches();
    },
    /** A run completed: its result images are kept, so compare and remix outlive their URLs. */
    runCompleted: (runId: string): Promise<void> => get().cacheRunImages(runId),
    /** An input image got a URL (uploaded or typed): a copy is kept for compare and remix. */
    imageUploaded: (url: string, blob?: Blob): Promise<void> => get().cacheImage(url, blob),

    // Persistence → runs, sweeps, history cache and library.

    /** Saved sweeps were read (in the same tick as their runs). */
    sweepsLoaded: (...[records]: Args<"restoreSweeps">): void => get().restoreSweeps(records),
    /** Saved batches were read (in the same tick as their runs). */
    batchesLoaded: (...[records]: Args<"restoreBatches">): void =>
      void get().restoreBatches(records),
    /** A run saved while queued or running picks up where it stopped. */
    resumeRun: (runId: string, requestId: string): Promise<void> =>
      get().resumeRun(runId, requestId),
    /** The history is loaded: sweeps carry on where they stopped, as slots free up. */
    historyLoaded: (): void => {
      get().pumpSweeps();
      void get().pumpBatches();
    },
    /** The history load is over (loaded or not): the image cache drops what no run uses. */
    historySettled: (): Promise<void> => get().syncImageCache(),
    /** Loading the playground reads the saved library too. */
    loadLibrary: (): Promise<void> => get().loadLibrary(),
    /** …and the Sweep panel's saved setup. */
    loadSweepSetup: (): Promise<void> => get().loadSweepSetup(),

    // Sweeps and batches → runs.

    /** Their engines load with the runs' code, so `launchRun` can start a run at once. */
    runEngineLoaded: (): Promise<void> => get().loadRunEngine(),
    /** A sweep cell (a batch item) starts as a run of its own. */
    launchRun: (...[spec]: Args<"launchRun">): string => get().launchRun(spec),
    /** A cancelled sweep cancels its running cells. */
    cancelRun: (runId: string): Promise<void> => get().cancelRun(runId),

    // History and transfer → the rest.

    /** Work that must not race the history load waits for it. */
    loaded: (): Promise<void> => get().hydrate(),
    /** Puts an image in the form (restored from a run, or opened as a file). */
    restoreImage: (...args: Args<"restoreImage">): Promise<void> => get().restoreImage(...args),
    openImage: (file: File): Promise<void> => get().setImageFile(file),
    /** Puts a recipe's settings in the form. */
    applyRecipe: (...[recipe]: Args<"applyRecipe">): Promise<void> => get().applyRecipe(recipe),
    /** Puts a shared sweep's axes in the Sweep panel. */
    setSweepForm: (...[axes]: Args<"setSweepForm">): void => get().setSweepForm(axes),
    /** An export's runs, sweeps and library entries go to the slices that keep them. */
    importRuns: (...[imported]: Args<"importRuns">) => get().importRuns(imported),
    importSweeps: (...[records]: Args<"importSweeps">): Promise<number> =>
      get().importSweeps(records),
    importBatches: (...[records]: Args<"importBatches">): Promise<number> =>
      get().importBatches(records),
    importLibrary: (...args: Args<"importLibrary">) => get().importLibrary(...args),
  };
}

/** What {@link coordinate} offers a slice. */
export type Coordination = ReturnType<typeof coordinate>;
