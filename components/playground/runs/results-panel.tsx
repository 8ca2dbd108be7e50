"use client";

import { useLayoutEffect, useMemo, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { CompareProvider } from "@/components/playground/compare-picks/compare-context";
import {
  GALLERY_SEARCH_ID,
  GalleryFilterProvider,
  type GalleryFilterState,
  type GalleryNavigation,
  GalleryNavigationProvider,
} from "@/components/playground/gallery/gallery-context";
import { EmptyResults, NoMatchingRuns } from "@/components/playground/gallery/gallery-empty";
import { GalleryList, type GalleryListHandle } from "@/components/playground/gallery/gallery-list";
import { GalleryToolbar } from "@/components/playground/gallery/gallery-toolbar";
import { GalleryUndoNotice } from "@/components/playground/gallery/gallery-undo-notice";
import { usePlaygroundStore, usePlaygroundStoreApi } from "@/components/playground/store-provider";
import { focusAfterRender } from "@/components/ui/focus";
import { Panel } from "@/components/ui/panel";
import {
  type GalleryFilter,
  isFiltering,
  NO_FILTER,
  selectAllGalleryItems,
  selectGalleryRunIds,
} from "@/lib/store/gallery";
import { HistoryTransfer } from "./history-transfer";
import { ResultViewerProvider } from "./result-context";
import { useResultViewerState } from "./use-result-viewer";

/**
 * The gallery: every run, newest first, searchable and filterable, with its status, results and
 * actions (star, delete with undo, clear all), in a virtualised list that stays smooth with
 * thousands of runs.
 */
export function ResultsPanel() {
  return (
    <CompareProvider>
      <GalleryPanel />
    </CompareProvider>
  );
}

function GalleryPanel() {
  const store = usePlaygroundStoreApi();
  const [filter, setFilterState] = useState<GalleryFilter>(NO_FILTER);
  const selectRunIds = useMemo(() => selectGalleryRunIds(filter), [filter]);
  const runIds = usePlaygroundStore(selectRunIds);
  const total = usePlaygroundStore((s) => selectAllGalleryItems(s).length);
  const hasDeletion = usePlaygroundStore((s) => s.deletion !== null);
  const listRef = useRef<GalleryListHandle>(null);
  const { viewer, lightbox } = useResultViewerState();
  // What the navigation's handlers (stable, called after renders) see of the filter.
  const filterRef = useRef(filter);
  useLayoutEffect(() => {
    filterRef.current = filter;
  }, [filter]);

  const filterState = useMemo<GalleryFilterState>(
    () => ({
      filter,
      setFilter: (patch) => setFilterState((previous) => ({ ...previous, ...patch })),
      clearFilters: () => setFilterState(NO_FILTER),
    }),
    [filter],
  );

  const navigation = useMemo<GalleryNavigation>(
    () => ({
      revealRun: (runId) => {
        // Render what the store just changed (a run brought back by Undo), then go to the run;
        // when the filters hide it, show every run first.
        flushSync(() => {});
        if (listRef.current?.scrollToRun(runId)) return;
        const exists = store.getState().runs.some((run) => run.id === runId);
        if (!exists || !isFiltering(filterRef.current)) return;
        flushSync(() => setFilterState(NO_FILTER));
        listRef.current?.scrollToRun(runId);
      },
      neighbourOf: (runId) => {
        const ids = selectGalleryRunIds(filterRef.current)(store.getState());
        const index = ids.indexOf(runId);
        return index < 0 ? null : (ids[index + 1] ?? ids[index - 1] ?? null);
      },
      focusSearch: () => focusAfterRender([GALLERY_SEARCH_ID, "page-title"]),
    }),
    [store],
  );

  return (
    <Panel title="Results" titleId="results-panel-title" actions={<HistoryTransfer />}>
      <GalleryFilterProvider value={filterState}>
        <GalleryNavigationProvider value={navigation}>
          <ResultViewerProvider value={viewer}>
            {total > 0 || hasDeletion ? <GalleryToolbar shownCount={runIds.length} /> : null}
            <GalleryUndoNotice />
            {total === 0 ? (
              <EmptyResults />
            ) : runIds.length === 0 ? (
              <NoMatchingRuns />
            ) : (
              <GalleryList ref={listRef} runIds={runIds} />
            )}
            {lightbox}
          </ResultViewerProvider>
        </GalleryNavigationProvider>
      </GalleryFilterProvider>
    </Panel>
  );
}
