import type { StateCreator } from "zustand";
import { toAppError } from "@/lib/browser/errors";
import { errorMessage } from "@/lib/domain/app-error";
import { checkForm, hasPixels } from "@/lib/domain/form";
import { randomSeed } from "@/lib/domain/settings";
import { outputSize } from "@/lib/kontext/resolution";
import { parseAxis } from "@/lib/sweep/axis";
import { estimateSweep, expandSweep } from "@/lib/sweep/cells";
import type { SweepRecord } from "@/lib/sweep/record";
import { historyAlert } from "./alerts";
import { coordinate } from "./coordination";
import type { AxisInput } from "./outcomes";
import { runOf as selectRun } from "./selectors";
import type { PlaygroundState, SweepSlice } from "./state";
import type { Run } from "./types";

/** How many cells of a sweep run at once, unless the person chooses otherwise. */
export const DEFAULT_SWEEP_CONCURRENCY = 2;
/** The most cells a sweep may run at once. */
export const MAX_SWEEP_CONCURRENCY = 8;

/** The sweep form's axes before anything is typed. */
export const DEFAULT_SWEEP_FORM: AxisInput[] = [{ kind: "lora_scale", text: "0, 0.5, 1, 1.5" }];

/** The ids of every run that belongs to a sweep (shown in its grid, not as a run of its own). */
export function selectSweepRunIds(state: Pick<PlaygroundState, "sweeps">): Set<string> {
  const ids = new Set<string>();
  for (const sweep of state.sweeps) {
    for (const cell of sweep.cells) if (cell.runId) ids.add(cell.runId);
  }
  return ids;
}

