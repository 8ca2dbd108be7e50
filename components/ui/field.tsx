import type { ReactNode } from "react";

export interface FieldProps {
  /** The control's id; the label, description and error point at it. */
  id: string;
  label: ReactNode;
  /** One line that explains the setting. */
  description?: ReactNode;
  /** A field error from the store; shown under the control and announced. */
  error?: string;
  /** Extra controls beside the label (a reset button, a value readout). */
  aside?: ReactNode;
  children: ReactNode;
}

/** Ids of the description and error of a field, for `aria-describedby`. */
export function describedBy(
  id: string,
  hasDescription: boolean,
  error?: string,
): string | undefined {
  const ids = [hasDescription ? `${id}-description` : "", error ? `${id}-error` : ""].filter(
    Boolean,
  );
  return ids.length > 0 ? ids.join(" ") : undefined;
}

/** Label, control, one-line description and error, laid out the same everywhere. */
export function Field({ id, label, description, error, aside, children }: FieldProps) {
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium text-neutral-900 dark:text-neutral-100">
          {label}
        </label>
        {aside ? <div className="flex items-center gap-1">{aside}</div> : null}
      </div>
      {children}
      {description ? (
        <p id={`${id}-description`} className="text-xs text-neutral-600 dark:text-neutral-400">
          {description}
        </p>
      ) : null}
      <FieldError id={id} error={error} />
    </div>
  );
}

/**
 * A field's error in a polite live region that is always rendered (a region added together
 * with its text is often not announced), so an error is read out when it appears. Empty, it
 * takes no room: the negative margin cancels the parent's flex gap.
 */
export function FieldError({ id, error }: { id: string; error?: string }) {
  return (
    <div aria-live="polite" className="empty:-mt-1.5">
      {error ? (
        <p id={`${id}-error`} className="text-xs font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Shared input styles; add `aria-invalid` for the error border. */
export const INPUT_CLASS =
  "w-full rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm text-neutral-900 placeholder:text-neutral-500 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent-500 aria-[invalid=true]:border-red-600 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-100 dark:placeholder:text-neutral-500";
