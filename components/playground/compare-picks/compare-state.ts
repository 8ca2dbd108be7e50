"use client";

// What `CompareProvider` holds on the first screen (nothing picked, nothing open): the shapes of
// picks and targets, and the context it shares them through. Picking, naming and resolving them
// (compare-selection, compare-format) load with the first result.
import { createContext, useContext } from "react";

/** One result image of one run. */
export interface CompareItem {
  runId: string;
  index: number;
}

/** What the compare dialog shows: a result against its input, or two picked results. */
export type CompareTarget =
  | { kind: "input"; item: CompareItem }
  | { kind: "pair"; a: CompareItem; b: CompareItem };

/** The picked results: slot A, slot B, and which was picked last (the other is replaced next). */
export interface ComparePicks {
  a: CompareItem | null;
  b: CompareItem | null;
  last: "a" | "b" | null;
}

export const NO_PICKS: ComparePicks = { a: null, b: null, last: null };

/**
 * What `CompareProvider` holds for everything inside it. Result tiles and the tray use it through
 * `useCompare` (compare-selection), whose code loads with them: the first screen has no results.
 */
export interface CompareState {
  /** The results picked for A/B (slot A, slot B). */
  picks: ComparePicks;
  setPicks: (picks: ComparePicks) => void;
  /** Says `message` in the polite live region that announces picking and clearing. */
  announce: (message: string) => void;
  /** Opens the compare dialog on `target`; focus goes back to `opener` on close. */
  open: (target: CompareTarget, opener: HTMLElement) => void;
}

export const CompareContext = createContext<CompareState | null>(null);

/** What `CompareProvider` holds; only inside it (the results panel). See `useCompare`. */
export function useCompareState(): CompareState {
  const state = useContext(CompareContext);
  if (!state) throw new Error("useCompare must be used inside <CompareProvider>");
  return state;
}
