"use client";

/** Whether "Add to stack" also puts the LoRA's trigger in the prompt. */
export function LoraLibraryTriggerToggle({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="flex cursor-pointer items-center gap-2 text-sm text-neutral-800 dark:text-neutral-200">
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        className="size-4 cursor-pointer accent-accent-600"
      />
      Also put its trigger prompt in the prompt
    </label>
  );
}
