"use client";

import { type FormEvent, useEffect, useRef, useState } from "react";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import { focusAfterRender } from "@/components/ui/focus";
import { formatScale, LORA_SCALE_STEP } from "@/components/ui/format";
import { LIMITS } from "@/lib/kontext/endpoint";
import { parseTagList, type UserLoraField } from "@/lib/library/validation";
import { LibraryFormField } from "./lora-library-form-field";
import { libraryDomId } from "./lora-library-format";
import { SAVE_NEW_BUTTON_ID } from "./lora-library-toolbar";

type Draft = Record<UserLoraField, string>;

const EMPTY: Draft = { name: "", path: "", trigger: "", scale: "1", notes: "", tags: "" };

/** The form's id; its fields are `${FORM_ID}-<field>`. */
const FORM_ID = "lora-library-form";

/**
 * "Save a LoRA": name, weight-file URL, trigger, default scale, tags and notes, for a new LoRA or
 * the saved one `editId`. Errors show at their fields and focus moves to the first; Esc cancels.
 */
export function LoraLibraryForm({ editId, onDone }: { editId: string | null; onDone: () => void }) {
  const saveUserLora = usePlaygroundStore((s) => s.saveUserLora);
  const editing = usePlaygroundStore((s) => s.userLoras.find((lora) => lora.id === editId));
  const [draft, setDraft] = useState<Draft>(() =>
    editing
      ? {
          name: editing.name,
          path: editing.path,
          trigger: editing.trigger,
          scale: formatScale(editing.scale),
          notes: editing.notes,
          tags: (editing.tags ?? []).join(", "),
        }
      : EMPTY,
  );
  const [errors, setErrors] = useState<Partial<Record<UserLoraField, string>>>({});
  const [isSaving, setIsSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const title = editing ? `Edit ${editing.name}` : "Save a LoRA";
  const returnFocusTo = editing ? libraryDomId(`saved-${editing.id}`, "edit") : SAVE_NEW_BUTTON_ID;

  useEffect(() => {
    formRef.current?.scrollIntoView({ block: "nearest" });
    document.getElementById(`${FORM_ID}-name`)?.focus();
  }, []);

  function cancel() {
    onDone();
    focusAfterRender([returnFocusTo]);
  }

  // After a refused save, the first invalid field takes focus so its error is heard: in an
  // effect, when the errors are on the page (the save waits for its checks' code to load, and the
  // Save button is disabled meanwhile, which takes focus away from it).
  const [refusedSaves, setRefusedSaves] = useState(0);
  useEffect(() => {
    if (refusedSaves === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusedSaves]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSaving) return;
    setIsSaving(true);
    const scale = draft.scale.trim() === "" ? Number.NaN : Number(draft.scale);
    const tags = parseTagList(draft.tags);
    const result = await saveUserLora(
      { ...draft, scale, tags: tags.length > 0 ? tags : undefined },
      editId ?? undefined,
    );
    setIsSaving(false);
    if (!result.ok) {
      // Focus goes to the first invalid field once the errors have rendered (the effect below).
      setErrors(result.errors);
      setRefusedSaves((count) => count + 1);
      return;
    }
    onDone();
    focusAfterRender([libraryDomId(`saved-${result.lora.id}`, "add"), SAVE_NEW_BUTTON_ID]);
  }

  const field = (name: UserLoraField) => ({
    id: `${FORM_ID}-${name}`,
    value: draft[name],
    error: errors[name],
    onChange: (value: string) => {
      setDraft((current) => ({ ...current, [name]: value }));
      setErrors((current) => ({ ...current, [name]: undefined }));
    },
  });

  return (
    <form
      ref={formRef}
      aria-labelledby={`${FORM_ID}-title`}
      noValidate
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.preventDefault();
        event.stopPropagation();
        cancel();
      }}
      className="flex flex-col gap-3 rounded-lg border border-neutral-200 bg-white p-3 dark:border-neutral-800 dark:bg-neutral-900"
    >
      <h3
        id={`${FORM_ID}-title`}
        className="text-sm font-semibold text-neutral-900 dark:text-neutral-100"
      >
        {title}
      </h3>
      <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_7rem]">
        <LibraryFormField label="Name" required autoComplete="off" {...field("name")} />
        <LibraryFormField
          label="Default scale"
          type="number"
          inputMode="decimal"
          min={LIMITS.loraScale.min}
          max={LIMITS.loraScale.max}
          step={LORA_SCALE_STEP}
          {...field("scale")}
        />
      </div>
      <LibraryFormField
        label="Weight-file URL"
        type="url"
        required
        placeholder="https://huggingface.co/…/resolve/main/….safetensors"
        className="font-mono text-xs"
        {...field("path")}
      />
      <LibraryFormField
        label="Trigger prompt"
        multiline
        description="The instruction it was trained with; added to the prompt with the LoRA."
        {...field("trigger")}
      />
      <LibraryFormField
        label="Tags"
        description="Separated by commas, e.g. style, portrait."
        autoComplete="off"
        {...field("tags")}
      />
      <LibraryFormField label="Notes" multiline {...field("notes")} />
      <div className="flex flex-wrap justify-end gap-2">
        <Button size="sm" variant="ghost" onClick={cancel}>
          Cancel
        </Button>
        <Button size="sm" variant="primary" type="submit" aria-busy={isSaving || undefined}>
          {editing ? "Save changes" : "Save LoRA"}
        </Button>
      </div>
    </form>
  );
}
