"use client";

// Focus for a virtualised list, apart from `./focus` (the first screen's): it loads with the list.

/** Whether an element is within the viewport, at least `topMarginPx` below its top edge. */
export function isInView(element: HTMLElement, topMarginPx = 0): boolean {
  const { top, bottom } = element.getBoundingClientRect();
  return top >= topMarginPx - 1 && bottom <= window.innerHeight;
}

/** Frames {@link focusOnceInView} waits for an element to be rendered and scrolled into view. */
const IN_VIEW_FRAMES = 60;

/**
 * Focuses the element with `id` once it is rendered and scrolled into view (see {@link isInView};
 * a virtualised list settles its scroll over a few frames as items are measured). After about a
 * second it is focused wherever it is (the browser scrolls it into view); when it never renders,
 * nothing happens.
 */
export function focusOnceInView(id: string, topMarginPx = 0): void {
  let frames = 0;
  const attempt = () => {
    frames++;
    const element = document.getElementById(id);
    const isSettled = element !== null && isInView(element, topMarginPx);
    if (element && (isSettled || frames >= IN_VIEW_FRAMES)) {
      element.focus({ preventScroll: isSettled });
      return;
    }
    if (frames < IN_VIEW_FRAMES * 2) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
