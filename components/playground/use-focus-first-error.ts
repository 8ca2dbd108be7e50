"use client";

import { useCallback } from "react";
import { focusFirstInvalid } from "@/components/ui/focus";
import { usePlaygroundStoreApi } from "./store-provider";

/**
 * Generate, for the button and Ctrl/⌘+Enter alike: starts a run and, when the form check
 * refuses it with field errors, moves focus to the first invalid control so the error is heard
 * (each control's `aria-describedby` names its error) and can be fixed at once.
 */
export function useStartRunFocusingErrors(): () => Promise<void> {
  const store = usePlaygroundStoreApi();
  return useCallback(async () => {
    const runId = await store.getState().startRun();
    if (runId !== null) return;
    if (Object.keys(store.getState().fieldErrors).length > 0) focusFirstInvalid();
  }, [store]);
}
