"use client";

import { type PointerEvent, type RefObject, useEffect, useRef } from "react";
import { type Box, pan, positionAt, type View, zoomAt } from "@/lib/compare/view";

/** Marks a pane of the stage (the box a view is measured against). */
const PANE_ATTRIBUTE = "data-compare-pane";
/** Marks the slider's handle: dragging it always moves the divider. */
const HANDLE_ATTRIBUTE = "data-compare-handle";

type Gesture =
  | { kind: "divider"; pane: HTMLElement; offset: number }
  | { kind: "pan"; pane: HTMLElement; x: number; y: number }
  | { kind: "pinch"; pane: HTMLElement; distance: number; x: number; y: number };

export interface GestureOptions {
  /** Slider mode: dragging the handle (or anywhere while fitted) moves the divider. */
  hasDivider: boolean;
  /** The divider's position (0–100), so a drag that grabs the handle off-centre does not jump. */
  position: number;
  zoom: number;
  setView: (update: (view: View) => View) => void;
  setPosition: (position: number) => void;
}

/**
 * Pointer and wheel gestures on the compare stage: the wheel zooms at the cursor, one pointer
 * pans (or drags the divider), two pointers pinch-zoom and pan. Every pane shares one view, so
 * a gesture in either pane moves both. Returns the pointer handlers for the stage element.
 */
export function useCompareGestures(
  stageRef: RefObject<HTMLElement | null>,
  options: GestureOptions,
) {
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const gesture = useRef<Gesture | null>(null);
  const { setView } = options;

  // React's wheel listener is passive: it could not stop the page from scrolling.
  useEffect(() => {
    const stage = stageRef.current;
    if (!stage) return;
    const onWheel = (event: WheelEvent) => {
      const pane = paneOf(event.target);
      if (!pane) return;
      event.preventDefault();
      const rect = pane.getBoundingClientRect();
      const lines = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? rect.height : 1;
      // Trackpad pinches arrive as ctrl+wheel with small deltas: zoom faster for those.
      const factor = Math.exp(-event.deltaY * lines * (event.ctrlKey ? 0.01 : 0.002));
      const point = { x: event.clientX - rect.left, y: event.clientY - rect.top };
      setView((view) => zoomAt(view, factor, point, rect));
    };
    stage.addEventListener("wheel", onWheel, { passive: false });
    return () => stage.removeEventListener("wheel", onWheel);
  }, [stageRef, setView]);

  function onPointerDown(event: PointerEvent<HTMLElement>) {
    if (event.pointerType === "mouse" && event.button !== 0) return;
    const target = event.target instanceof Element ? event.target : null;
    const pane = paneOf(target);
    if (!pane) return;
    pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
    event.currentTarget.setPointerCapture(event.pointerId);
    const [first, second] = [...pointers.current.values()];
    if (first && second) {
      gesture.current = {
        kind: "pinch",
        pane,
        distance: distance(first, second),
        ...mid(first, second),
      };
      return;
    }
    if (pointers.current.size > 1) return;
    const rect = pane.getBoundingClientRect();
    const onHandle = Boolean(target?.closest(`[${HANDLE_ATTRIBUTE}]`));
    if (options.hasDivider && (onHandle || options.zoom <= 1)) {
      const divider = rect.left + (options.position / 100) * rect.width;
      const offset = onHandle ? event.clientX - divider : 0;
      gesture.current = { kind: "divider", pane, offset };
      if (!onHandle) options.setPosition(positionAt(event.clientX, rect.left, rect.width));
      return;
    }
    gesture.current = { kind: "pan", pane, x: event.clientX, y: event.clientY };
  }

  function onPointerMove(event: PointerEvent<HTMLElement>) {
    if (!pointers.current.has(event.pointerId)) return;
    pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
    const current = gesture.current;
    if (!current) return;
    const rect = current.pane.getBoundingClientRect();
    const box: Box = { width: rect.width, height: rect.height };
    if (current.kind === "divider") {
      options.setPosition(positionAt(event.clientX - current.offset, rect.left, rect.width));
    } else if (current.kind === "pan") {
      const dx = event.clientX - current.x;
      const dy = event.clientY - current.y;
      gesture.current = { ...current, x: event.clientX, y: event.clientY };
      setView((view) => pan(view, dx, dy, box));
    } else {
      const [first, second] = [...pointers.current.values()];
      if (!first || !second) return;
      const next = { distance: distance(first, second), ...mid(first, second) };
      const factor = current.distance > 0 ? next.distance / current.distance : 1;
      const point = { x: next.x - rect.left, y: next.y - rect.top };
      const dx = next.x - current.x;
      const dy = next.y - current.y;
      gesture.current = { ...current, ...next };
      // Follow the fingers' midpoint, then scale about where it now is.
      setView((view) => zoomAt(pan(view, dx, dy, box), factor, point, box));
    }
  }

  function onPointerEnd(event: PointerEvent<HTMLElement>) {
    if (!pointers.current.delete(event.pointerId)) return;
    const [remaining] = [...pointers.current.values()];
    const current = gesture.current;
    // Lifting one finger of a pinch carries on as a pan with the other.
    gesture.current =
      remaining && current ? { kind: "pan", pane: current.pane, ...remaining } : null;
  }

  return {
    onPointerDown,
    onPointerMove,
    onPointerUp: onPointerEnd,
    onPointerCancel: onPointerEnd,
  };
}

function paneOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>(`[${PANE_ATTRIBUTE}]`) : null;
}

function distance(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

function mid(a: { x: number; y: number }, b: { x: number; y: number }) {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}
