import { errorMessage } from "@/lib/domain/app-error";
import { loadOnce } from "@/lib/domain/load-once";

/**
 * A slice's engine: its feature code (`lib/store/*-engine.ts`), which is not in the first
 * screen's JavaScript and loads at the first action that needs it.
 */
export interface SliceEngine<E> {
  /**
   * The engine, loaded once per store. Every action waits on this one load, so actions called
   * before it finished run in the order they were called.
   */
  engine: () => Promise<E>;
  /**
   * `work` with the engine; when its code cannot be loaded (offline, or a new deploy), `failed`
   * answers with the reason, and the next call tries to load it again.
   */
  withEngine: <T>(work: (loaded: E) => T | Promise<T>, failed: (reason: string) => T) => Promise<T>;
}

export function sliceEngine<E>(load: () => Promise<E>): SliceEngine<E> {
  const engine = loadOnce(load);
  return {
    engine,
    withEngine: async (work, failed) => {
      let loaded: Awaited<E>;
      try {
        loaded = await engine();
      } catch (error) {
        return failed(errorMessage(error));
      }
      return work(loaded);
    },
  };
}
