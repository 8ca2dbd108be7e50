"use client";

import type { ReactNode } from "react";
import { AlertBanner } from "@/components/playground/alert-banner";
import type { PlaygroundBackend } from "@/components/playground/prompt/generate-bar";
import { ResultsPanel, ResultsProviders } from "@/components/playground/runs/results-panel";
import { PLAYGROUND_ROOT_ID } from "@/components/ui/focus";
import { type TabList, useTabList } from "@/components/ui/tabs";
import { InputsPanel } from "./inputs-panel";
import { Stage } from "./stage";
import { useIsPhone } from "./use-is-phone";
import { useWorkspaceViewState } from "./use-workspace-view-state";
import { type WorkspaceViewName, WorkspaceViewProvider } from "./workspace-view";

const VIEWS: readonly WorkspaceViewName[] = ["edit", "result"];

const TAB_CLASS =
  "relative flex h-10 items-center justify-center gap-2 rounded-md text-sm font-medium text-neutral-600 hover:text-neutral-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 data-[state=active]:bg-white data-[state=active]:text-neutral-900 data-[state=active]:shadow-sm dark:text-neutral-400 dark:hover:text-neutral-100 dark:data-[state=active]:bg-neutral-800 dark:data-[state=active]:text-neutral-50";

/**
 * The workspace, as tall as the screen: the inputs on the left (scrolling on their own, Generate
 * pinned below them), the stage with the active run in the middle and the history on the right
 * (below the stage on tablets), each with its own scroll so none pushes another away. On a phone
 * the inputs and the result are two tabs, "Edit" and "Result"; wider screens show both panels and
 * hide the tab list.
 */
export function WorkspaceLayout({ backend }: { backend: PlaygroundBackend }) {
  const workspace = useWorkspaceViewState();
  const tabs = useTabList(VIEWS, workspace.view, workspace.show);
  return (
    <WorkspaceViewProvider value={workspace}>
      <div className="flex min-h-0 flex-1 flex-col gap-2">
        <div
          role="tablist"
          aria-label="Workspace"
          className="grid shrink-0 grid-cols-2 gap-1 rounded-lg bg-neutral-200/70 p-1 md:hidden dark:bg-neutral-900"
        >
          <button {...tabs.tabProps("edit")} className={TAB_CLASS}>
            Edit
          </button>
          <button {...tabs.tabProps("result")} className={TAB_CLASS}>
            Result
            {workspace.isResultReady ? (
              <span className="size-2 rounded-full bg-emerald-600 dark:bg-emerald-400">
                <span className="sr-only">(ready)</span>
              </span>
            ) : null}
          </button>
        </div>
        <AlertBanner />
        <div
          id={PLAYGROUND_ROOT_ID}
          className="grid min-h-0 flex-1 gap-3 md:grid-cols-[minmax(0,20rem)_minmax(0,1fr)] lg:grid-cols-[minmax(0,24rem)_minmax(0,1fr)] xl:grid-cols-[minmax(0,28rem)_minmax(0,1fr)]"
        >
          {/* Both panels stay mounted (the form and the history keep their state); on a phone
              the inactive one is hidden by its data-state. */}
          <WorkspacePanel
            value="edit"
            tabs={tabs}
            selected={workspace.view}
            className="flex min-h-0 min-w-0 flex-col outline-none data-[state=inactive]:max-md:hidden"
          >
            <InputsPanel backend={backend} />
          </WorkspacePanel>
          <WorkspacePanel
            value="result"
            tabs={tabs}
            selected={workspace.view}
            className="grid min-h-0 min-w-0 grid-rows-[minmax(0,3fr)_minmax(0,2fr)] gap-3 outline-none data-[state=inactive]:max-md:hidden lg:grid-cols-[minmax(0,1fr)_minmax(0,20rem)] lg:grid-rows-1 2xl:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]"
          >
            <ResultsProviders>
              <Stage />
              <ResultsPanel />
            </ResultsProviders>
          </WorkspacePanel>
        </div>
      </div>
    </WorkspaceViewProvider>
  );
}

/**
 * One of the two panels: a tab panel on a phone, a plain container on wider screens. It reads the
 * screen size itself, so on a phone (known only once hydrated) the switch re-renders this element
 * alone, never the panel's contents (the same `children` as before).
 */
function WorkspacePanel({
  value,
  tabs,
  selected,
  className,
  children,
}: {
  value: WorkspaceViewName;
  tabs: TabList<WorkspaceViewName>;
  selected: WorkspaceViewName;
  className: string;
  children: ReactNode;
}) {
  const panelRole = useIsPhone() ? { role: "tabpanel", "aria-labelledby": tabs.tabId(value) } : {};
  return (
    <div
      id={tabs.panelId(value)}
      data-state={value === selected ? "active" : "inactive"}
      tabIndex={-1}
      {...panelRole}
      className={className}
    >
      {children}
    </div>
  );
}
