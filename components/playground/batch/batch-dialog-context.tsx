"use client";

import { createContext, type ReactNode, useContext, useMemo, useState } from "react";
import { clientOnly } from "@/components/ui/on-demand";
import type { BatchRecipeSource } from "@/lib/store/state";

// Loaded on first open: none of the batch dialog is in the first screen's bundle.
const BatchDialog = clientOnly(() => import("./batch-dialog").then((m) => m.default));

/** Opens the batch dialog with a recipe: the form's, or a history run's. */
export type OpenBatchDialog = (source: BatchRecipeSource) => void;

const BatchDialogContext = createContext<OpenBatchDialog | null>(null);

/**
 * Holds the batch dialog for the whole workspace, so "Batch edit…" in the inputs and "Batch with
 * this recipe…" on a run open the same one (a run's menu may be gone by the time it shows).
 */
export function BatchDialogProvider({ children }: { children: ReactNode }) {
  const [source, setSource] = useState<BatchRecipeSource | null>(null);
  const open = useMemo<OpenBatchDialog>(() => (next) => setSource(next), []);
  return (
    <BatchDialogContext value={open}>
      {children}
      {source ? <BatchDialog source={source} onClose={() => setSource(null)} /> : null}
    </BatchDialogContext>
  );
}

/** Opens the batch dialog; null outside `BatchDialogProvider` (nothing to open there). */
export function useOpenBatchDialog(): OpenBatchDialog | null {
  return useContext(BatchDialogContext);
}
