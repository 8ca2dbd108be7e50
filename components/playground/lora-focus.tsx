"use client";

/**
 * Focuses the first of `ids` that exists and is enabled, once React has rendered the store
 * change that was just made (a new row, a removed row, a row that moved).
 */
export function focusAfterRender(ids: readonly string[]): void {
  requestAnimationFrame(() => {
    for (const id of ids) {
      const element = document.getElementById(id);
      if (element instanceof HTMLElement && !element.hasAttribute("disabled")) {
        element.focus();
        return;
      }
    }
  });
}
