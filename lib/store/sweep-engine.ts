import type { StoreApi } from "zustand";
import { toAppError } from "@/lib/browser/errors";
import { errorMessage } from "@/lib/domain/app-error";
import { outputSize, type Size } from "@/lib/kontext/resolution";
import type { AxisImage } from "@/lib/sweep/axis";
import type { SweepRecord } from "@/lib/sweep/record";
import type { SweepImageChoice } from "@/lib/sweep/setup";
import { historyAlert } from "./alerts";
import { coordinate } from "./coordination";
import type { AxisInput, SweepImageEntry } from "./outcomes";
import { runOf as selectRun } from "./selectors";
import type { PlaygroundState } from "./state";
import { clampSweepConcurrency } from "./sweep-defaults";
import { planSweep } from "./sweep-plan";
import type { Run } from "./types";

/**
 * The sweep slice's work, loaded at the first call that needs it (`./sweep-slice` keeps the state
 * and thin actions that wait for this module): starting, pumping, cancelling, retrying, deleting
 * and importing sweeps, and reading the images of image axes; each action does what `SweepSlice`
 * (./state) says of it. Its closure holds what only it uses (each sweep's chain of saves).
 */
export function createSweepEngine(
  set: StoreApi<PlaygroundState>["setState"],
  get: StoreApi<PlaygroundState>["getState"],
) {
  /** Cross-slice work goes through one place. */
  const on = coordinate(get);
  function sweepOf(id: string): SweepRecord | undefined {
    return get().sweeps.find((sweep) => sweep.id === id);
  }

  const runOf = (id: string | null): Run | undefined => selectRun(get(), id);

  function update(id: string, change: (sweep: SweepRecord) => SweepRecord): void {
    set((state) => ({
      sweeps: state.sweeps.map((sweep) => (sweep.id === id ? change(sweep) : sweep)),
    }));
    save(id);
  }

  const saving = new Map<string, Promise<void>>();
  /** Saves a sweep; saves of one sweep are written in order, failures go to the alert. */
  function save(id: string): void {
    const history = get().services.history;
    const sweep = sweepOf(id);
    if (!history?.saveSweep || !sweep) return;
    const write = history.saveSweep;
    const next = (saving.get(id) ?? Promise.resolve())
      .then(() => write(sweep))
      .catch((error: unknown) =>
        set({ alert: historyAlert(`The sweep could not be saved: ${toAppError(error).message}`) }),
      );
    saving.set(id, next);
  }

  function isActive(run: Run | undefined): boolean {
    return run !== undefined && run.finishedAt === null;
  }

  function pump(id: string): void {
    const sweep = sweepOf(id);
    if (!sweep) return;
    const running = sweep.cells.filter(
      (cell) => cell.status === "started" && isActive(runOf(cell.runId)),
    ).length;
    const free = sweep.concurrency - running;
    const next = sweep.cells
      .map((cell, index) => ({ cell, index }))
      .filter(({ cell }) => cell.status === "pending")
      .slice(0, Math.max(0, free));
    if (next.length === 0) return;
    const started = new Map<number, string>();
    for (const { cell, index } of next) {
      const runId = on.launchRun({
        request: cell.request,
        inputThumbnail:
          cell.inputThumbnail === undefined ? sweep.inputThumbnail : cell.inputThumbnail,
        parentId: null,
        size: cell.predictedSize ?? sweep.predictedSize,
      });
      started.set(index, runId);
    }
    update(id, (current) => ({
      ...current,
      cells: current.cells.map((cell, index) => {
        const runId = started.get(index);
        return runId ? { ...cell, status: "started", runId } : cell;
      }),
    }));
  }

  /** The form's image's URL: uploaded now unless it has one (then kept for the next run). */
  async function uploadFormImage(): Promise<string> {
    const { image, services } = get();
    if (!image) throw new Error("Add an image to edit");
    if (image.remoteUrl) return image.remoteUrl;
    if (!image.file) throw new Error("The image has no file to upload; choose it again");
    const url = await services.upload(image.file);
    const current = get().image;
    if (current?.file === image.file) set({ image: { ...current, remoteUrl: url } });
    void on.imageUploaded(url, image.file);
    return url;
  }

  /** An image axis image's URL: uploaded now unless it was already (then reused). */
  async function uploadSweepImage(id: string): Promise<string> {
    const entry = get().sweepImageFiles[id];
    if (!entry) throw new Error("An image of the sweep is no longer there; add it again");
    if (entry.remoteUrl) return entry.remoteUrl;
    const url = await get().services.upload(entry.file);
    set((state) => {
      const current = state.sweepImageFiles[id];
      return current?.file === entry.file
        ? { sweepImageFiles: { ...state.sweepImageFiles, [id]: { ...current, remoteUrl: url } } }
        : {};
    });
    void on.imageUploaded(url, entry.file);
    return url;
  }

  /** Reads a file for an image axis (checked, downscaled as the form's image is). */
  async function readImage(id: string, original: Blob, name: string): Promise<void> {
    const { services, shouldDownscale } = get();
    const file =
      original instanceof File ? original : new File([original], name, { type: original.type });
    const prepared = await services.prepareFile(file, { downscale: shouldDownscale });
    const previous = get().sweepImageFiles[id];
    if (previous) services.revokeObjectUrl(previous.previewUrl);
    const entry: SweepImageEntry = {
      name,
      file: prepared.file,
      originalFile: original,
      width: prepared.width,
      height: prepared.height,
      originalSize: prepared.originalSize,
      previewUrl: services.createObjectUrl(prepared.file),
      remoteUrl: previous?.file === prepared.file ? previous.remoteUrl : null,
    };
    set((state) => ({ sweepImageFiles: { ...state.sweepImageFiles, [id]: entry } }));
  }

  function setReading(id: string, isReading: boolean): void {
    set((state) => ({
      readingSweepImages: isReading
        ? [...state.readingSweepImages, id]
        : state.readingSweepImages.filter((each) => each !== id),
    }));
  }

  /** Removes runs from the store and the history without offering an undo (replaced cells). */
  async function discardRuns(ids: readonly string[]): Promise<void> {
    const gone = new Set(ids);
    set((state) => ({ runs: state.runs.filter((run) => !gone.has(run.id)) }));
    const history = get().services.history;
    for (const id of ids) await history?.deleteRun(id).catch(() => {});
  }

  return {
    addSweepImages: async (axisIndex: number, files: readonly File[]): Promise<void> => {
      const { services } = get();
      set({ sweepImageError: null });
      const problems: string[] = [];
      for (const file of files) {
        const id = services.newId();
        const name = file.name || "pasted image";
        setReading(id, true);
        try {
          await readImage(id, file, name);
          await services.sweepImages?.put(id, { blob: file, name });
          const axes = get().sweepForm;
          const axis = axes[axisIndex];
          if (axis?.kind !== "image") continue;
          const choice: SweepImageChoice = { source: "file", id, name };
          get().setSweepForm(
            axes.map((entry, index) =>
              index === axisIndex ? { ...entry, images: [...(entry.images ?? []), choice] } : entry,
            ),
          );
        } catch (error) {
          problems.push(`${name}: ${errorMessage(error)}`);
        } finally {
          setReading(id, false);
        }
      }
      if (problems.length > 0) {
        set({ sweepImageError: `Left out — ${problems.join("; ")}` });
      }
    },
    removeSweepImage: (axisIndex: number, id: string): void => {
      const axes = get().sweepForm;
      get().setSweepForm(
        axes.map((entry, index) =>
          index === axisIndex
            ? { ...entry, images: (entry.images ?? []).filter((image) => image.id !== id) }
            : entry,
        ),
      );
      const isUsed = get().sweepForm.some((axis) => axis.images?.some((image) => image.id === id));
      const entry = get().sweepImageFiles[id];
      if (entry && !isUsed) {
        get().services.revokeObjectUrl(entry.previewUrl);
        set((state) => {
          const { [id]: _gone, ...rest } = state.sweepImageFiles;
          return { sweepImageFiles: rest };
        });
      }
    },
    readSweepImages: async (): Promise<void> => {
      const choices = get().sweepForm.flatMap((axis) =>
        (axis.images ?? []).flatMap((image) => (image.source === "file" ? [image] : [])),
      );
      const missing: string[] = [];
      for (const choice of choices) {
        setReading(choice.id, true);
        try {
          const known = get().sweepImageFiles[choice.id];
          const kept = known
            ? { blob: known.originalFile, name: known.name }
            : await get().services.sweepImages?.get(choice.id);
          if (!kept) {
            missing.push(choice.name);
            continue;
          }
          await readImage(choice.id, kept.blob, kept.name);
        } catch (error) {
          missing.push(`${choice.name} (${errorMessage(error)})`);
        } finally {
          setReading(choice.id, false);
        }
      }
      if (missing.length > 0) {
        set({
          sweepImageError: `Not kept in this browser, add again: ${missing.join(", ")}`,
        });
      }
    },
    startSweep: async (
      inputs: readonly AxisInput[],
      { concurrency, seed }: { concurrency: number; seed: number },
    ): Promise<string | null> => {
      const { checkForm } = await import("@/lib/domain/form-check");
      const plan = planSweep(get(), inputs, seed, checkForm);
      if (!plan.ok) {
        set({ sweepError: plan.message });
        return null;
      }
      set({ sweepError: null });
      const { services } = get();
      // Every distinct input is uploaded once: the form's image ("current"), each axis image.
      const ids = new Set(plan.grid.cells.map((cell) => cell.image?.id ?? "current"));
      const inputs_ = new Map<string, { url: string; thumbnail: string | null }>();
      try {
        for (const id of ids) {
          const url = id === "current" ? await uploadFormImage() : await uploadSweepImage(id);
          const source =
            (id === "current" ? get().image?.file : get().sweepImageFiles[id]?.file) ?? url;
          const thumbnail = services.makeThumbnail
            ? await services.makeThumbnail(source).catch(() => null)
            : null;
          inputs_.set(id, { url, thumbnail });
        }
      } catch (error) {
        set({ sweepError: `The image could not be uploaded: ${toAppError(error).message}` });
        return null;
      }
      const mode = plan.grid.cells[0]?.request.resolution_mode ?? "match_input";
      const formImage = get().image;
      const sizeOf = (image: AxisImage | undefined): Size =>
        outputSize(mode, image ?? formImage ?? { width: 1, height: 1 });
      const first = plan.grid.cells[0];
      const firstInput = inputs_.get(first?.image?.id ?? "current");
      const hasImageAxis = plan.grid.cells.some((cell) => cell.image !== undefined);
      const sweep: SweepRecord = {
        id: services.newId(),
        createdAt: services.now(),
        axes: inputs.map((input, index) => ({
          kind: input.kind,
          text: input.text,
          labels: index === 0 ? plan.grid.columnLabels : plan.grid.rowLabels,
          ...(input.target ? { target: input.target } : {}),
        })),
        columnLabels: plan.grid.columnLabels,
        rowLabels: plan.grid.rowLabels,
        cells: plan.grid.cells.map((cell) => {
          const input = inputs_.get(cell.image?.id ?? "current");
          return {
            row: cell.row,
            column: cell.column,
            request: { ...cell.request, image_url: input?.url ?? "" },
            status: "pending",
            runId: null,
            ...(hasImageAxis
              ? { predictedSize: sizeOf(cell.image), inputThumbnail: input?.thumbnail ?? null }
              : {}),
          };
        }),
        concurrency: clampSweepConcurrency(concurrency),
        inputThumbnail: firstInput?.thumbnail ?? null,
        predictedSize: sizeOf(first?.image),
        backend: get().backend,
      };
      set((state) => ({ sweeps: [sweep, ...state.sweeps] }));
      save(sweep.id);
      pump(sweep.id);
      return sweep.id;
    },
    cancelSweep: async (sweepId: string): Promise<void> => {
      const sweep = sweepOf(sweepId);
      if (!sweep) return;
      update(sweepId, (current) => ({
        ...current,
        cells: current.cells.map((cell) =>
          cell.status === "pending" ? { ...cell, status: "cancelled" } : cell,
        ),
      }));
      await Promise.all(
        sweep.cells
          .filter((cell) => cell.status === "started" && isActive(runOf(cell.runId)))
          .map((cell) => on.cancelRun(cell.runId as string)),
      );
    },
    retryFailedCells: (sweepId: string): void => {
      const sweep = sweepOf(sweepId);
      if (!sweep) return;
      const failed = sweep.cells
        .filter((cell) => cell.status === "started" && runOf(cell.runId)?.phase === "failed")
        .map((cell) => cell.runId as string);
      if (failed.length === 0) return;
      const replaced = new Set(failed);
      update(sweepId, (current) => ({
        ...current,
        cells: current.cells.map((cell) =>
          cell.runId && replaced.has(cell.runId)
            ? { ...cell, status: "pending", runId: null }
            : cell,
        ),
      }));
      void discardRuns(failed);
      pump(sweepId);
    },
    setSweepConcurrency: (sweepId: string, concurrency: number): void => {
      if (!sweepOf(sweepId)) return;
      update(sweepId, (current) => ({
        ...current,
        concurrency: clampSweepConcurrency(concurrency),
      }));
      pump(sweepId);
    },
    deleteSweep: async (sweepId: string): Promise<void> => {
      const sweep = sweepOf(sweepId);
      if (!sweep) return;
      const runIds = sweep.cells.flatMap((cell) => (cell.runId ? [cell.runId] : []));
      if (runIds.some((id) => isActive(runOf(id)))) return;
      set((state) => ({ sweeps: state.sweeps.filter((candidate) => candidate.id !== sweepId) }));
      await discardRuns(runIds);
      await get()
        .services.history?.deleteSweep?.(sweepId)
        .catch(() => {});
    },
    pumpSweeps: (): void => {
      for (const sweep of get().sweeps) {
        if (sweep.cells.some((cell) => cell.status === "pending")) pump(sweep.id);
      }
    },
    importSweeps: async (records: readonly SweepRecord[]): Promise<number> => {
      const known = new Set(get().sweeps.map((sweep) => sweep.id));
      const runIds = new Set(get().runs.map((run) => run.id));
      const added = records
        .filter((sweep) => !known.has(sweep.id))
        .map((sweep) => ({
          ...sweep,
          cells: sweep.cells.map((cell) =>
            cell.runId && runIds.has(cell.runId)
              ? cell
              : { ...cell, status: "cancelled" as const, runId: null },
          ),
        }));
      if (added.length === 0) return 0;
      set((state) => ({
        sweeps: [...state.sweeps, ...added].sort((a, b) => b.createdAt - a.createdAt),
      }));
      for (const sweep of added) await get().services.history?.saveSweep?.(sweep);
      return added.length;
    },
  };
}

/** What the sweep engine does (see {@link createSweepEngine}). */
export type SweepEngine = ReturnType<typeof createSweepEngine>;
