"use client";

import { type FormEvent, type RefObject, useState } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, Field, INPUT_CLASS } from "@/components/ui/field";
import { setVisitorFalKey } from "@/lib/fal/visitor-key";
import { DIALOG_CLASS, DIALOG_TEXT_CLASS } from "./dialog-style";

const ID = "own-fal-key";
const DESCRIPTION = "Find it under API keys in your fal.ai dashboard.";

/**
 * Where a visitor pastes their own fal key. It goes to `setVisitorFalKey` (this tab's
 * sessionStorage) and nowhere else: the field is cleared once the key is stored.
 */
export function OwnKeyDialog({
  dialogRef,
  onSaved,
}: {
  dialogRef: RefObject<HTMLDialogElement | null>;
  onSaved: () => void;
}) {
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | undefined>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      setVisitorFalKey(value);
    } catch (thrown) {
      setError(thrown instanceof RangeError ? thrown.message : "The key could not be kept");
      return;
    }
    close();
    onSaved();
  }

  function close() {
    setValue("");
    setError(undefined);
    dialogRef.current?.close();
  }

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby="own-key-title"
      aria-describedby="own-key-text"
      onClose={() => {
        setValue("");
        setError(undefined);
      }}
      className={DIALOG_CLASS}
    >
      <form onSubmit={submit} noValidate>
        <h2 id="own-key-title" className="text-base font-semibold">
          Use my own fal key
        </h2>
        <p id="own-key-text" className={DIALOG_TEXT_CLASS}>
          Your runs then go to fal.ai on your key, and your fal account pays for them; the demo's
          access code and limits no longer apply. The key stays in this browser tab only (until you
          close it or choose Forget key) and is sent only to this app's server, which passes it on
          to fal.
        </p>
        <div className="mt-4">
          <Field id={ID} label="Your fal key" description={DESCRIPTION} error={error}>
            <input
              id={ID}
              type="password"
              autoComplete="off"
              spellCheck={false}
              required
              value={value}
              onChange={(event) => {
                setValue(event.target.value);
                setError(undefined);
              }}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy(ID, true, error)}
              className={INPUT_CLASS}
            />
          </Field>
        </div>
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" disabled={value.trim() === ""}>
            Use this key
          </Button>
        </div>
      </form>
    </dialog>
  );
}
