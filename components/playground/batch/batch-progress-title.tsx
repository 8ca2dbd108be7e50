"use client";

import { useEffect, useRef } from "react";
import { useShallow } from "zustand/react/shallow";
import { usePlaygroundStore, usePlaygroundStoreApi } from "@/components/playground/store-provider";
import { isInFlight } from "@/lib/batch/status";
import { notifyIfHidden } from "@/lib/browser/notify";
import { selectActiveBatchesSummary } from "@/lib/store/batch-selectors";
import { titleWithProgress } from "./batch-format";

/**
 * Batches you can leave: the page title carries their progress (`(7/12) Kontext Playground`),
 * and a batch that ends while the tab is hidden says so in a notification (when allowed).
 */
export function BatchProgressTitle() {
  const store = usePlaygroundStoreApi();
  const summary = usePlaygroundStore(
    useShallow((s) => {
      const found = selectActiveBatchesSummary(s, 0);
      return found
        ? { ended: found.ended, wanted: found.wanted, isPaused: found.isPaused, etaMs: null }
        : null;
    }),
  );
  const baseTitle = useRef<string | null>(null);

  useEffect(() => {
    baseTitle.current ??= document.title;
    document.title = titleWithProgress(baseTitle.current, summary);
  }, [summary]);

  useEffect(() => {
    let inFlight = new Set(
      store
        .getState()
        .batches.filter(isInFlight)
        .map((batch) => batch.id),
    );
    return store.subscribe((state, previous) => {
      if (state.batches === previous.batches) return;
      const now = new Set<string>();
      for (const batch of state.batches) {
        if (isInFlight(batch)) {
          now.add(batch.id);
        } else if (inFlight.has(batch.id)) {
          const done = batch.items.filter((item) => item.status === "done").length;
          const failed = batch.items.filter((item) => item.status === "failed").length;
          notifyIfHidden("Batch finished", {
            body: `${batch.name}: ${done} done${failed > 0 ? `, ${failed} failed` : ""}`,
            tag: `batch-${batch.id}`,
          });
        }
      }
      inFlight = now;
    });
  }, [store]);

  return null;
}
