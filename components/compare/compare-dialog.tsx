"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Icon } from "@/components/ui/icons";
import { clampPosition, DEFAULT_POSITION, fit, type View } from "@/lib/compare/view";
import type { CompareSide } from "./compare-side";
import { type CompareMode, CompareStage } from "./compare-stage";
import { ModeToggle, ZoomControls } from "./compare-toolbar";

export type { CompareSide } from "./compare-side";

export interface CompareDialogProps {
  /** Left of the divider, or the first pane: the input, or result A. */
  before: CompareSide;
  /** Right of the divider, or the second pane: the result, or result B. Sets the stage's shape. */
  after: CompareSide;
  /** What is compared, in the dialog's top bar. */
  title: string;
  /** Called once the dialog has closed (Esc or the close button); unmount it then. */
  onClose: () => void;
}

/**
 * Two images compared full screen: a before/after slider (default) or side by side, with one
 * zoom and pan shared by both. Opens as a modal on mount; Esc closes. Focus starts on the stage.
 */
export function CompareDialog({ before, after, title, onClose }: CompareDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const [mode, setMode] = useState<CompareMode>("slider");
  const [position, setPosition] = useState(DEFAULT_POSITION);
  const [view, setView] = useState<View>(fit);
  const hintId = useId();

  // Opens once on mount; closing is left to the dialog (Esc, the button), which calls `onClose`.
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) {
      dialog.showModal();
      stageRef.current?.focus();
    }
  }, []);

  return (
    <dialog
      ref={dialogRef}
      aria-label="Compare images"
      onClose={onClose}
      className="fixed inset-0 m-0 h-dvh max-h-none w-screen max-w-none overflow-hidden bg-neutral-950/95 p-0 text-white backdrop:bg-black/60 backdrop:backdrop-blur-sm"
    >
      <div className="flex h-full flex-col">
        <div className="flex items-center justify-between gap-3 px-3 py-2 sm:px-4 sm:py-3">
          <h2 className="min-w-0 truncate text-sm font-medium text-white" title={title}>
            {title}
          </h2>
          <button
            type="button"
            aria-label="Close comparison"
            onClick={() => dialogRef.current?.close()}
            className="inline-flex size-10 shrink-0 items-center justify-center rounded-full bg-white/10 text-white transition-colors hover:bg-white/20 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
          >
            <Icon strokeWidth={1.75}>
              <path d="M4 4l8 8M12 4l-8 8" />
            </Icon>
          </button>
        </div>
        <div className="flex min-h-0 flex-1 flex-col px-3 sm:px-6">
          <CompareStage
            mode={mode}
            before={before}
            after={after}
            view={view}
            onViewChange={setView}
            position={position}
            onPositionChange={(next) => setPosition(clampPosition(next))}
            hintId={hintId}
            stageRef={stageRef}
          />
        </div>
        <div className="flex flex-col items-center gap-2 px-3 pt-3 pb-3 sm:px-6 sm:pb-4">
          <div className="flex w-full max-w-3xl flex-wrap items-center justify-center gap-x-6 gap-y-2">
            <ModeToggle mode={mode} onChange={setMode} />
            <ZoomControls view={view} onChange={setView} />
          </div>
          <p id={hintId} className="text-center text-xs text-neutral-300 max-sm:sr-only">
            On the images: + and − zoom, 0 fits, arrow keys pan. Scroll to zoom, drag to pan when
            zoomed{mode === "slider" ? ", drag the handle to move the divider" : ""}.
          </p>
        </div>
      </div>
    </dialog>
  );
}
