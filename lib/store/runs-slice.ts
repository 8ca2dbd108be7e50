import type { StateCreator } from "zustand";
import { checkForm, type Draft, mapServerFieldErrors, toDraft } from "@/lib/domain/form";
import type { LoraEntry, Run, RunUpdate } from "@/lib/domain/run";
import { DEFAULT_SETTINGS, type Settings } from "@/lib/domain/settings";
import { StorageFullError } from "@/lib/history/db";
import { fromHistoryRun, toHistoryRun } from "@/lib/history/run-record";
import { estimatePrice } from "@/lib/kontext/pricing";
import { outputSize } from "@/lib/kontext/resolution";
import type { KontextRequest } from "@/lib/kontext/schema";
import {
  type AppError,
  appError,
  isNothingToCancel,
  raceAbort,
  summarizeFieldErrors,
  toAppError,
} from "@/lib/playground/errors";
import { WAIT_FOR_IMAGE } from "./input-slice";
import type { PlaygroundState } from "./playground-store";

const STEP = /Step (\d+)\/(\d+)/;

/**
 * What an alert is about: a run that failed, a cancel that did not go through, or history that
 * could not be saved.
 */
export type AlertTopic = "run" | "cancel" | "history";

/** The one failure shown in the alert banner. */
export interface RunAlert {
  /** The run it came from; null for a failure before any run started. */
  runId: string | null;
  /**
   * `run`: "The run failed: …" (with Retry when {@link canRetryRun});
   * `cancel`: "Could not cancel run: …" (never with Retry);
   * `history`: a run or the draft could not be saved (the message says why).
   */
  topic: AlertTopic;
  error: AppError;
}

export interface RunsSlice {
  /** Newest first. */
  runs: Run[];
  /** Field errors from our checks or a 422: `prompt`, `num_images`, `lora:<id>:path` … */
  fieldErrors: Record<string, string>;
  /** The one failure that is not a field error, with the run it came from. */
  alert: RunAlert | null;
  /**
   * Checks the form and starts a run; returns its id, or null when the form has errors (also
   * while an image is still being read: `fieldErrors.image_url` says to wait). Never throws: an
   * unexpected failure becomes the alert.
   */
  startRun: () => Promise<string | null>;
  /**
   * Cancels a run: at once while it uploads; once the server accepts the cancel when it is queued
   * or running (the run is marked cancelled then, its client calls are aborted, and a result that
   * still arrives is ignored). When the request had already finished (`ALREADY_COMPLETED` /
   * `NOT_FOUND`) the run keeps its real outcome; any other failure sets a `cancel` alert. Either
   * way `isCancelRequested` is reset, so later failures are reported.
   */
  cancelRun: (runId: string) => Promise<void>;
  /**
   * Runs a finished run's exact request again, uploading its image again when the first upload
   * failed. Returns the new run's id, or null when the run is unknown, active or has no image.
   */
  retryRun: (runId: string) => Promise<string | null>;
  dismissAlert: () => void;
  /**
   * Saves a run's record now (once it has a request id; saves of one run are written in order).
   * Failures are reported in the alert.
   */
  saveRun: (runId: string) => void;
  /**
   * Starts a run of an exact request whose image is uploaded already (a sweep's cell), with the
   * input thumbnail it shares; returns its id.
   */
  launchRun: (spec: {
    request: KontextRequest;
    inputThumbnail: string | null;
    parentId: string | null;
    size: Run["predictedSize"];
  }) => string;
  /**
   * Loads the saved draft into the form and the saved runs into `runs` (after any run already
   * there), then resumes every saved run that was queued or running; loads the LoRA library
   * alongside. Runs once per store (later calls return the first call's promise); never throws:
   * a failure becomes the alert (the library's, its notice).
   */
  hydrate: () => Promise<void>;
  /** Whether {@link RunsSlice.hydrate} has finished (the draft is saved only after that). */
  isHistoryLoaded: boolean;
  /** Saves the form draft now (the store calls it, debounced, when the form changes). */
  saveDraft: () => Promise<void>;
}

