import type { StateCreator } from "zustand";
import { estimatePrice } from "@/lib/kontext/pricing";
import { outputSize } from "@/lib/kontext/resolution";
import { type KontextRequest, kontextInputSchema } from "@/lib/kontext/schema";
import { type AppError, toAppError } from "@/lib/playground/errors";
import { normalizeLoraPath } from "@/lib/playground/lora-path";
import type { PlaygroundState } from "./playground-store";
import type { Run, RunUpdate } from "./types";

const STEP = /Step (\d+)\/(\d+)/;
// Checks every field but image_url, which exists only once the file is uploaded.
const formSchema = kontextInputSchema.omit({ image_url: true });

export interface RunsSlice {
  /** Newest first. */
  runs: Run[];
  /** Field errors from our checks or a 422: `prompt`, `num_images`, `lora:<id>:path` … */
  fieldErrors: Record<string, string>;
  /** The one failure that is not a field error, with the run it came from. */
  alert: { runId: string | null; error: AppError } | null;
  /** Checks the form and starts a run; returns its id, or null when the form has errors. */
  startRun: () => Promise<string | null>;
  cancelRun: (runId: string) => Promise<void>;
  /** Runs a finished or failed run's exact request again. */
  retryRun: (runId: string) => Promise<string | null>;
  dismissAlert: () => void;
  /** Puts a run's settings, prompt and LoRAs back in the form (its seed when `withSeed`). */
  reuseSettings: (runId: string, options?: { withSeed?: boolean }) => void;
}

export const createRunsSlice: StateCreator<PlaygroundState, [], [], RunsSlice> = (set, get) => {
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
    if (update.status === "IN_QUEUE") {
      patchRun(id, { phase: "queued", queuePosition: update.queuePosition });
      return;
    }
    patchRun(id, (run) => {
      const logs = update.logs.length >= run.logs.length ? update.logs : run.logs;
      const last = [...logs].reverse().find((line) => STEP.test(line));
      const match = last?.match(STEP);
      const step = match ? { current: Number(match[1]), total: Number(match[2]) } : run.step;
      return { phase: "running", queuePosition: null, logs, step };
    });
  }

  function finish(id: string, patch: Partial<Run>): void {
    patchRun(id, { ...patch, finishedAt: get().services.now() });
  }

  /** Drives one run through upload → queue → result. */
  async function execute(id: string, upload: Blob | null): Promise<void> {
    const { services } = get();
    try {
      let imageUrl = runOf(id)?.request.image_url ?? "";
      if (upload) {
        imageUrl = await services.upload(upload);
        const image = get().image;
        // The form still shows this image: remember its URL so the next run skips the upload.
        if (image?.file === upload) set({ image: { ...image, remoteUrl: imageUrl, file: null } });
      }
      if (runOf(id)?.isCancelRequested) return finish(id, { phase: "cancelled" });
      const request = { ...(runOf(id)?.request as KontextRequest), image_url: imageUrl };
      patchRun(id, { request, phase: "queued" });
      const requestId = await services.submit(request);
      patchRun(id, { requestId });
      if (runOf(id)?.isCancelRequested) await services.cancel(requestId).catch(() => undefined);
      await services.watch(requestId, (update) => applyUpdate(id, update));
      const output = await services.result(requestId);
      finish(id, { phase: "completed", output, queuePosition: null });
      set({ lastSeed: output.seed });
    } catch (thrown) {
      const error = toAppError(thrown);
      if (runOf(id)?.isCancelRequested || error.kind === "cancelled") {
        return finish(id, { phase: "cancelled" });
      }
      finish(id, { phase: "failed", error });
      if (error.kind === "validation" && Object.keys(error.fieldErrors).length > 0) {
        set({ fieldErrors: mapServerFieldErrors(error.fieldErrors, get()) });
      } else {
        set({ alert: { runId: id, error } });
      }
    }
  }

  function launch(
    request: KontextRequest,
    upload: Blob | null,
    inputPreviewUrl: string,
    size: Run["predictedSize"],
  ) {
    const { services } = get();
    const id = services.newId();
    const run: Run = {
      id,
      phase: upload ? "uploading" : "queued",
      requestId: null,
      queuePosition: null,
      logs: [],
      step: null,
      startedAt: services.now(),
      finishedAt: null,
      request,
      inputPreviewUrl,
      predictedSize: size,
      price: estimatePrice(size, request.num_images),
      output: null,
      error: null,
      isCancelRequested: false,
    };
    set((state) => ({ runs: [run, ...state.runs], alert: null }));
    void execute(id, upload);
    return id;
  }

  return {
    runs: [],
    fieldErrors: {},
    alert: null,
    startRun: async () => {
      const state = get();
      const { fieldErrors, request } = checkForm(state);
      set({ fieldErrors });
      if (!request || !state.image) return null;
      const size = outputSize(request.resolution_mode, state.image);
      const upload = state.image.remoteUrl ? null : state.image.file;
      return launch(
        { ...request, image_url: state.image.remoteUrl ?? "" },
        upload,
        state.image.previewUrl,
        size,
      );
    },
    cancelRun: async (runId) => {
      const run = runOf(runId);
      if (!run || run.finishedAt !== null) return;
      patchRun(runId, { isCancelRequested: true });
      if (run.requestId) {
        await get()
          .services.cancel(run.requestId)
          .catch((error: unknown) => set({ alert: { runId, error: toAppError(error) } }));
      }
    },
    retryRun: async (runId) => {
      const run = runOf(runId);
      if (!run?.request.image_url) return null;
      return launch(run.request, null, run.inputPreviewUrl, run.predictedSize);
    },
    dismissAlert: () => set({ alert: null }),
    reuseSettings: (runId, options = {}) => {
      const run = runOf(runId);
      if (!run) return;
      const { request } = run;
      const seed = run.output?.seed ?? request.seed;
      set((state) => ({
        prompt: request.prompt,
        loras: request.loras.map((lora) => ({
          ...lora,
          id: state.services.newId(),
          isEnabled: true,
        })),
        settings: {
          ...state.settings,
          num_inference_steps: request.num_inference_steps,
          guidance_scale: request.guidance_scale,
          num_images: request.num_images,
          output_format: request.output_format,
          acceleration: request.acceleration,
          resolution_mode: request.resolution_mode,
          enable_safety_checker: request.enable_safety_checker,
          sync_mode: request.sync_mode,
          ...(options.withSeed && seed !== undefined ? { seedMode: "fixed" as const, seed } : {}),
        },
        fieldErrors: {},
      }));
    },
  };
};

