"use client";

import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Icon } from "@/components/ui/icons";

export const IMAGE_ERROR_ID = "image-input-error";
export const IMAGE_FIELD_ERROR_ID = "image-input-field-error";

/** Whether the store's image error is about the image area (not the URL typed in its field). */
export function useHasImageAreaError(): boolean {
  return usePlaygroundStore((s) => s.imageError !== null && s.imageErrorField === "image");
}

/** The ids of the image area's errors now shown, for `aria-describedby`. */
export function useImageErrorIds(): string | undefined {
  const hasImageError = useHasImageAreaError();
  const hasFieldError = usePlaygroundStore((s) => Boolean(s.fieldErrors.image_url));
  const ids = [hasImageError ? IMAGE_ERROR_ID : "", hasFieldError ? IMAGE_FIELD_ERROR_ID : ""];
  const joined = ids.filter(Boolean).join(" ");
  return joined || undefined;
}

/**
 * "Reading image…" while a file or URL is read, and why the last image could not be used (a
 * typed URL's error sits at the URL field instead).
 */
export function ImageMessages() {
  const isPreparing = usePlaygroundStore((s) => s.isPreparingImage);
  const imageError = usePlaygroundStore((s) =>
    s.imageErrorField === "image" ? s.imageError : null,
  );
  const fieldError = usePlaygroundStore((s) => s.fieldErrors.image_url);

  return (
    <div>
      <output className="flex items-center gap-2 text-xs text-neutral-600 empty:hidden dark:text-neutral-400 [&:not(:empty)]:mt-2">
        {isPreparing ? (
          <>
            <Spinner />
            Reading image…
          </>
        ) : null}
      </output>
      <div aria-live="polite">
        {imageError ? (
          <p id={IMAGE_ERROR_ID} className={ERROR_CLASS}>
            {imageError}
          </p>
        ) : null}
        {fieldError ? (
          <p id={IMAGE_FIELD_ERROR_ID} className={ERROR_CLASS}>
            {fieldError}
          </p>
        ) : null}
      </div>
    </div>
  );
}

const ERROR_CLASS = "mt-2 text-xs font-medium text-red-700 dark:text-red-400";

function Spinner() {
  return (
    <Icon className="size-3.5 animate-spin motion-reduce:animate-none" strokeWidth={2}>
      <circle cx="8" cy="8" r="6" strokeOpacity="0.25" />
      <path d="M14 8a6 6 0 0 0-6-6" />
    </Icon>
  );
}
