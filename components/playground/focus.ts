"use client";

/** The playground's root element: focus helpers look for controls only inside it. */
export const PLAYGROUND_ROOT_ID = "playground";

/**
 * Focuses the first of `ids` that exists and is enabled, once React has rendered the store
 * change that was just made (a new row, a removed row, a control that replaced another).
 */
export function focusAfterRender(ids: readonly string[]): void {
  requestAnimationFrame(() => {
    for (const id of ids) {
      const element = document.getElementById(id);
      if (element instanceof HTMLElement && canFocus(element)) {
        element.focus();
        return;
      }
    }
  });
}

/**
 * Moves focus to the first invalid control (`aria-invalid="true"`) of the playground in
 * document order, once the field errors just set have rendered. A control that cannot take
 * focus itself (the hidden file input) names a stand-in with `data-focus-instead="<id>"`; of a
 * radio group the checked radio is focused.
 */
export function focusFirstInvalid(): void {
  requestAnimationFrame(() => {
    const root = document.getElementById(PLAYGROUND_ROOT_ID) ?? document.body;
    for (const candidate of root.querySelectorAll<HTMLElement>('[aria-invalid="true"]')) {
      const target = focusTarget(candidate);
      if (target) {
        target.focus();
        return;
      }
    }
  });
}

function focusTarget(element: HTMLElement): HTMLElement | null {
  const insteadId = element.dataset.focusInstead;
  const target = insteadId ? document.getElementById(insteadId) : element;
  if (!(target instanceof HTMLElement)) return null;
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
