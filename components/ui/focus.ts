"use client";

/** The playground's root element: focus helpers look for controls only inside it. */
export const PLAYGROUND_ROOT_ID = "playground";

/** Frames {@link focusAfterRender} waits for its controls to appear (code loaded on demand). */
const RENDER_FRAMES = 30;

/**
 * Focuses the first of `ids` that exists and is enabled, once React has rendered the store
 * change that was just made (a new row, a removed row, a control that replaced another),
 * opening the collapsed section it is in. While none of them exists yet (their component's code
 * is still loading), it looks again each frame, for about half a second.
 */
export function focusAfterRender(ids: readonly string[], frame = 0): void {
  requestAnimationFrame(() => {
    for (const id of ids) {
      const element = document.getElementById(id);
      if (element instanceof HTMLElement) openEnclosingDetails(element);
      if (element instanceof HTMLElement && canFocus(element)) {
        element.focus();
        return;
      }
    }
    const isNoneRendered = ids.every((id) => document.getElementById(id) === null);
    if (isNoneRendered && frame < RENDER_FRAMES) focusAfterRender(ids, frame + 1);
  });
}

/**
 * Moves focus to the first invalid control (`aria-invalid="true"`) of the playground in
 * document order, once the field errors just set have rendered. A control inside a collapsed
 * `<details>` section opens it first. A control that cannot take focus itself (the hidden file
 * input) names a stand-in with `data-focus-instead="<id>"`; of a radio group the checked radio
 * is focused. The control is scrolled to the middle of its scroll area, so neither a pinned bar
 * (Generate) nor a sticky header covers it or the error under it. While there is none yet (its
 * section's code is loading), it looks again each frame, for about a second.
 */
export function focusFirstInvalid(frame = 0): void {
  requestAnimationFrame(() => {
    const root = document.getElementById(PLAYGROUND_ROOT_ID) ?? document.body;
    for (const candidate of root.querySelectorAll<HTMLElement>('[aria-invalid="true"]')) {
      openEnclosingDetails(candidate);
      const target = focusTarget(candidate);
      if (target) {
        target.focus({ preventScroll: true });
        const isReduced = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
        target.scrollIntoView({ block: "center", behavior: isReduced ? "auto" : "smooth" });
        return;
      }
    }
    // The invalid control may be in a section whose code is still loading: look again.
    if (frame < RENDER_FRAMES * 2) focusFirstInvalid(frame + 1);
  });
}

/** Opens every closed `<details>` (an inputs panel section) around an element, so it shows. */
export function openEnclosingDetails(element: HTMLElement): void {
  for (let node = element.parentElement; node; node = node.parentElement) {
    if (node instanceof HTMLDetailsElement && !node.open) node.open = true;
  }
}

function focusTarget(element: HTMLElement): HTMLElement | null {
  const insteadId = element.dataset.focusInstead;
  const target = insteadId ? document.getElementById(insteadId) : element;
  if (!(target instanceof HTMLElement)) return null;
  openEnclosingDetails(target);
  if (target instanceof HTMLInputElement && target.type === "radio" && target.name) {
    const checked = document.querySelector<HTMLInputElement>(
      `input[type="radio"][name="${CSS.escape(target.name)}"]:checked`,
    );
    if (checked && canFocus(checked)) return checked;
  }
  return canFocus(target) ? target : null;
}

/** Whether an element can take focus now: enabled and rendered. */
function canFocus(element: HTMLElement): boolean {
  if (element.hasAttribute("disabled")) return false;
  return element.getClientRects().length > 0;
}
