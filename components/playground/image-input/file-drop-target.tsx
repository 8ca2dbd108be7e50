"use client";

import { useEffect, useRef, useState } from "react";
import { usePlaygroundStore } from "@/components/playground/store-provider";

/** Whether a drag carries files (not text or a link dragged from the page). */
function hasFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes("Files") ?? false;
}

/**
 * Files dropped anywhere on the page (outside the image drop zone, which handles its own): an
 * export zip imports its runs, a run's JSON or a PNG with settings restores them, an image
 * becomes the input. While files are dragged over the page, an overlay says so.
 */
export function FileDropTarget() {
  const openFile = usePlaygroundStore((s) => s.openFile);
  const [isDragging, setIsDragging] = useState(false);
  const depth = useRef(0);

  useEffect(() => {
    const onDragEnter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth.current += 1;
      setIsDragging(true);
    };
    const onDragLeave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setIsDragging(false);
    };
    const onDragOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      // Without this the browser would open the file in place of the app.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
    };
    const onDrop = (event: DragEvent) => {
      depth.current = 0;
      setIsDragging(false);
      if (!hasFiles(event) || isInOwnDropZone(event.target)) return;
      event.preventDefault();
      const files = [...(event.dataTransfer?.files ?? [])];
      void (async () => {
        for (const file of files) await openFile(file);
      })();
    };
    window.addEventListener("dragenter", onDragEnter);
    window.addEventListener("dragleave", onDragLeave);
    window.addEventListener("dragover", onDragOver);
    window.addEventListener("drop", onDrop);
    return () => {
      window.removeEventListener("dragenter", onDragEnter);
      window.removeEventListener("dragleave", onDragLeave);
      window.removeEventListener("dragover", onDragOver);
      window.removeEventListener("drop", onDrop);
    };
  }, [openFile]);

  if (!isDragging) return null;
  return (
    <div
      aria-hidden="true"
      className="pointer-events-none fixed inset-3 z-40 flex items-center justify-center rounded-2xl border-2 border-dashed border-accent-500 bg-white/80 backdrop-blur-sm dark:bg-neutral-950/80"
    >
      <p className="max-w-sm px-6 text-center text-sm font-medium text-accent-800 dark:text-accent-100">
        Drop an image to edit it, an exported PNG or run JSON to restore its settings, or an export
        zip to import its runs
      </p>
    </div>
  );
}

/**
 * Marks an element whose drops are its own (the batch dialog's drop area): the page-wide target
 * leaves them alone.
 */
export const OWN_DROP_ZONE = { "data-own-drop-zone": "" } as const;

function isInOwnDropZone(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest("[data-own-drop-zone]") !== null;
}
