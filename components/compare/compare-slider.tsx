"use client";

import { Icon } from "@/components/ui/icons";
import type { Box } from "@/lib/compare/view";
import { CompareImage, CompareLabel } from "./compare-image";
import type { CompareSide } from "./compare-side";

/**
 * Before and after stacked in one pane: `after` shows right of the divider (clipped in the
 * pane's own coordinates, so the cut stays under the divider at any zoom), `before` left of it.
 */
export function SliderPane({
  before,
  after,
  transform,
  position,
  box,
}: {
  before: CompareSide;
  after: CompareSide;
  transform: string;
  position: number;
  box: Box;
}) {
  return (
    <div
      data-compare-pane=""
      className="relative overflow-hidden rounded-sm bg-neutral-900"
      style={box}
    >
      <div className="absolute inset-0">
        <CompareImage key={before.src} side={before} transform={transform} />
      </div>
      <div className="absolute inset-0" style={{ clipPath: `inset(0 0 0 ${position}%)` }}>
        <CompareImage key={after.src} side={after} transform={transform} />
      </div>
      <CompareLabel corner="left">{before.label}</CompareLabel>
      <CompareLabel corner="right">{after.label}</CompareLabel>
      <Divider position={position} />
    </div>
  );
}

/** The divider line and its handle; the range input below the stage is its keyboard twin. */
function Divider({ position }: { position: number }) {
  return (
    <div
      aria-hidden="true"
      className="pointer-events-none absolute inset-y-0 w-0.5 -translate-x-1/2 bg-white shadow-[0_0_0_1px_rgb(0_0_0/0.3)]"
      style={{ left: `${position}%` }}
    >
      <div
        data-compare-handle=""
        className="pointer-events-auto absolute top-1/2 left-1/2 flex size-10 -translate-x-1/2 -translate-y-1/2 cursor-ew-resize items-center justify-center rounded-full border-2 border-white bg-neutral-950/70 text-white shadow-lg backdrop-blur-sm"
      >
        <Icon className="size-5" strokeWidth={1.75}>
          <path d="M6 4.5 2.5 8 6 11.5M10 4.5l3.5 3.5-3.5 3.5" />
        </Icon>
      </div>
    </div>
  );
}

/**
 * The divider as a real slider, as wide as the stage: arrows, Home/End and PageUp/PageDown
 * move it natively.
 */
export function PositionRange({
  position,
  onChange,
}: {
  position: number;
  onChange: (position: number) => void;
}) {
  const value = Math.round(position);
  return (
    <input
      type="range"
      aria-label="Comparison position"
      aria-valuetext={`${value}%`}
      min={0}
      max={100}
      step={1}
      value={value}
      onChange={(event) => onChange(Number(event.currentTarget.value))}
      className="h-6 w-full cursor-pointer rounded-sm accent-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
    />
  );
}