/** A new run's input thumbnail: one already made (a retry), or what to make it from. */
type ThumbnailSource =
  | { kind: "reuse"; thumbnail: string | null }
  | { kind: "make"; source: Blob | string };

/** One upload of one image, shared by every run that needs it. */
interface SharedUpload {
  url: Promise<string>;
  /** Aborts the upload itself, once no run waits for it any more. */
  controller: AbortController;
  waiters: number;
  isSettled: boolean;
}

export const createRunsSlice: StateCreator<PlaygroundState, [], [], RunsSlice> = (set, get) => {
  /** Each active run's abort controller, aborted when it is cancelled (not state: never rendered). */
  const controllers = new Map<string, AbortController>();
  /** Cancels sent to the server and not answered yet: whether the server accepted them. */
  const cancels = new Map<string, Promise<boolean>>();
  /** Uploads in flight (and done) per image, so concurrent runs upload an image once. */
  const uploads = new WeakMap<Blob, SharedUpload>();

  function patchRun(id: string, patch: Partial<Run> | ((run: Run) => Partial<Run>)): void {
    set((state) => ({
      runs: state.runs.map((run) =>
        run.id === id ? { ...run, ...(typeof patch === "function" ? patch(run) : patch) } : run,
      ),
    }));
  }

  function runOf(id: string): Run | undefined {
    return get().runs.find((run) => run.id === id);
  }

  function applyUpdate(id: string, update: RunUpdate): void {
    const before = runOf(id);
    if (before?.finishedAt !== null) return;
    if (update.status === "IN_QUEUE") {
      patchRun(id, { phase: "queued", queuePosition: update.queuePosition });
    } else {
      applyProgress(id, update.logs);
    }
    if (runOf(id)?.phase !== before?.phase) persist(id);
  }

  function applyProgress(id: string, updateLogs: string[]): void {
    patchRun(id, (run) => {
      const logs = updateLogs.length >= run.logs.length ? updateLogs : run.logs;
      const last = [...logs].reverse().find((line) => STEP.test(line));
      const match = last?.match(STEP);
      const step = match ? { current: Number(match[1]), total: Number(match[2]) } : run.step;
      return { phase: "running", queuePosition: null, logs, step };
    });
  }

  function finish(id: string, patch: Partial<Run>): void {
    patchRun(id, { ...patch, finishedAt: get().services.now() });
    persist(id);
    // A sweep waiting for a free slot starts its next cell.
    get().pumpSweeps();
  }

  /** Ends a run as cancelled by its user and stops its client calls. */
  function markCancelled(id: string): void {
    controllers.get(id)?.abort();
    if (runOf(id)?.finishedAt === null) finish(id, { phase: "cancelled", queuePosition: null });
  }

  /** Waits for a pending cancel, then tells whether the run ended as cancelled (or is gone). */
  async function isEndedByCancel(id: string): Promise<boolean> {
    await cancels.get(id);
    const run = runOf(id);
    return !run || run.phase === "cancelled";
  }

  /** Asks the server to cancel; resolves true once accepted (the run is then cancelled). */
  function requestCancel(id: string, requestId: string): Promise<boolean> {
    const existing = cancels.get(id);
    if (existing) return existing;
    const pending = (async () => {
      try {
        await get().services.cancel(requestId);
      } catch (error) {
        // Nothing to cancel (already finished or unknown): the run keeps its real outcome.
        patchRun(id, { isCancelRequested: false });
        if (!isNothingToCancel(error)) {
          set({ alert: { runId: id, topic: "cancel", error: toAppError(error) } });
        }
        return false;
      }
      markCancelled(id);
      return true;
    })().finally(() => cancels.delete(id));
    cancels.set(id, pending);
    return pending;
  }

  /** Uploads `blob` once for every run that needs it; a run's abort only stops its own wait. */
  async function uploadOnce(blob: Blob, signal: AbortSignal): Promise<string> {
    let entry = uploads.get(blob);
    if (!entry) {
      const controller = new AbortController();
      const created: SharedUpload = {
        url: get().services.upload(blob, controller.signal),
        controller,
        waiters: 0,
        isSettled: false,
      };
      created.url.then(
        () => {
          created.isSettled = true;
        },
        () => {
          // A failed upload is forgotten, so the next run or a retry uploads again.
          created.isSettled = true;
          if (uploads.get(blob) === created) uploads.delete(blob);
        },
      );
      uploads.set(blob, created);
      entry = created;
    }
    const shared = entry;
    shared.waiters += 1;
    const onAbort = () => {
      shared.waiters -= 1;
      if (shared.waiters > 0 || shared.isSettled) return;
      if (uploads.get(blob) === shared) uploads.delete(blob);
      shared.controller.abort();
    };
    signal.addEventListener("abort", onAbort, { once: true });
    try {
      return await raceAbort(shared.url, signal);
    } finally {
      signal.removeEventListener("abort", onAbort);
      if (!signal.aborted) shared.waiters -= 1;
    }
  }

  /** The form still shows this image: remember its URL so the next run skips the upload. */
  function rememberUpload(blob: Blob, url: string): void {
    const image = get().image;
    if (image?.file === blob && image.remoteUrl === null)
      set({ image: { ...image, remoteUrl: url } });
  }

  /** Each run's last save, so saves of one run are written in order. */
  const saving = new Map<string, Promise<void>>();

  /** Reports a failed save in the alert (never silently), unless a run's failure is shown. */
  function reportSaveFailure(error: unknown): void {
    const message =
      error instanceof StorageFullError
        ? "Your browser's storage is full: history could not be saved. Delete some history or cached images, or free up disk space."
        : `History could not be saved: ${error instanceof Error ? error.message : String(error)}`;
    set({ alert: historyAlert(message) });
  }

  /**
   * Saves a run's record, once it has a request id (a run still uploading cannot be resumed, so
   * it is never saved). Saves of one run are chained, so the last one written is the latest.
   */
  function persist(id: string): void {
    const history = get().services.history;
    const run = runOf(id);
    if (!history || !run || run.requestId === null || run.phase === "uploading") return;
    const record = toHistoryRun(run);
    const previous = saving.get(id) ?? Promise.resolve();
    const next = previous
      .then(() => history.saveRun(record))
      .catch(reportSaveFailure)
      .finally(() => {
        if (saving.get(id) === next) saving.delete(id);
      });
    saving.set(id, next);
  }

  /** A failed run: field errors beside their fields, everything else in the alert. */
  function reportFailure(id: string, error: AppError): void {
    finish(id, { phase: "failed", error, queuePosition: null });
    if (error.kind !== "validation") {
      set({ alert: { runId: id, topic: "run", error } });
      return;
    }
    const { matched, unmatched } = mapServerFieldErrors(
      error.fieldErrors,
      runOf(id)?.loraIds ?? [],
      get().loras,
    );
    if (Object.keys(matched).length > 0) {
      set((state) => ({ fieldErrors: { ...state.fieldErrors, ...matched } }));
    }
    if (Object.keys(matched).length > 0 && Object.keys(unmatched).length === 0) return;
    const shown =
      Object.keys(unmatched).length > 0 && Object.keys(matched).length > 0
        ? { ...error, message: summarizeFieldErrors(unmatched), fieldErrors: unmatched }
        : error;
    set({ alert: { runId: id, topic: "run", error: shown } });
  }

  /**
   * Runs `steps` for a run with its abort controller, ending the run as failed (or cancelled,
   * when its user asked) when they throw.
   */
  async function drive(id: string, steps: (signal: AbortSignal) => Promise<void>): Promise<void> {
    const controller = new AbortController();
    controllers.set(id, controller);
    try {
      await steps(controller.signal);
    } catch (thrown) {
      if (await isEndedByCancel(id)) return;
      // Only the user's cancel ends a run as cancelled; any other failure is reported.
      if (runOf(id)?.isCancelRequested)
        return finish(id, { phase: "cancelled", queuePosition: null });
      reportFailure(id, toAppError(thrown));
    } finally {
      controllers.delete(id);
    }
  }

  /** Drives one run through upload → queue → result. */
  function execute(id: string): Promise<void> {
    return drive(id, async (signal) => {
      const { services } = get();
      let request = runOf(id)?.request;
      if (!request) return;
      if (!request.image_url) {
        const blob = runOf(id)?.upload;
        if (!blob) throw new Error("This run has no image to upload; choose the image again");
        const imageUrl = await uploadOnce(blob, signal);
        rememberUpload(blob, imageUrl);
        request = { ...request, image_url: imageUrl };
        patchRun(id, { request, upload: null });
        // Kept so the run can still be compared and remixed once the uploaded file expires.
        void get().cacheImage(imageUrl, blob);
      }
      if (await isEndedByCancel(id)) return;
      patchRun(id, { phase: "queued" });
      const requestId = await services.submit(request);
      patchRun(id, { requestId });
      // Saved the moment it has an id, so a reload can resume it.
      persist(id);
      // Cancelled while it was being submitted: cancel it now that it has an id.
      if (runOf(id)?.isCancelRequested && (await requestCancel(id, requestId))) return;
      await follow(id, requestId, signal);
    });
  }

  /** Follows a queued request to its result: watch → result → completed. */
  async function follow(id: string, requestId: string, signal: AbortSignal): Promise<void> {
    const { services } = get();
    await services.watch(requestId, (update) => applyUpdate(id, update), signal);
    if (await isEndedByCancel(id)) return;
    const output = await services.result(requestId, signal);
    // A result that arrives for a run its user cancelled is ignored.
    if (await isEndedByCancel(id)) return;
    finish(id, { phase: "completed", output, queuePosition: null });
    set({ lastSeed: output.seed });
    void get().cacheRunImages(id);
  }

  /** Picks up a run restored from history that was queued or running when the page closed. */
  function resume(id: string, requestId: string): Promise<void> {
    return drive(id, (signal) => follow(id, requestId, signal));
  }

  let hydration: Promise<void> | null = null;

  async function loadHistory(): Promise<void> {
    const history = get().services.history;
    if (!history) return;
    try {
      const [draft, saved, sweeps] = await Promise.all([
        history.loadDraft(),
        history.loadRuns(),
        history.loadSweeps?.() ?? [],
      ]);
      if (draft) applyDraft(draft);
      const known = new Set(get().runs.map((run) => run.id));
      const restored = saved.filter((record) => !known.has(record.id));
      if (restored.length > 0) {
        set((state) => ({ runs: [...state.runs, ...restored.map(fromHistoryRun)] }));
      }
      // In the same tick as the runs, so a sweep's runs never show as runs of their own.
      get().restoreSweeps(sweeps);
      for (const record of restored) {
        if (record.requestId && (record.status === "queued" || record.status === "running")) {
          const { requestId } = record;
          resume(record.id, requestId).catch((error: unknown) =>
            set({ alert: { runId: record.id, topic: "run", error: toAppError(error) } }),
          );
        }
      }
      // Sweeps carry on where they stopped: their pending cells start as slots free up.
      get().pumpSweeps();
    } catch (error) {
      set({
        alert: historyAlert(
          `History could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
        ),
      });
    } finally {
      set({ isHistoryLoaded: true });
    }
    void get().syncImageCache();
  }

  /** Puts a saved draft in the form. */
  function applyDraft(draft: Draft): void {
    const { services } = get();
    const loras: LoraEntry[] = draft.loras.map((lora) => ({ ...lora, id: services.newId() }));
    const settings: Settings = { ...DEFAULT_SETTINGS, ...draft.settings };
    set({ prompt: draft.prompt, loras, settings });
  }

  /** Makes a thumbnail with the services (null when they cannot, or fail). Never rejects. */
  async function makeThumbnail(source: Blob | string): Promise<string | null> {
    const make = get().services.makeThumbnail;
    if (!make) return null;
    try {
      return await make(source);
    } catch {
      return null;
    }
  }

  function launch(
    request: KontextRequest,
    upload: Blob | null,
    thumbnail: ThumbnailSource,
    parentId: string | null,
    size: Run["predictedSize"],
    loraIds: string[],
  ): string {
    const { services } = get();
    const id = services.newId();
    const run: Run = {
      id,
      phase: request.image_url ? "queued" : "uploading",
      requestId: null,
      queuePosition: null,
      logs: [],
      step: null,
      startedAt: services.now(),
      finishedAt: null,
      request,
      upload: request.image_url ? null : upload,
      loraIds,
      inputThumbnail: thumbnail.kind === "reuse" ? thumbnail.thumbnail : null,
      parentId,
      isFavourite: false,
      backend: get().backend,
      predictedSize: size,
      price: estimatePrice(size, request.num_images),
      output: null,
      error: null,
      isCancelRequested: false,
    };
    set((state) => ({ runs: [run, ...state.runs], alert: null }));
    if (thumbnail.kind === "make") {
      // In parallel with the upload; saved with the record once it has one.
      void makeThumbnail(thumbnail.source).then((inputThumbnail) => {
        if (inputThumbnail === null || !runOf(id)) return;
        patchRun(id, { inputThumbnail });
        persist(id);
      });
    }
    execute(id).catch((error: unknown) =>
      set({ alert: { runId: id, topic: "run", error: toAppError(error) } }),
    );
    return id;
  }

  return {
    runs: [],
    fieldErrors: {},
    alert: null,
    startRun: async () => {
      try {
        const state = get();
        if (state.isPreparingImage) {
          set((current) => ({
            fieldErrors: { ...current.fieldErrors, image_url: WAIT_FOR_IMAGE },
          }));
          return null;
        }
        const { fieldErrors, request, loraIds } = checkForm(state);
        set({ fieldErrors });
        const { image } = state;
        if (!request || !image) return null;
        const size = outputSize(request.resolution_mode, image);
        // A typed URL may expire too: keep a copy for compare and remix.
        if (image.source === "url" && image.remoteUrl) void get().cacheImage(image.remoteUrl);
        const thumbnailSource = image.file ?? image.remoteUrl;
        return launch(
          { ...request, image_url: image.remoteUrl ?? "" },
          image.remoteUrl ? null : image.file,
          thumbnailSource === null
            ? { kind: "reuse", thumbnail: null }
            : { kind: "make", source: thumbnailSource },
          image.parentRunId,
          size,
          loraIds,
        );
      } catch (error) {
        set({ alert: { runId: null, topic: "run", error: toAppError(error) } });
        return null;
      }
    },
    cancelRun: async (runId) => {
      const run = runOf(runId);
      if (!run || run.finishedAt !== null) return;
      if (run.isCancelRequested) {
        await cancels.get(runId);
        return;
      }
      patchRun(runId, { isCancelRequested: true });
      if (run.requestId) {
        await requestCancel(runId, run.requestId);
        return;
      }
      // Nothing is queued yet: stop the upload at once. (While the request is being submitted,
      // `execute` cancels it as soon as it has an id.)
      if (run.phase === "uploading") markCancelled(runId);
    },
    retryRun: async (runId) => {
      const run = runOf(runId);
      if (!run || run.finishedAt === null) return null;
      if (!run.request.image_url && !run.upload) return null;
      return launch(
        run.request,
        run.upload,
        { kind: "reuse", thumbnail: run.inputThumbnail },
        run.parentId,
        run.predictedSize,
        run.loraIds,
      );
    },
    dismissAlert: () => set({ alert: null }),
    isHistoryLoaded: false,
    hydrate: () => {
      hydration ??= Promise.all([loadHistory(), get().loadLibrary()]).then(() => undefined);
      return hydration;
    },
    saveDraft: async () => {
      const { services, prompt, loras, settings } = get();
      if (!services.history) return;
      try {
        await services.history.saveDraft(toDraft({ prompt, loras, settings }));
      } catch (error) {
        reportSaveFailure(error);
      }
    },
    saveRun: persist,
    launchRun: ({ request, inputThumbnail, parentId, size }) =>
      launch(request, null, { kind: "reuse", thumbnail: inputThumbnail }, parentId, size, []),
  };
};

/** The alert for history that could not be loaded, saved or deleted (the message says why). */
export function historyAlert(message: string): RunAlert {
  return { runId: null, topic: "history", error: appError("upstream", message) };
}
