import type { StoreApi } from "zustand";
import {
  type AppError,
  isNothingToCancel,
  summarizeFieldErrors,
  toAppError,
} from "@/lib/browser/errors";
import { WAIT_FOR_IMAGE } from "@/lib/domain/form";
// Static here, so its chunk (the endpoint's schema: zod) loads with this module's, in parallel.
import { checkForm } from "@/lib/domain/form-check";
import { mapServerFieldErrors } from "@/lib/domain/form-words";
import type { Run, RunUpdate } from "@/lib/domain/run";
import { estimatePrice } from "@/lib/kontext/pricing";
import { outputSize } from "@/lib/kontext/resolution";
import type { KontextRequest } from "@/lib/kontext/schema";
import { coordinate } from "./coordination";
import { runOf as selectRun } from "./selectors";
import type { PlaygroundState, RunsSlice } from "./state";
import { createUploadOnce } from "./upload-once";

const STEP = /Step (\d+)\/(\d+)/;

/** A new run's input thumbnail: one already made (a retry), or what to make it from. */
type ThumbnailSource =
  | { kind: "reuse"; thumbnail: string | null }
  | { kind: "make"; source: Blob | string };

/**
 * The runs slice's work, loaded at the first Generate, or earlier (`./runs-slice` keeps the state
 * and thin actions that wait for this module): checking the form and starting runs, uploading
 * their images once, following them to their result, cancelling, retrying and resuming them, and
 * reporting their failures; each action does what `RunsSlice` (./state) says of it. Its closure
 * holds what only it uses (abort controllers, pending cancels, shared uploads).
 */
export function createRunsEngine(
  set: StoreApi<PlaygroundState>["setState"],
  get: StoreApi<PlaygroundState>["getState"],
) {
  /** Each active run's abort controller, aborted when it is cancelled (not state: never rendered). */
  const controllers = new Map<string, AbortController>();
  /** Cancels sent to the server and not answered yet: whether the server accepted them. */
  const cancels = new Map<string, Promise<boolean>>();
  /** Cross-slice work (saving, caching, sweeps). */
  const on = coordinate(get);
  /** Uploads each image once, however many runs need it at the same time. */
  const uploadOnce = createUploadOnce((blob, signal) => get().services.upload(blob, signal));

  function patchRun(id: string, patch: Partial<Run> | ((run: Run) => Partial<Run>)): void {
    set((state) => ({
      runs: state.runs.map((run) =>
        run.id === id ? { ...run, ...(typeof patch === "function" ? patch(run) : patch) } : run,
      ),
    }));
  }

  const runOf = (id: string): Run | undefined => selectRun(get(), id);

  function applyUpdate(id: string, update: RunUpdate): void {
    const before = runOf(id);
    if (before?.finishedAt !== null) return;
    if (update.status === "IN_QUEUE") {
      patchRun(id, { phase: "queued", queuePosition: update.queuePosition });
    } else {
      applyProgress(id, update.logs);
    }
    if (runOf(id)?.phase !== before?.phase) on.runChanged(id);
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
    on.runFinished(id);
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

  /** The form still shows this image: remember its URL so the next run skips the upload. */
  function rememberUpload(blob: Blob, url: string): void {
    const image = get().image;
    if (image?.file === blob && image.remoteUrl === null)
      set({ image: { ...image, remoteUrl: url } });
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
        void on.imageUploaded(imageUrl, blob);
      }
      if (await isEndedByCancel(id)) return;
      patchRun(id, { phase: "queued" });
      const requestId = await services.submit(request);
      patchRun(id, { requestId });
      // Saved the moment it has an id, so a reload can resume it.
      on.runChanged(id);
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
    void on.runCompleted(id);
  }

  /** Picks up a run restored from history that was queued or running when the page closed. */
  function resume(id: string, requestId: string): Promise<void> {
    return drive(id, (signal) => follow(id, requestId, signal));
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
    isSweepCell = false,
  ): string {
    const { services } = get();
    const id = services.newId();
    const run: Run = {
      id,
      serial: isSweepCell ? null : get().nextRunSerial(),
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
        on.runChanged(id);
      });
    }
    execute(id).catch((error: unknown) =>
      set({ alert: { runId: id, topic: "run", error: toAppError(error) } }),
    );
    return id;
  }

  return {
    startRun: async (): Promise<string | null> => {
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
        if (image.source === "url" && image.remoteUrl) void on.imageUploaded(image.remoteUrl);
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
    cancelRun: async (runId: string): Promise<void> => {
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
    retryRun: (runId: string): string | null => {
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
    resumeRun: (runId: string, requestId: string): Promise<void> => resume(runId, requestId),
    launchRun: ({
      request,
      inputThumbnail,
      parentId,
      size,
    }: Parameters<RunsSlice["launchRun"]>[0]): string =>
      launch(request, null, { kind: "reuse", thumbnail: inputThumbnail }, parentId, size, [], true),
  };
}

/** What the runs engine does (see {@link createRunsEngine}). */
export type RunsEngine = ReturnType<typeof createRunsEngine>;
