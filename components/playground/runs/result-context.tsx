"use client";

import { createContext, useContext } from "react";

/** What result tiles share with the panel: revealed flagged images and the full-size viewer. */
export interface ResultViewer {
  /** Whether an image hidden by the safety checker was revealed (`resultKey`). */
  isRevealed: (key: string) => boolean;
  reveal: (key: string) => void;
  /** Opens the viewer at an image; focus goes back to `opener` when it closes. */
  open: (key: string, opener: HTMLElement) => void;
}

const ResultViewerContext = createContext<ResultViewer | null>(null);

export const ResultViewerProvider = ResultViewerContext.Provider;

/** The results panel's viewer state; only inside `ResultsPanel`. */
export function useResultViewer(): ResultViewer {
  const viewer = useContext(ResultViewerContext);
  if (!viewer) throw new Error("useResultViewer must be used inside <ResultsPanel>");
  return viewer;
}
