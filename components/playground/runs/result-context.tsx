"use client";

import { createContext, useContext } from "react";

/**
 * A group the viewer moves within instead of the whole gallery (a sweep's grid): its image keys
 * in order, and the title of each (the cell's labels, e.g. `Van Gogh ×0.5`).
 */
export interface ViewerScope {
  keys: readonly string[];
  titles: Readonly<Record<string, string>>;
}

/** What result tiles share with the panel: revealed flagged images and the full-size viewer. */
export interface ResultViewer {
  /** Whether an image hidden by the safety checker was revealed (`resultKey`). */
  isRevealed: (key: string) => boolean;
  reveal: (key: string) => void;
  /**
   * Opens the viewer at an image; focus goes back to `opener` when it closes. With `scope`, the
   * viewer's arrows stay within it and its titles name the images.
   */
  open: (key: string, opener: HTMLElement, scope?: ViewerScope) => void;
}

const ResultViewerContext = createContext<ResultViewer | null>(null);

export const ResultViewerProvider = ResultViewerContext.Provider;

/** The results panel's viewer state; only inside `ResultsPanel`. */
export function useResultViewer(): ResultViewer {
  const viewer = useContext(ResultViewerContext);
  if (!viewer) throw new Error("useResultViewer must be used inside <ResultsPanel>");
  return viewer;
}
