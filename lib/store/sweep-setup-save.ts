import type { PlaygroundState } from "./state";

/**
 * Saves the Sweep panel's setup (axes, seed, concurrency) as it is now, then deletes the images
 * no axis holds any more (as of then). Rejects when either fails (`autosaveSweepSetup` reports it).
 */
export async function saveSweepSetup(getState: () => PlaygroundState): Promise<void> {
  const { sweepForm, sweepFormSeed, sweepFormConcurrency, services } = getState();
  const save = services.history?.saveSweepSetup;
  if (!save) return;
  await save({ axes: sweepForm, seed: sweepFormSeed, concurrency: sweepFormConcurrency });
  // Images no axis holds any more are deleted once the setup without them is saved.
  const kept = new Set(
    getState().sweepForm.flatMap((axis) => (axis.images ?? []).map((i) => i.id)),
  );
  await services.sweepImages?.prune(kept);
}
