"use client";

import { createContext, useContext } from "react";

/** The workspace's two views on a phone: the inputs, or the stage and history. */
export type WorkspaceViewName = "edit" | "result";

export interface WorkspaceView {
  view: WorkspaceViewName;
  /** A run finished while the edit view was shown on a phone, and its result was not seen yet. */
  isResultReady: boolean;
  /** Shows a view (on a phone; wider screens show both and nothing changes). */
  show: (view: WorkspaceViewName) => void;
}

const WorkspaceViewContext = createContext<WorkspaceView | null>(null);

export const WorkspaceViewProvider = WorkspaceViewContext.Provider;

/** The workspace's view switch; null outside the workspace (nothing to switch then). */
export function useWorkspaceView(): WorkspaceView | null {
  return useContext(WorkspaceViewContext);
}
