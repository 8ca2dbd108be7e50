"use client";

import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError, INPUT_CLASS } from "@/components/ui/field";
import { parseHubReference } from "@/lib/hub/reference";

/**
 * "From Hugging Face": paste `owner/name`, a model page or a weight file's URL. A malformed
 * reference is refused here, before anything is asked of the server.
 */
export function HubReferenceField({
  autoFocus,
  initialValue = "",
  error,
  onLookUp,
  onInvalid,
}: {
  autoFocus: boolean;
  /** What the field holds when it opens (a LoRA path being looked up). */
  initialValue?: string;
  /** Why the last look-up failed, shown at the field. */
  error: string | null;
  onLookUp: (reference: string) => void;
  onInvalid: (message: string) => void;
}) {
  const id = useId();
  const [value, setValue] = useState(initialValue);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // A URL on another host may be the server's mirror (HF_ENDPOINT): the server judges those.
    const checked = parseHubReference(value);
    if (!checked.ok && !/^https?:\/\//i.test(value.trim())) return onInvalid(checked.message);
    onLookUp(value.trim());
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium">
        From Hugging Face
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          // The dialog focuses it once open (see hub-dialog.tsx).
          data-autofocus={autoFocus || undefined}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="owner/name, or a model or file URL"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, true, error ?? undefined)}
          className={`${INPUT_CLASS} font-mono text-xs`}
        />
        <Button type="submit" variant="primary">
          Look up
        </Button>
      </div>
      <p id={`${id}-description`} className="text-xs text-neutral-600 dark:text-neutral-400">
        A repository (fal/Plushie-Kontext-Dev-LoRA), its page, or a …/blob/… or …/resolve/… file
        link.
      </p>
      <FieldError id={id} error={error ?? undefined} />
    </form>
  );
}
