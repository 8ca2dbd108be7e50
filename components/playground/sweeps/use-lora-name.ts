"use client";

import { useCallback } from "react";
import { useShallow } from "zustand/react/shallow";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { loraLabel } from "@/lib/kontext/known-loras";

/** Names a LoRA path as the library does (a saved name first, then a curated one, else its file). */
export function useLoraName(): (path: string) => string {
  const saved = usePlaygroundStore(
    useShallow((s) => s.userLoras.map((lora) => `${lora.path}\n${lora.name}`)),
  );
  return useCallback(
    (path: string) => {
      const found = saved.find((entry) => entry.startsWith(`${path}\n`));
      return found ? found.slice(path.length + 1) : loraLabel(path);
    },
    [saved],
  );
}