/** Client-side checks before anything is uploaded or paid for. */
function checkForm(state: PlaygroundState): {
  fieldErrors: Record<string, string>;
  request: KontextRequest | null;
} {
  const fieldErrors: Record<string, string> = {};
  if (!state.image) fieldErrors.image_url = "Add an image to edit";
  const enabled = state.loras.filter((lora) => lora.isEnabled);
  const loras = enabled.map((lora) => {
    const checked = normalizeLoraPath(lora.path);
    if (!checked.ok) fieldErrors[`lora:${lora.id}:path`] = checked.message;
    return { path: checked.ok ? checked.path : lora.path, scale: lora.scale };
  });
  const { seedMode, seed, ...settings } = state.settings;
  const parsed = formSchema.safeParse({
    prompt: state.prompt,
    loras,
    ...settings,
    ...(seedMode === "fixed" ? { seed } : {}),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [field, index, sub] = issue.path;
      const key =
        field === "loras" && typeof index === "number" && enabled[index]
          ? `lora:${enabled[index].id}:${String(sub ?? "path")}`
          : String(field ?? "input");
      fieldErrors[key] ??= issue.message;
    }
  }
  if (Object.keys(fieldErrors).length > 0 || !parsed.success) return { fieldErrors, request: null };
  return { fieldErrors, request: { ...parsed.data, image_url: "" } };
}

/** Maps a 422's `loras.<i>.<field>` to the form's LoRA row ids. */
function mapServerFieldErrors(
  errors: Record<string, string>,
  state: PlaygroundState,
): Record<string, string> {
  const enabled = state.loras.filter((lora) => lora.isEnabled);
  const mapped: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    const match = key.match(/^loras\.(\d+)\.?(\w*)$/);
    const lora = match ? enabled[Number(match[1])] : undefined;
    mapped[lora ? `lora:${lora.id}:${match?.[2] || "path"}` : key] = message;
  }
  return mapped;
}
