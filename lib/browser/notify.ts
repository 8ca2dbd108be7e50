/**
 * Browser notifications for work that ends while the tab is hidden (a batch finishing). The
 * permission is asked for only from a user action ({@link askToNotify}, e.g. on Start), as
 * browsers require; a notification is shown only when the page is hidden, since a visible page
 * says it itself.
 */

/** Whether this browser can show notifications at all. */
export function canNotify(): boolean {
  return typeof globalThis.Notification === "function";
}

/**
 * Asks for permission to notify (call it from a click or key press). Resolves whether
 * notifications may be shown; never rejects, and never asks again once answered.
 */
export async function askToNotify(): Promise<boolean> {
  if (!canNotify()) return false;
  if (Notification.permission !== "default") return Notification.permission === "granted";
  try {
    return (await Notification.requestPermission()) === "granted";
  } catch {
    return false;
  }
}

/**
 * Shows a notification when the page is hidden and notifications are allowed; `tag` replaces an
 * earlier one with the same tag. Returns whether one was shown. Never throws.
 */
export function notifyIfHidden(
  title: string,
  options: { body?: string; tag?: string } = {},
): boolean {
  if (!canNotify() || Notification.permission !== "granted") return false;
  if (globalThis.document?.visibilityState !== "hidden") return false;
  try {
    new Notification(title, options);
    return true;
  } catch {
    return false;
  }
}
