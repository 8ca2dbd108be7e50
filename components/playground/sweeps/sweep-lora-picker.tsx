"use client";

import { useShallow } from "zustand/react/shallow";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { INPUT_CLASS } from "@/components/ui/field";
import { findKnownLora, KNOWN_LORAS } from "@/lib/kontext/known-loras";

/**
 * Adds a LoRA from the library to a LoRA-set axis (one `path @ scale` line), so nobody has to
 * paste weight-file URLs by hand.
 */
export function SweepLoraPicker({
  id,
  text,
  onChange,
}: {
  id: string;
  text: string;
  onChange: (text: string) => void;
}) {
  const saved = usePlaygroundStore(
    useShallow((s) =>
      s.userLoras.map((lora) => `${lora.path}\u0000${lora.name}\u0000${lora.scale}`),
    ),
  );
  const options = [
    ...saved.map((entry) => {
      const [path = "", name = "", scale = "1"] = entry.split("\u0000");
      return { path, name, scale: Number(scale) };
    }),
    ...KNOWN_LORAS.map((lora) => ({ path: lora.path, name: lora.name, scale: lora.scale })),
  ];
  const lines = text.split(/\r?\n/).map((line) => line.trim());

  function add(path: string) {
    const chosen = options.find((option) => option.path === path);
    // A curated LoRA at its recommended scale needs no "@ scale" (the axis fills it in and keeps
    // the label short); anything else says its scale.
    const isDefault = chosen && findKnownLora(chosen.path)?.scale === chosen.scale;
    const line =
      path === "none"
        ? "none"
        : chosen
          ? isDefault
            ? chosen.path
            : `${chosen.path} @ ${chosen.scale}`
          : null;
    if (line) onChange([...lines.filter(Boolean), line].join("\n"));
  }

  return (
    <select
      id={id}
      aria-label="Add a LoRA from the library to this axis"
      value=""
      onChange={(event) => add(event.target.value)}
      className={`${INPUT_CLASS} cursor-pointer`}
    >
      <option value="">Add from the library…</option>
      <option value="none">No LoRA (baseline)</option>
      {options.map((option) => (
        <option
          key={option.path}
          value={option.path}
          disabled={lines.some((line) => line.startsWith(option.path))}
        >
          {option.name} (×{option.scale})
        </option>
      ))}
    </select>
  );
}
