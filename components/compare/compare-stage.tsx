"use client";

import {
  type Dispatch,
  type KeyboardEvent,
  type RefObject,
  type SetStateAction,
  useRef,
} from "react";
import {
  type Box,
  containSize,
  type SplitLayout,
  splitLayout,
  type View,
  viewForKey,
  viewTransform,
} from "@/lib/compare/view";
import { CompareImage, CompareLabel } from "./compare-image";
import type { CompareSide } from "./compare-side";
import { PositionRange, SliderPane } from "./compare-slider";
import { useCompareGestures } from "./use-compare-gestures";
import { useElementSize } from "./use-element-size";

export type CompareMode = "slider" | "side-by-side";

/** Between the two panes side by side, and between the stage and the slider under it (px). */
const GAP = 8;
/** Room kept under the stage for the position slider in slider mode (px). */
const RANGE_ROOM = 24 + 12;

/**
 * The images, as large as the space allows: one pane with a divider (slider mode, with the
 * position slider under it) or two panes (side by side, or stacked when that is larger). The
 * stage takes focus: + and - zoom, 0 fits, the arrows pan; every pane shows the one `view`.
 */
export function CompareStage({
  mode,
  before,
  after,
  view,
  onViewChange,
  position,
  onPositionChange,
  hintId,
  stageRef,
}: {
  mode: CompareMode;
  before: CompareSide;
  after: CompareSide;
  view: View;
  onViewChange: Dispatch<SetStateAction<View>>;
  position: number;
  onPositionChange: (position: number) => void;
  hintId: string;
  stageRef: RefObject<HTMLDivElement | null>;
}) {
  const spaceRef = useRef<HTMLDivElement>(null);
  const space = useElementSize(spaceRef);
  const isSlider = mode === "slider";
  const layout: SplitLayout = isSlider
    ? {
        direction: "row",
        pane: containSize(after, { ...space, height: Math.max(0, space.height - RANGE_ROOM) }),
      }
    : splitLayout(after, space, GAP);
  const gestures = useCompareGestures(stageRef, {
    hasDivider: isSlider,
    position,
    zoom: view.zoom,
    setView: onViewChange,
    setPosition: onPositionChange,
  });
  const transform = viewTransform(view);
  const panes = isSlider ? 1 : 2;
  const stage = {
    width:
      layout.direction === "row"
        ? layout.pane.width * panes + GAP * (panes - 1)
        : layout.pane.width,
    height: layout.direction === "column" ? layout.pane.height * 2 + GAP : layout.pane.height,
  };

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const { key } = event;
    if (viewForKey(view, key) === null) return;
    event.preventDefault();
    onViewChange((current) => viewForKey(current, key) ?? current);
  }

  const cursor =
    view.zoom > 1 ? "cursor-grab active:cursor-grabbing" : isSlider ? "cursor-ew-resize" : "";
  return (
    <div ref={spaceRef} className="flex min-h-0 min-w-0 flex-1 items-center justify-center">
      <div className="flex flex-col gap-3" style={{ width: stage.width }}>
        {/* biome-ignore lint/a11y/useSemanticElements: a picture to zoom and pan, not form fields. */}
        <div
          ref={stageRef}
          role="group"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the stage's own keys zoom and pan it.
          tabIndex={0}
          aria-label="Comparison stage"
          aria-describedby={hintId}
          onKeyDown={onKeyDown}
          {...gestures}
          className={`flex touch-none select-none rounded-sm outline-none focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-white ${layout.direction === "column" ? "flex-col" : "flex-row"} ${cursor}`}
          style={{ ...stage, gap: GAP }}
        >
          {isSlider ? (
            <SliderPane
              before={before}
              after={after}
              transform={transform}
              position={position}
              box={layout.pane}
            />
          ) : (
            <>
              <SidePane side={before} transform={transform} box={layout.pane} />
              <SidePane side={after} transform={transform} box={layout.pane} />
            </>
          )}
        </div>
        {isSlider ? <PositionRange position={position} onChange={onPositionChange} /> : null}
      </div>
    </div>
  );
}

/** One side, whole, in its own pane. */
function SidePane({ side, transform, box }: { side: CompareSide; transform: string; box: Box }) {
  return (
    <div
      data-compare-pane=""
      className="relative overflow-hidden rounded-sm bg-neutral-900"
      style={box}
    >
      <CompareImage key={side.src} side={side} transform={transform} />
      <CompareLabel corner="left" maxWidth="max-w-[calc(100%-1rem)]">
        {side.label}
      </CompareLabel>
    </div>
  );
}
