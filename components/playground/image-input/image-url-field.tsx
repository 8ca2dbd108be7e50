"use client";

import { type KeyboardEvent, useState } from "react";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import { IMAGE_FIELD_ERROR_ID } from "./image-messages";

const ID = "image-url";
/** The URL field's own error (a URL that could not be used), as `Field` names it. */
const ERROR_ID = `${ID}-error`;

/**
 * Use an image from the web: a URL field and "Use URL" (Enter submits). A URL that cannot be
 * used is reported here, at the field, leaving the drop zone as it was.
 */
export function ImageUrlField() {
  const [url, setUrl] = useState("");
  const setImageUrl = usePlaygroundStore((s) => s.setImageUrl);
  const isPreparing = usePlaygroundStore((s) => s.isPreparingImage);
  const urlError = usePlaygroundStore((s) => (s.imageErrorField === "url" ? s.imageError : null));
  const hasFieldError = usePlaygroundStore((s) => Boolean(s.fieldErrors.image_url));
  const trimmed = url.trim();
  const isInvalid = urlError !== null;

  function submit() {
    if (!trimmed || isPreparing) return;
    void setImageUrl(trimmed);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== "Enter" || event.nativeEvent.isComposing) return;
    // Ctrl/⌘+Enter is Generate, wherever focus is in the inputs.
    if (event.ctrlKey || event.metaKey) return;
    // No <form>: this panel may sit inside the page's run form, and forms cannot nest.
    event.preventDefault();
    submit();
  }

  return (
    <Field id={ID} label="Image URL" error={urlError ?? undefined}>
      <div className="flex gap-2">
        <input
          id={ID}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="https://example.com/photo.jpg"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          onKeyDown={onKeyDown}
          aria-invalid={isInvalid || undefined}
          aria-describedby={isInvalid ? ERROR_ID : hasFieldError ? IMAGE_FIELD_ERROR_ID : undefined}
          className={`${INPUT_CLASS} min-w-0`}
        />
        <Button onClick={submit} disabled={!trimmed || isPreparing}>
          Use URL
        </Button>
      </div>
    </Field>
  );
}
