import type { StateCreator } from "zustand";
import { withoutKey } from "@/lib/domain/form";
import { clampScale } from "@/lib/domain/run";
import { LIMITS } from "@/lib/kontext/endpoint";
import { applyTrigger } from "@/lib/library/trigger";
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
  loraNotice: null,
  addLibraryLora: ({ path, scale, name, trigger }, withTrigger) => {
    const loraId = get().addLora({ path, scale });
    const before = get().prompt;
    const outcome = applyTrigger(before, name, trigger, withTrigger);
    if (outcome.changed) get().setPrompt(outcome.prompt);
    set({
      loraNotice: {
        loraId,
        message: outcome.message,
        undo: outcome.changed ? { before, after: outcome.prompt } : null,
      },
    });
    return loraId;
  },
  undoLoraTrigger: () => {
    const notice = get().loraNotice;
    if (!notice?.undo) return;
    if (get().prompt !== notice.undo.after) {
      set({
        loraNotice: {
          ...notice,
          undo: null,
          message: "The prompt was edited since; the trigger was left in it.",
        },
      });
      return;
    }
    get().setPrompt(notice.undo.before);
    set({ loraNotice: { ...notice, undo: null, message: "The prompt is as it was." } });
  },
  dismissLoraNotice: () => set({ loraNotice: null }),
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
  removeLora: (id) =>
    set((state) => ({
      loras: state.loras.filter((lora) => lora.id !== id),
      loraNotice: state.loraNotice?.loraId === id ? null : state.loraNotice,
    })),
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
