"use client";

import dynamic from "next/dynamic";
import {
  createContext,
  type ReactNode,
  type RefObject,
  useContext,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { flushSync } from "react-dom";
import { CompareProvider } from "@/components/playground/compare-picks/compare-context";
import {
  GALLERY_SEARCH_ID,
  GalleryFilterProvider,
  type GalleryFilterState,
  type GalleryNavigation,
  GalleryNavigationProvider,
} from "@/components/playground/gallery/gallery-context";
import { EmptyResults } from "@/components/playground/gallery/gallery-empty";
import type { GalleryListHandle } from "@/components/playground/gallery/gallery-list";
import { GalleryUndoNotice } from "@/components/playground/gallery/gallery-undo-notice";
import { HistoryNotices } from "@/components/playground/history-notices";
import { usePlaygroundStore, usePlaygroundStoreApi } from "@/components/playground/store-provider";
import { focusAfterRender } from "@/components/ui/focus";
import { LoadingNote } from "@/components/ui/loading";
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

// The history's cards, list (with its note for filters that hide every run) and toolbar load once
// there is a run to show: the first screen (no history) has none of their code.
const GalleryList = dynamic(
  () => import("@/components/playground/gallery/gallery-list").then((m) => m.GalleryList),
  { ssr: false, loading: () => <LoadingNote what="the history" /> },
);
const GalleryToolbar = dynamic(
  () => import("@/components/playground/gallery/gallery-toolbar").then((m) => m.GalleryToolbar),
  { ssr: false },
);

/** What the history column shares with the providers: the list (to scroll to a run) and the ids. */
interface HistoryList {
  listRef: RefObject<GalleryListHandle | null>;
  runIds: readonly string[];
}

const HistoryListContext = createContext<HistoryList | null>(null);

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
  const store = usePlaygroundStoreApi();
  const [filter, setFilterState] = useState<GalleryFilter>(NO_FILTER);
  const selectRunIds = useMemo(() => selectGalleryRunIds(filter), [filter]);
  const runIds = usePlaygroundStore(selectRunIds);
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
        // when the filters hide it, show every run first. The run takes the stage too.
        const exists = store.getState().runs.some((run) => run.id === runId);
        if (exists) store.getState().stageRun(runId);
        flushSync(() => {});
        if (listRef.current?.scrollToRun(runId)) return;
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
  const historyList = useMemo<HistoryList>(() => ({ listRef, runIds }), [runIds]);

  return (
    <GalleryFilterProvider value={filterState}>
      <GalleryNavigationProvider value={navigation}>
        <ResultViewerProvider value={viewer}>
          <HistoryListContext value={historyList}>
            {children}
            {lightbox}
          </HistoryListContext>
        </ResultViewerProvider>
      </GalleryNavigationProvider>
    </GalleryFilterProvider>
  );
}

/**
 * The history: every run, newest first, searchable and filterable, with its status, results and
 * actions (star, delete with undo, clear all), in a virtualised list with its own scroll, so it
 * never pushes the stage away and stays smooth with thousands of runs. Inside `ResultsProviders`.
 */
export function ResultsPanel() {
  const history = useContext(HistoryListContext);
  if (!history) throw new Error("ResultsPanel must be used inside <ResultsProviders>");
  const { listRef, runIds } = history;
  const total = usePlaygroundStore((s) => selectAllGalleryItems(s).length);
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
      {total > 0 || hasDeletion ? <GalleryToolbar shownIds={runIds} /> : null}
      <GalleryUndoNotice />
      <div
        ref={scrollRef}
        data-testid="history-scroll"
        className="relative -mx-1 min-h-0 flex-1 overflow-y-auto overscroll-contain px-1 pb-1"
      >
        {total === 0 ? (
          <EmptyResults />
        ) : (
          <GalleryList ref={listRef} runIds={runIds} scrollRef={scrollRef} />
        )}
      </div>
    </section>
  );
}
