"use client";

import { defaultRangeExtractor, type Range, useVirtualizer } from "@tanstack/react-virtual";
import {
  type FocusEvent,
  type Ref,
  type RefObject,
  useCallback,
  useImperativeHandle,
  useMemo,
  useRef,
} from "react";
import { BatchCard } from "@/components/playground/batch/batch-lazy";
import { RunCard, runTitleId } from "@/components/playground/runs/run-card";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { SweepCard } from "@/components/playground/sweeps/sweep-card";
import { focusOnceInView, isInView } from "@/components/ui/focus-in-view";
import {
  batchIdOfItem,
  selectAllGalleryItems,
  selectRunNumbers,
  sweepIdOfItem,
} from "@/lib/store/gallery";
import type { GalleryListHandle } from "./gallery-context";
import { EmptyResults } from "./gallery-empty";
import { NoMatchingRuns } from "./gallery-no-match";
import { useShownItems } from "./gallery-shown";

/** A card's height before it is measured: a run with one landscape result. */
const ESTIMATED_CARD_PX = 560;
/** Space between cards (Tailwind's gap-4). */
const GAP_PX = 16;
/** Cards rendered beyond each edge of the history's scroll box: a few runs are all in the document. */
const OVERSCAN = 4;
/** Room left above a run scrolled to, so its heading's focus ring shows. */
const SCROLL_PADDING_PX = 8;

interface GalleryListProps {
  scrollRef: RefObject<HTMLElement | null>;
  ref?: Ref<GalleryListHandle>;
}

/**
 * What the history's scroll box shows once it holds anything: the runs the filter shows (see
 * `GalleryRuns`), a note when the filters hide every run, or the empty history's note again
 * when nothing is left. Its code (and the gallery's selectors) loads with the first run.
 */
export function GalleryList({ scrollRef, ref }: GalleryListProps) {
  const runIds = useShownItems();
  const isEmpty = usePlaygroundStore((s) => selectAllGalleryItems(s).length === 0);
  if (isEmpty) return <EmptyResults />;
  return runIds.length === 0 ? (
    <NoMatchingRuns />
  ) : (
    <GalleryRuns ref={ref} runIds={runIds} scrollRef={scrollRef} />
  );
}

/**
 * The runs the gallery shows, newest first, as one ordered list. Only the cards in and near the
 * visible part of `scrollRef` (the history's own scroll box, of which the list is the first
 * child) are rendered, each measured as it renders, plus the card that has focus, so focus is
 * never lost to a card scrolled out of view. Items say their place in the whole list
 * (`aria-posinset` of `aria-setsize`).
 */
function GalleryRuns({ runIds, scrollRef, ref }: GalleryListProps & { runIds: readonly string[] }) {
  const numbers = usePlaygroundStore(selectRunNumbers);
  const focusedRunRef = useRef<string | null>(null);
  const indexById = useMemo(() => new Map(runIds.map((id, index) => [id, index])), [runIds]);

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      const focused = focusedRunRef.current;
      const index = focused === null ? undefined : indexById.get(focused);
      if (index === undefined || indexes.includes(index)) return indexes;
      return [...indexes, index].sort((a, b) => a - b);
    },
    [indexById],
  );

  const virtualizer = useVirtualizer({
    count: runIds.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_CARD_PX,
    overscan: OVERSCAN,
    gap: GAP_PX,
    scrollPaddingStart: SCROLL_PADDING_PX,
    getItemKey: (index) => runIds[index] ?? index,
    rangeExtractor,
  });

  useImperativeHandle(
    ref,
    () => ({
      scrollToRun: (runId) => {
        const index = indexById.get(runId);
        if (index === undefined) return false;
        // Kept rendered from now on, wherever the scroll goes.
        focusedRunRef.current = runId;
        const heading = document.getElementById(runTitleId(runId));
        if (heading && isInView(heading, 0) && isWithin(heading, scrollRef.current)) {
          heading.focus();
          return true;
        }
        virtualizer.scrollToIndex(index, { align: "start" });
        focusOnceInView(runTitleId(runId));
        return true;
      },
    }),
    [indexById, virtualizer, scrollRef],
  );

  const onFocus = (event: FocusEvent<HTMLOListElement>) => {
    const item = event.target.closest<HTMLElement>("[data-run-id]");
    focusedRunRef.current = item?.dataset.runId ?? null;
  };
  const onBlur = (event: FocusEvent<HTMLOListElement>) => {
    const next = event.relatedTarget;
    if (!(next instanceof Node) || !event.currentTarget.contains(next)) {
      focusedRunRef.current = null;
    }
  };

  return (
    <ol
      onFocus={onFocus}
      onBlur={onBlur}
      // The virtualizer keeps the scroll position steady as cards are measured; the browser's
      // own scroll anchoring would correct the same change twice.
      className="relative [overflow-anchor:none]"
      style={{ height: virtualizer.getTotalSize() }}
    >
      {virtualizer.getVirtualItems().map((item) => {
        const runId = runIds[item.index];
        if (runId === undefined) return null;
        return (
          <li
            key={item.key}
            ref={virtualizer.measureElement}
            data-index={item.index}
            data-run-id={runId}
            aria-posinset={item.index + 1}
            aria-setsize={runIds.length}
            className="absolute top-0 left-0 w-full"
            style={{ transform: `translateY(${item.start}px)` }}
          >
            <GalleryItem itemId={runId} runNumber={numbers.get(runId) ?? 0} />
          </li>
        );
      })}
    </ol>
  );
}

/** Whether an element lies wholly inside the visible part of a scroll box. */
function isWithin(element: HTMLElement, box: HTMLElement | null): boolean {
  if (!box) return true;
  const inner = element.getBoundingClientRect();
  const outer = box.getBoundingClientRect();
  return inner.top >= outer.top - 1 && inner.bottom <= outer.bottom + 1;
}

/** A run's card, a sweep's (`sweep:<id>` items) or a batch's (`batch:<id>`). */
function GalleryItem({ itemId, runNumber }: { itemId: string; runNumber: number }) {
  const sweepId = sweepIdOfItem(itemId);
  const batchId = batchIdOfItem(itemId);
  const sweepNumber = usePlaygroundStore((s) => {
    if (sweepId === null) return 0;
    const index = s.sweeps.findIndex((sweep) => sweep.id === sweepId);
    return index < 0 ? 0 : s.sweeps.length - index;
  });
  if (batchId !== null) return <BatchCard batchId={batchId} />;
  if (sweepId !== null) return <SweepCard sweepId={sweepId} sweepNumber={sweepNumber} />;
  return <RunCard runId={itemId} runNumber={runNumber} />;
}
