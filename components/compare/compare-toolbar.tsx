"use client";

import { type Dispatch, type ReactNode, type SetStateAction, useId } from "react";
import { Icon } from "@/components/ui/icons";
import {
  fit,
  formatZoom,
  isFit,
  MAX_ZOOM,
  MIN_ZOOM,
  type View,
  zoomIn,
  zoomOut,
} from "@/lib/compare/view";
import type { CompareMode } from "./compare-stage";

const MODES: { value: CompareMode; label: string }[] = [
  { value: "slider", label: "Slider" },
  { value: "side-by-side", label: "Side by side" },
];

const FOCUS_RING =
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white";

/** Slider or side by side, as a pair of radio buttons (arrow keys switch, as in any group). */
export function ModeToggle({
  mode,
  onChange,
}: {
  mode: CompareMode;
  onChange: (mode: CompareMode) => void;
}) {
  const name = useId();
  return (
    <fieldset className="flex shrink-0 rounded-full bg-white/10 p-1">
      <legend className="sr-only">Comparison view</legend>
      {MODES.map((option) => (
        <label
          key={option.value}
          className="cursor-pointer rounded-full px-3 py-1.5 text-sm font-medium whitespace-nowrap text-neutral-200 transition-colors hover:text-white has-checked:bg-white has-checked:text-neutral-950 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-white"
        >
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={mode === option.value}
            onChange={() => onChange(option.value)}
            className="sr-only"
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * Zoom out, the zoom (announced politely as it changes), zoom in and fit. A button that can do
 * nothing more is `aria-disabled`, not disabled, so it keeps focus at the limit.
 */
export function ZoomControls({
  view,
  onChange,
}: {
  view: View;
  onChange: Dispatch<SetStateAction<View>>;
}) {
  return (
    <div className="flex items-center gap-1">
      <ToolButton
        label="Zoom out"
        isDisabled={view.zoom <= MIN_ZOOM}
        onClick={() => onChange(zoomOut)}
      >
        <path d="M4.5 7h5" />
      </ToolButton>
      <output className="min-w-13 text-center text-sm text-neutral-100 tabular-nums">
        <span className="sr-only">Zoom </span>
        {formatZoom(view.zoom)}
      </output>
      <ToolButton
        label="Zoom in"
        isDisabled={view.zoom >= MAX_ZOOM}
        onClick={() => onChange(zoomIn)}
      >
        <path d="M4.5 7h5M7 4.5v5" />
      </ToolButton>
      <button
        type="button"
        aria-disabled={isFit(view)}
        onClick={() => onChange(fit())}
        className={`ml-1 h-9 rounded-full bg-white/10 px-3.5 text-sm font-medium text-white transition-colors hover:bg-white/20 aria-disabled:cursor-not-allowed aria-disabled:opacity-40 aria-disabled:hover:bg-white/10 ${FOCUS_RING}`}
      >
        Fit
      </button>
    </div>
  );
}

function ToolButton({
  label,
  isDisabled,
  onClick,
  children,
}: {
  label: string;
  isDisabled: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      aria-disabled={isDisabled}
      onClick={isDisabled ? undefined : onClick}
      className={`inline-flex size-9 items-center justify-center rounded-full bg-white/10 text-white transition-colors hover:bg-white/20 aria-disabled:cursor-not-allowed aria-disabled:opacity-40 aria-disabled:hover:bg-white/10 ${FOCUS_RING}`}
    >
      <Icon className="size-4.5" strokeWidth={1.75}>
        <circle cx="7" cy="7" r="4.5" />
        <path d="m10.5 10.5 3 3" />
        {children}
      </Icon>
    </button>
  );
}
