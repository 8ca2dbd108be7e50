"use client";

import { useMemo } from "react";
import { usePlaygroundStoreApi } from "@/components/playground/store-provider";
import { focusAfterRender } from "@/components/ui/focus";
import {
  describePick,
  findRun,
  pickButtonId,
  pickedSlot,
  resultName,
  togglePick,
} from "./compare-format";
import { type CompareItem, type ComparePicks, NO_PICKS, useCompareState } from "./compare-state";

/** What result tiles and the tray share: the picked results and opening the compare dialog. */
export interface CompareSelection {
  /** The results picked for A/B (slot A, slot B). */
  picks: ComparePicks;
  /** Which slot holds a result, if it is picked. */
  slotOf: (item: CompareItem) => "a" | "b" | null;
  /** Picks a result (a third replaces the one picked longer ago), or unpicks it. */
  togglePick: (item: CompareItem) => void;
  /** Unpicks both; focus goes to the last picked result's "Add to compare" button. */
  clearPicks: () => void;
  /** Compares a result with its run's input; focus goes back to `opener` on close. */
  compareWithInput: (item: CompareItem, opener: HTMLElement) => void;
  /** Compares the picked A and B (when both are picked); focus goes back to `opener`. */
  comparePicks: (opener: HTMLElement) => void;
}

/**
 * The compare selection; only inside `CompareProvider` (the results panel). Its code (picking,
 * naming what was picked) loads with the result tiles and the tray that use it, not with the
 * provider on the first screen.
 */
export function useCompare(): CompareSelection {
  const state = useCompareState();
  const store = usePlaygroundStoreApi();
  return useMemo<CompareSelection>(() => {
    const { picks, setPicks, announce, open } = state;
    const name = (item: CompareItem) => {
      const found = findRun(store.getState().runs, item.runId);
      return found ? resultName(found.runNumber, item.index) : "A result";
    };
    return {
      picks,
      slotOf: (item) => pickedSlot(picks, item),
      togglePick: (item) => {
        const next = togglePick(picks, item);
        setPicks(next);
        announce(describePick(picks, next, item, name));
      },
      clearPicks: () => {
        const last = picks.last ? picks[picks.last] : null;
        setPicks(NO_PICKS);
        announce("Compare selection cleared");
        if (last) focusAfterRender([pickButtonId(last)]);
      },
      compareWithInput: (item, opener) => open({ kind: "input", item }, opener),
      comparePicks: (opener) => {
        if (picks.a && picks.b) open({ kind: "pair", a: picks.a, b: picks.b }, opener);
      },
    };
  }, [state, store]);
}
