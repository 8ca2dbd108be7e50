/** The look of the demo's small modal dialogs (the access code, the visitor's own key). */
export const DIALOG_CLASS =
  "m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-neutral-200 bg-white p-5 text-neutral-900 shadow-xl backdrop:bg-black/50 dark:border-neutral-800 dark:bg-neutral-900 dark:text-neutral-100";

/** Their explanatory paragraph. */
export const DIALOG_TEXT_CLASS = "mt-2 text-sm text-neutral-700 dark:text-neutral-300";
