"use client";

import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from "react";
import { useStore } from "zustand";
import { ImageCacheProvider } from "@/components/compare/image-cache";
import { createBrowserServices } from "@/lib/browser/browser-services";
import {
  createPlaygroundStore,
  type PlaygroundState,
  type PlaygroundStore,
} from "@/lib/store/playground-store";

const StoreContext = createContext<PlaygroundStore | null>(null);

/**
 * Creates the playground's store once per mount, and loads the saved history into it (the draft,
 * the runs, resuming those still in flight) once mounted.
 */
export function PlaygroundStoreProvider({
  children,
  backend = "local",
}: {
  children: ReactNode;
  /** What the server runs edits on, recorded with every saved run. */
  backend?: "fal" | "local";
}) {
  const [store] = useState(() => createPlaygroundStore(createBrowserServices(), { backend }));
  useEffect(() => {
    void store
      .getState()
      .hydrate()
      .then(() => {
        // Says the page is interactive and its history loaded (end-to-end tests wait for it).
        document.documentElement.dataset.playgroundReady = "true";
      });
  }, [store]);
  return (
    <StoreContext.Provider value={store}>
      <ImageCacheProvider cache={store.getState().services.images ?? null}>
        {children}
      </ImageCacheProvider>
    </StoreContext.Provider>
  );
}

/** Reads from the playground store; pass a selector that picks exactly what you need. */
export function usePlaygroundStore<T>(selector: (state: PlaygroundState) => T): T {
  return useStore(usePlaygroundStoreApi(), selector);
}

/**
 * Reads a list of ids (or other strings) from the playground store: the same array while its
 * items stay the same, so a component re-renders only when the list changes. (zustand's
 * `useShallow` does this for any value; the first screen needs it only for lists, without loading
 * that general comparison.)
 */
export function usePlaygroundStoreList(
  selector: (state: PlaygroundState) => readonly string[],
): readonly string[] {
  const previous = useRef<readonly string[]>([]);
  return usePlaygroundStore((state) => {
    const next = selector(state);
    const last = previous.current;
    if (next.length === last.length && next.every((item, index) => item === last[index])) {
      return last;
    }
    previous.current = next;
    return next;
  });
}

/**
 * The store itself, for reading the latest state in an event handler after an action resolved
 * (without subscribing the component to it).
 */
export function usePlaygroundStoreApi(): PlaygroundStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error("usePlaygroundStore must be used inside <PlaygroundStoreProvider>");
  return store;
}
