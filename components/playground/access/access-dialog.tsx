"use client";

import { type FormEvent, type RefObject, useState } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, Field, INPUT_CLASS } from "@/components/ui/field";
import { submitAccessCode } from "./access-api";
import { DIALOG_CLASS, DIALOG_TEXT_CLASS } from "./dialog-style";

const ID = "access-code";

/**
 * Asks for the demo's access code (a platform `<dialog>`): a wrong code or too many attempts
 * show beside the field; "Use my own fal key" is the way around it.
 */
export function AccessDialog({
  dialogRef,
  onAccess,
  onOwnKey,
}: {
  dialogRef: RefObject<HTMLDialogElement | null>;
  onAccess: () => void;
  onOwnKey: () => void;
}) {
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [isChecking, setIsChecking] = useState(false);

  function reset() {
    setCode("");
    setError(undefined);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isChecking || code.trim() === "") return;
    setIsChecking(true);
    const problem = await submitAccessCode(code);
    setIsChecking(false);
    if (problem) {
      setError(problem);
      return;
    }
    reset();
    dialogRef.current?.close();
    onAccess();
  }

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby="access-title"
      aria-describedby="access-text"
      onClose={reset}
      className={DIALOG_CLASS}
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <h2 id="access-title" className="text-base font-semibold">
          Enter the access code
        </h2>
        <p id="access-text" className={DIALOG_TEXT_CLASS}>
          This demo runs on its owner's fal key, for people who have its access code. You can also
          run it on your own fal key; your fal account then pays for your runs.
        </p>
        <div className="mt-4">
          <Field id={ID} label="Access code" error={error}>
            <input
              id={ID}
              type="password"
              autoComplete="off"
              spellCheck={false}
              required
              value={code}
              onChange={(event) => {
                setCode(event.target.value);
                setError(undefined);
              }}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy(ID, false, error)}
              className={INPUT_CLASS}
            />
          </Field>
        </div>
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={() => dialogRef.current?.close()}>
            Not now
          </Button>
          <Button type="submit" variant="primary" disabled={isChecking || code.trim() === ""}>
            {isChecking ? "Checking…" : "Continue"}
          </Button>
        </div>
        <div className="mt-4 flex flex-wrap items-center justify-between gap-2 border-t border-neutral-200 pt-4 text-sm text-neutral-700 dark:border-neutral-800 dark:text-neutral-300">
          <span>No code?</span>
          <Button
            variant="secondary"
            onClick={() => {
              dialogRef.current?.close();
              onOwnKey();
            }}
          >
            Use my own fal key
          </Button>
        </div>
      </form>
    </dialog>
  );
}
