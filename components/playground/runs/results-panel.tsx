"use client";

import { type ReactNode, useLayoutEffect, useMemo, useRef, useState } from "react";
import { CompareProvider } from "@/components/playground/compare-picks/compare-context";
import {
  GalleryFilterProvider,
  type GalleryFilterState,
  type GalleryListHandle,
  type GalleryPlace,
  GalleryPlaceProvider,
  useGalleryPlace,
} from "@/components/playground/gallery/gallery-context";
import { EmptyResults } from "@/components/playground/gallery/gallery-empty";
import { GalleryUndoNotice } from "@/components/playground/gallery/gallery-undo-notice";
import { HistoryNotices } from "@/components/playground/history-notices";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { LoadingNote } from "@/components/ui/loading";
import { clientOnly } from "@/components/ui/on-demand";
import { type GalleryFilter, NO_FILTER } from "@/lib/store/gallery-filter";
import { HistoryTransfer } from "./history-transfer";
import { ResultViewerProvider } from "./result-context";
import { useResultViewerState } from "./use-result-viewer";

// The history's cards, list and toolbar, with the gallery's selectors (what a filter shows, how
// many there are), load once there is anything in the history: the first screen (no history)
// has none of their code.
const GalleryList = clientOnly(
  () => import("@/components/playground/gallery/gallery-list").then((m) => m.GalleryList),
  <LoadingNote what="the history" />,
);
const GalleryToolbar = clientOnly(() =>
  import("@/components/playground/gallery/gallery-toolbar").then((m) => m.GalleryToolbar),
);

/**
 * What the stage and the history share: compare picks, the gallery's filter and navigation, the
 * result viewer (and its full-size lightbox). Going to a run also puts it on the stage.
 */
export function ResultsProviders({ children }: { children: ReactNode }) {
  return (
    <CompareProvider>
      <GalleryProviders>{children}</GalleryProviders>
    </CompareProvider>
  );
}

function GalleryProviders({ children }: { children: ReactNode }) {
  const [filter, setFilterState] = useState<GalleryFilter>(NO_FILTER);
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
  const place = useMemo<GalleryPlace>(
    () => ({ listRef, filterRef, showEveryRun: () => setFilterState(NO_FILTER) }),
    [],
  );

  return (
    <GalleryFilterProvider value={filterState}>
      <GalleryPlaceProvider value={place}>
        <ResultViewerProvider value={viewer}>
          {children}
          {lightbox}
        </ResultViewerProvider>
      </GalleryPlaceProvider>
    </GalleryFilterProvider>
  );
}

/**
 * The history: every run, newest first, searchable and filterable, with its status, results and
 * actions (star, delete with undo, clear all), in a virtualised list with its own scroll, so it
 * never pushes the stage away and stays smooth with thousands of runs. Inside `ResultsProviders`.
 */
export function ResultsPanel() {
  const { listRef } = useGalleryPlace();
  // Anything in the history (what `GalleryList` and `GalleryToolbar` then show exactly).
  const hasItems = usePlaygroundStore(
    (s) => s.runs.length > 0 || s.sweeps.length > 0 || s.batches.length > 0,
  );
  const hasDeletion = usePlaygroundStore((s) => s.deletion !== null);
  const scrollRef = useRef<HTMLDivElement>(null);

  return (
    <section
      aria-labelledby="results-panel-title"
      className="relative flex min-h-0 min-w-0 flex-col gap-3 overflow-hidden rounded-xl border border-neutral-200 bg-white p-3 shadow-sm dark:border-neutral-800 dark:bg-neutral-900"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2
          id="results-panel-title"
          className="text-sm font-semibold tracking-wide text-neutral-700 uppercase dark:text-neutral-300"
        >
          History
        </h2>
        <HistoryTransfer />
      </div>
      <HistoryNotices />
      {hasItems || hasDeletion ? <GalleryToolbar /> : null}
      <GalleryUndoNotice />
      <div
        ref={scrollRef}
        data-testid="history-scroll"
        className="relative -mx-1 min-h-0 flex-1 overflow-y-auto overscroll-contain px-1 pb-1"
      >
        {hasItems ? <GalleryList ref={listRef} scrollRef={scrollRef} /> : <EmptyResults />}
      </div>
    </section>
  );
}