export const createSweepSlice: StateCreator<PlaygroundState, [], [], SweepSlice> = (set, get) => {
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
        inputThumbnail: sweep.inputThumbnail,
        parentId: null,
        size: sweep.predictedSize,
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

  /** Removes runs from the store and the history without offering an undo (replaced cells). */
  async function discardRuns(ids: readonly string[]): Promise<void> {
    const gone = new Set(ids);
    set((state) => ({ runs: state.runs.filter((run) => !gone.has(run.id)) }));
    const history = get().services.history;
    for (const id of ids) await history?.deleteRun(id).catch(() => {});
  }

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
        }
      } catch (error) {
        set({ alert: historyAlert(`The sweep setup could not be read: ${errorMessage(error)}`) });
      } finally {
        set({ isSweepSetupLoaded: true });
      }
    },
    sweepError: null,
    planSweep: (inputs, seed) => {
      const state = get();
      const { fieldErrors, request } = checkForm(state);
      if (!request || !state.image || !hasPixels(state.image)) {
        const first = Object.values(fieldErrors)[0] ?? "Add an image to edit";
        return {
          ok: false,
          message: `Fix the form first: ${first}`,
          axis: null,
          isFormProblem: true,
        };
      }
      const axes = [];
      for (const [index, input] of inputs.entries()) {
        const parsed = parseAxis(input.kind, input.text);
        if (!parsed.ok) return { ok: false, message: parsed.message, axis: index };
        axes.push({
          kind: input.kind,
          values: parsed.values,
          ...(input.target ? { target: input.target } : {}),
        });
      }
      const fixedSeed = state.settings.seedMode === "fixed" ? state.settings.seed : seed;
      const base = { ...request, seed: fixedSeed };
      const expanded = expandSweep(base, axes);
      if (!expanded.ok) return { ok: false, message: expanded.message, axis: null };
      const size = outputSize(request.resolution_mode, state.image);
      return {
        ok: true,
        grid: expanded.grid,
        estimate: estimateSweep(expanded.grid.cells.length, size, request.num_images),
        seed: fixedSeed,
      };
    },
    startSweep: async (inputs, { concurrency, seed }) => {
      const plan = get().planSweep(inputs, seed);
      if (!plan.ok) {
        set({ sweepError: plan.message });
        return null;
      }
      set({ sweepError: null });
      const { services, image } = get();
      if (!image) return null;
      let imageUrl = image.remoteUrl;
      try {
        if (!imageUrl) {
          if (!image.file) throw new Error("The image has no file to upload; choose it again");
          imageUrl = await services.upload(image.file);
          const current = get().image;
          if (current?.file === image.file) set({ image: { ...current, remoteUrl: imageUrl } });
          void on.imageUploaded(imageUrl, image.file);
        }
      } catch (error) {
        set({ sweepError: `The image could not be uploaded: ${toAppError(error).message}` });
        return null;
      }
      const thumbnailSource = image.file ?? imageUrl;
      const inputThumbnail = services.makeThumbnail
        ? await services.makeThumbnail(thumbnailSource).catch(() => null)
        : null;
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
        cells: plan.grid.cells.map((cell) => ({
          row: cell.row,
          column: cell.column,
          request: { ...cell.request, image_url: imageUrl },
          status: "pending",
          runId: null,
        })),
        concurrency: clampConcurrency(concurrency),
        inputThumbnail,
        predictedSize: outputSize(
          plan.grid.cells[0]?.request.resolution_mode ?? "match_input",
          image,
        ),
        backend: get().backend,
      };
      set((state) => ({ sweeps: [sweep, ...state.sweeps] }));
      save(sweep.id);
      pump(sweep.id);
      return sweep.id;
    },
    cancelSweep: async (sweepId) => {
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
    retryFailedCells: (sweepId) => {
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
    setSweepConcurrency: (sweepId, concurrency) => {
      if (!sweepOf(sweepId)) return;
      update(sweepId, (current) => ({ ...current, concurrency: clampConcurrency(concurrency) }));
      pump(sweepId);
    },
    deleteSweep: async (sweepId) => {
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
    pumpSweeps: () => {
      for (const sweep of get().sweeps) {
        if (sweep.cells.some((cell) => cell.status === "pending")) pump(sweep.id);
      }
    },
    importSweeps: async (records) => {
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

function clampConcurrency(value: number): number {
  if (!Number.isFinite(value)) return DEFAULT_SWEEP_CONCURRENCY;
  return Math.min(MAX_SWEEP_CONCURRENCY, Math.max(1, Math.round(value)));
}

/** How long the sweep setup must stay unchanged before it is saved (as the draft's delay). */
export const SWEEP_SETUP_SAVE_DELAY_MS = 400;

/**
 * The sweep setup's autosave: with a history service that keeps it, the Sweep panel's axes,
 * seed and concurrency are saved {@link SWEEP_SETUP_SAVE_DELAY_MS} after they last changed, once
 * the saved setup has been read (so it is never overwritten before it is restored).
 */
export function autosaveSweepSetup(store: {
  getState: () => PlaygroundState;
  setState: (partial: Partial<PlaygroundState>) => void;
  subscribe: (listener: (state: PlaygroundState, previous: PlaygroundState) => void) => unknown;
}): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  store.subscribe((state, previous) => {
    const save = state.services.history?.saveSweepSetup;
    if (!save || !state.isSweepSetupLoaded || !previous.isSweepSetupLoaded) return;
    const isChanged =
      state.sweepForm !== previous.sweepForm ||
      state.sweepFormSeed !== previous.sweepFormSeed ||
      state.sweepFormConcurrency !== previous.sweepFormConcurrency;
    if (!isChanged) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const { sweepForm, sweepFormSeed, sweepFormConcurrency } = store.getState();
      save({ axes: sweepForm, seed: sweepFormSeed, concurrency: sweepFormConcurrency }).catch(
        (error: unknown) =>
          store.setState({
            alert: historyAlert(`The sweep setup could not be saved: ${errorMessage(error)}`),
          }),
      );
    }, SWEEP_SETUP_SAVE_DELAY_MS);
  });
}
