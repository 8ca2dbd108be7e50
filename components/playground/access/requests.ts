"use client";

import { useEffect, useSyncExternalStore } from "react";
import { hasVisitorFalKey, onVisitorFalKeyChange } from "@/lib/fal/visitor-key";

/** What asked for a dialog: run `onDone` once it succeeded (e.g. retry the refused run). */
export interface DialogRequest {
  onDone?: () => void;
}

type DialogName = "own-key" | "access-code";

const eventName = (name: DialogName) => `kontext:${name}-request`;

/**
 * Opens the "Use my own fal key" dialog (rendered once, in the page header, on the fal backend)
 * from anywhere: the access prompt and the alert's limit messages offer it.
 */
export function requestOwnKey(request: DialogRequest = {}): void {
  window.dispatchEvent(new CustomEvent<DialogRequest>(eventName("own-key"), { detail: request }));
}

/** Opens the access-code prompt (rendered once, in the playground). */
export function requestAccessCode(request: DialogRequest = {}): void {
  window.dispatchEvent(
    new CustomEvent<DialogRequest>(eventName("access-code"), { detail: request }),
  );
}

/** Calls `listener` whenever the dialog `name` is requested. */
export function useDialogRequests(
  name: DialogName,
  listener: (request: DialogRequest) => void,
): void {
  useEffect(() => {
    const onRequest = (event: Event) => listener((event as CustomEvent<DialogRequest>).detail);
    window.addEventListener(eventName(name), onRequest);
    return () => window.removeEventListener(eventName(name), onRequest);
  }, [name, listener]);
}

/** Whether runs go out on the visitor's own key (false while server rendering). */
export function useHasVisitorKey(): boolean {
  return useSyncExternalStore(subscribe, hasVisitorFalKey, () => false);
}

function subscribe(listener: () => void): () => void {
  const unsubscribe = onVisitorFalKeyChange(listener);
  return () => {
    unsubscribe();
  };
}
