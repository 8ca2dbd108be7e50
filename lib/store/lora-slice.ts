import type { StateCreator } from "zustand";
import { withoutKey } from "@/lib/domain/form";
import { clampScale } from "@/lib/domain/run";
import { LIMITS } from "@/lib/kontext/endpoint";
import type { LoraSlice, PlaygroundState } from "./state";
import type { LoraEntry } from "./types";

export const createLoraSlice: StateCreator<PlaygroundState, [], [], LoraSlice> = (set, get) => ({
  loras: [],
  addLora: (init = {}) => {
    const id = get().services.newId();
    const entry: LoraEntry = {
      id,
      path: init.path ?? "",
      scale: clampScale(init.scale ?? LIMITS.loraScale.default),
      isEnabled: true,
    };
    set((state) => ({ loras: [...state.loras, entry] }));
    return id;
  },
  updateLora: (id, patch) =>
    set((state) => ({
      loras: state.loras.map((lora) =>
        lora.id === id
          ? {
              ...lora,
              ...patch,
              ...(patch.scale === undefined ? {} : { scale: clampScale(patch.scale) }),
            }
          : lora,
      ),
      fieldErrors: withoutKey(withoutKey(state.fieldErrors, `lora:${id}:path`), `lora:${id}:scale`),
    })),
  removeLora: (id) => set((state) => ({ loras: state.loras.filter((lora) => lora.id !== id) })),
  moveLora: (id, offset) =>
    set((state) => {
      const index = state.loras.findIndex((lora) => lora.id === id);
      const target = index + offset;
      if (index < 0 || target < 0 || target >= state.loras.length) return state;
      const loras = [...state.loras];
      const [moved] = loras.splice(index, 1);
      if (moved) loras.splice(target, 0, moved);
      return { loras };
    }),
  duplicateLora: (id) =>
    set((state) => {
      const index = state.loras.findIndex((lora) => lora.id === id);
      const original = state.loras[index];
      if (!original) return state;
      const loras = [...state.loras];
      loras.splice(index + 1, 0, { ...original, id: state.services.newId() });
      return { loras };
    }),
  toggleLora: (id) =>
    set((state) => ({
      loras: state.loras.map((lora) =>
        lora.id === id ? { ...lora, isEnabled: !lora.isEnabled } : lora,
      ),
    })),
});
