"use client";

import { type KeyboardEvent, useState } from "react";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import { IMAGE_FIELD_ERROR_ID, useImageErrorIds } from "./image-messages";

const ID = "image-url";

/** Use an image from the web: a URL field and "Use URL" (Enter submits). */
export function ImageUrlField() {
  const [url, setUrl] = useState("");
  const [submittedUrl, setSubmittedUrl] = useState<string | null>(null);
  const setImageUrl = usePlaygroundStore((s) => s.setImageUrl);
  const isPreparing = usePlaygroundStore((s) => s.isPreparingImage);
  const hasImageError = usePlaygroundStore((s) => s.imageError !== null);
  const hasFieldError = usePlaygroundStore((s) => Boolean(s.fieldErrors.image_url));
  const errorIds = useImageErrorIds();
  const trimmed = url.trim();
  // The store's error is about this field when it came from the URL still typed here.
  const isInvalid = hasImageError && submittedUrl !== null && submittedUrl === trimmed;

  function submit() {
    if (!trimmed || isPreparing) return;
    setSubmittedUrl(trimmed);
    void setImageUrl(trimmed);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== "Enter" || event.nativeEvent.isComposing) return;
    // No <form>: this panel may sit inside the page's run form, and forms cannot nest.
    event.preventDefault();
    submit();
  }

  return (
    <Field id={ID} label="Image URL">
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
          aria-describedby={isInvalid ? errorIds : hasFieldError ? IMAGE_FIELD_ERROR_ID : undefined}
          className={`${INPUT_CLASS} min-w-0`}
        />
        <Button onClick={submit} disabled={!trimmed || isPreparing}>
          Use URL
        </Button>
      </div>
    </Field>
  );
}
