"use client";

import { LoraRow } from "./lora-row";

/** The stack's rows, in the order they are sent (loaded with the first LoRA: see `LoraPanel`). */
export function LoraRows({ ids }: { ids: readonly string[] }) {
  return (
    <ol aria-labelledby="lora-panel-title" className="flex flex-col gap-3">
      {ids.map((id) => (
        <LoraRow key={id} id={id} />
      ))}
    </ol>
  );
}
