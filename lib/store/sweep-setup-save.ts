import { errorMessage } from "@/lib/domain/app-error";
import { historyAlert } from "./alerts";
import type { PlaygroundState } from "./state";

/**
 * Saves the Sweep panel's setup (axes, seed, concurrency) as it is now, then deletes the images
 * no axis holds any more; a failure is reported in the alert. Called by `autosaveSweepSetup`.
 */
export async function saveSweepSetup(store: {
  getState: () => PlaygroundState;
  setState: (partial: Partial<PlaygroundState>) => void;
}): Promise<void> {
  const { sweepForm, sweepFormSeed, sweepFormConcurrency, services } = store.getState();
  const save = services.history?.saveSweepSetup;
  if (!save) return;
  try {
    await save({ axes: sweepForm, seed: sweepFormSeed, concurrency: sweepFormConcurrency });
    // Images no axis holds any more are deleted once the setup without them is saved.
    const kept = new Set(
      store.getState().sweepForm.flatMap((axis) => (axis.images ?? []).map((i) => i.id)),
    );
    await services.sweepImages?.prune(kept);
  } catch (error) {
    store.setState({
      alert: historyAlert(`The sweep setup could not be saved: ${errorMessage(error)}`),
    });
  }
}
