"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { isActivePhase } from "@/components/playground/runs/run-output";
import { usePlaygroundStoreApi } from "@/components/playground/store-provider";
import { selectStageRunId } from "@/lib/store/playground-store";
import type { WorkspaceView, WorkspaceViewName } from "./workspace-view";

/**
 * The phone's view switch: a run the person starts (Generate, Ctrl/⌘+Enter, retry, a sweep) shows
 * the result view; the stage's run finishing while the edit view is shown raises "Result ready"
 * until the result view is shown.
 */
export function useWorkspaceViewState(): WorkspaceView {
  const store = usePlaygroundStoreApi();
  const [view, setView] = useState<WorkspaceViewName>("edit");
  const [isResultReady, setIsResultReady] = useState(false);
  const viewRef = useRef(view);
  useEffect(() => {
    viewRef.current = view;
  }, [view]);

  useEffect(
    () =>
      store.subscribe((state, previous) => {
        const newest = state.runs[0];
        // One new, active run on top: a run was just started (not a restored or imported one).
        const isStarted =
          newest !== undefined &&
          newest.id !== previous.runs[0]?.id &&
          state.runs.length === previous.runs.length + 1 &&
          isActivePhase(newest.phase);
        if (isStarted) {
          setView("result");
          setIsResultReady(false);
          return;
        }
        const stageId = selectStageRunId(state);
        const before = previous.runs.find((run) => run.id === stageId);
        const now = state.runs.find((run) => run.id === stageId);
        if (before && now && isActivePhase(before.phase) && now.phase === "completed") {
          if (viewRef.current === "edit") setIsResultReady(true);
        }
      }),
    [store],
  );

  return useMemo(
    () => ({
      view,
      isResultReady,
      show: (next: WorkspaceViewName) => {
        setView(next);
        if (next === "result") setIsResultReady(false);
      },
    }),
    [view, isResultReady],
  );
}
