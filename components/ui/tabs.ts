"use client";

import { type KeyboardEvent, useId } from "react";

/** The keys that move between tabs (WAI-ARIA tabs pattern, horizontal) and where they go. */
const MOVES: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (index, count) => (index + 1) % count,
  ArrowLeft: (index, count) => (index - 1 + count) % count,
  Home: () => 0,
  End: (_, count) => count - 1,
};

export interface TabList<T extends string> {
  /** The props of a tab's button: its role, ids, selection, roving tab stop, click and keys. */
  tabProps: (tab: T) => {
    id: string;
    type: "button";
    role: "tab";
    "aria-selected": boolean;
    "aria-controls": string;
    tabIndex: 0 | -1;
    "data-state": "active" | "inactive";
    onClick: () => void;
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  };
  /** The id of a tab's button (a panel's `aria-labelledby`). */
  tabId: (tab: T) => string;
  /** The id of a tab's panel (what its button's `aria-controls` names). */
  panelId: (tab: T) => string;
}

/**
 * A list of tabs with automatic activation: a click, or an arrow key, Home or End moving the
 * focus, selects a tab. The caller keeps which tab is selected (`selected`, `onSelect`), and
 * renders the tab list (`role="tablist"` with a label) and the panels (`role="tabpanel"`,
 * labelled by {@link TabList.tabId}). `panels: "one"` when a single panel shows the selected tab.
 */
export function useTabList<T extends string>(
  tabs: readonly T[],
  selected: T,
  onSelect: (tab: T) => void,
  panels: "each" | "one" = "each",
): TabList<T> {
  const id = useId();
  const tabId = (tab: T) => `${id}-${tab}-tab`;
  const panelId = (tab: T) => (panels === "one" ? `${id}-panel` : `${id}-${tab}-panel`);
  return {
    tabId,
    panelId,
    tabProps: (tab) => ({
      id: tabId(tab),
      type: "button",
      role: "tab",
      "aria-selected": tab === selected,
      "aria-controls": panelId(tab),
      tabIndex: tab === selected ? 0 : -1,
      "data-state": tab === selected ? "active" : "inactive",
      onClick: () => onSelect(tab),
      onKeyDown: (event) => {
        const move = MOVES[event.key];
        if (!move || tabs.length === 0) return;
        event.preventDefault();
        const next = tabs[move(Math.max(0, tabs.indexOf(tab)), tabs.length)];
        if (next === undefined) return;
        onSelect(next);
        document.getElementById(tabId(next))?.focus();
      },
    }),
  };
}
