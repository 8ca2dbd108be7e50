"use client";

import { useWorkspaceView } from "./workspace-view";

/**
 * "Result ready": on a phone, when a run finishes while the inputs are shown, a control above
 * Generate that switches to the result.
 */
export function ResultReady() {
  const workspace = useWorkspaceView();
  if (!workspace?.isResultReady || workspace.view !== "edit") return null;
  return (
    <button
      type="button"
      onClick={() => workspace.show("result")}
      className="flex items-center justify-center gap-2 rounded-full bg-emerald-700 px-4 py-2 text-sm font-medium text-white shadow-lg hover:bg-emerald-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 md:hidden dark:bg-emerald-700 dark:hover:bg-emerald-800"
    >
      <span aria-hidden="true" className="size-2 rounded-full bg-white" />
      Result ready — show it
    </button>
  );
}
