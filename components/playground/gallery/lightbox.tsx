"use client";

import { type ReactNode, useCallback, useEffect, useMemo, useRef } from "react";
import { useShallow } from "zustand/react/shallow";
import type { ViewerScope } from "@/components/playground/runs/result-context";
import {
  formatLabel,
  selectCompletedRunSlots,
  viewerItems,
  wrapIndex,
} from "@/components/playground/runs/result-format";
import { ResultImage } from "@/components/playground/runs/result-image";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { formatSize } from "@/components/ui/format";
import { Icon } from "@/components/ui/icons";
import { useViewerKeys } from "./use-viewer-keys";
import { ViewerActions } from "./viewer-actions";
import { scopedItems, viewerTitle } from "./viewer-format";

const VIEWER_BUTTON =
  "inline-flex size-10 shrink-0 items-center justify-center rounded-full bg-white/10 text-white transition-colors hover:bg-white/20 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white disabled:opacity-40";

/**
 * A full-size viewer over every shown image of every completed run (newest run first), or only
 * over `scope` (a sweep's grid, each image titled by its labels). Download, Use as input and
 * Compare act on the image shown. Esc closes (native dialog), ArrowLeft/ArrowRight move,
 * clicking the backdrop closes.
 */
export function Lightbox({
  activeKey,
  scope = null,
  isRevealed,
  onNavigate,
  onClose,
}: {
  activeKey: string;
  scope?: ViewerScope | null;
  isRevealed: (key: string) => boolean;
  onNavigate: (key: string) => void;
  onClose: () => void;
}) {
  // Completed runs only (null slots for the rest): log lines of running runs do not re-render.
  const slots = usePlaygroundStore(useShallow(selectCompletedRunSlots));
  const items = useMemo(
    () => scopedItems(viewerItems(slots, isRevealed), scope),
    [slots, isRevealed, scope],
  );
  const position = items.findIndex((item) => item.key === activeKey);
  const item = items[position];
  const dialogRef = useRef<HTMLDialogElement>(null);

  const go = useCallback(
    (delta: number) => {
      const next = items[wrapIndex(position, delta, items.length)];
      if (next) onNavigate(next.key);
    },
    [items, position, onNavigate],
  );
  const close = useCallback(() => dialogRef.current?.close(), []);

  // Opens once on mount; closing is left to the dialog (Esc, buttons), which calls `onClose`.
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  // The image went away (e.g. hidden again): nothing to show.
  useEffect(() => {
    if (!item) close();
  }, [item, close]);

  useViewerKeys(dialogRef, go, close);

  const hasMany = items.length > 1;
  const title = item ? viewerTitle(item, scope) : "";
  return (
    <dialog
      ref={dialogRef}
      aria-label="Result viewer"
      onClose={onClose}
      className="fixed inset-0 m-0 h-dvh max-h-none w-screen max-w-none overflow-hidden bg-neutral-950/95 p-0 text-white backdrop:bg-black/60 backdrop:backdrop-blur-sm"
    >
      <div className="flex h-full flex-col">
        <div className="flex items-center justify-between gap-3 px-3 py-2 sm:px-4 sm:py-3">
          <div className="min-w-0">
            <h2 className="truncate text-base font-semibold text-white">{title}</h2>
            <p className="text-xs text-neutral-300 tabular-nums">
              {item
                ? `${formatSize(item.image)} · ${formatLabel(item.image.content_type)} · seed ${item.seed}`
                : ""}
            </p>
          </div>
          <div className="flex shrink-0 items-center gap-2">
            {item ? <ViewerActions item={item} title={title} onClose={close} /> : null}
            <button
              type="button"
              // Focus starts here, as before the viewer had actions: nothing is chosen for you.
              // biome-ignore lint/a11y/noAutofocus: the dialog's initial focus (showModal honours it).
              autoFocus
              aria-label="Close viewer"
              className={VIEWER_BUTTON}
              onClick={close}
            >
              <ViewerIcon>
                <path d="M4 4l8 8M12 4l-8 8" />
              </ViewerIcon>
            </button>
          </div>
        </div>
        <div
          data-backdrop=""
          className="flex min-h-0 flex-1 items-center justify-center px-2 sm:px-6"
        >
          {item ? (
            <ResultImage
              key={item.key}
              url={item.image.url}
              alt={`${title}: ${item.prompt}`}
              width={item.image.width}
              height={item.image.height}
              loading="eager"
              className="block h-auto max-h-full w-auto max-w-full object-contain shadow-2xl"
            />
          ) : null}
        </div>
        <div data-backdrop="" className="flex items-center justify-center gap-4 px-3 py-3">
          <button
            type="button"
            aria-label="Previous image"
            className={VIEWER_BUTTON}
            disabled={!hasMany}
            onClick={() => go(-1)}
          >
            <ViewerIcon>
              <path d="M10 3 5 8l5 5" />
            </ViewerIcon>
          </button>
          <p className="min-w-16 text-center text-sm text-neutral-200 tabular-nums">
            {position >= 0 ? `${position + 1} / ${items.length}` : ""}
          </p>
          <button
            type="button"
            aria-label="Next image"
            className={VIEWER_BUTTON}
            disabled={!hasMany}
            onClick={() => go(1)}
          >
            <ViewerIcon>
              <path d="m6 3 5 5-5 5" />
            </ViewerIcon>
          </button>
        </div>
      </div>
    </dialog>
  );
}

function ViewerIcon({ children }: { children: ReactNode }) {
  return <Icon strokeWidth={1.75}>{children}</Icon>;
}
