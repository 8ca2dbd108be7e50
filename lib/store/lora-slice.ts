import type { StateCreator } from "zustand";
import { withoutKey } from "@/lib/domain/form";
import { clampScale } from "@/lib/domain/run";
import { LIMITS } from "@/lib/kontext/endpoint";
import { sliceEngine } from "./slice-engine";
import type { LoraSlice, PlaygroundState } from "./state";
import type { LoraEntry } from "./types";

/**
 * The LoRA stack. Putting a library LoRA's trigger in the prompt is in `./lora-engine`, loaded at
 * the first add from the library or the Hub, so the first screen's JavaScript does not carry it.
 */
export const createLoraSlice: StateCreator<PlaygroundState, [], [], LoraSlice> = (set, get) => {
  const { withEngine } = sliceEngine(() =>
    import("./lora-engine").then((m) => m.createLoraEngine(set, get)),
  );
  return {
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
      // The row at once (focus can move to it); the prompt and the notice once the engine is here.
      const loraId = get().addLora({ path, scale });
      void withEngine(
        (loaded) => loaded.applyLoraTrigger(loraId, { name, trigger }, withTrigger),
        (reason) =>
          set({
            loraNotice: {
              loraId,
              message: `Added ${name}; its trigger could not be put in the prompt: ${reason}`,
              undo: null,
            },
          }),
      );
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
        fieldErrors: withoutKey(
          withoutKey(state.fieldErrors, `lora:${id}:path`),
          `lora:${id}:scale`,
        ),
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
  };
};
