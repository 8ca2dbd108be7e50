"use client";

import { type CSSProperties, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";
import type { KontextImage } from "@/lib/kontext/schema";
import { ResultActions } from "./result-actions";
import { RunCardActions } from "./run-card-actions";
import { RunTools } from "./run-tools";

/**
 * "More" beside a stage image's Download: the image's other actions (copy, use as input, compare,
 * pin) and the run's (remix, export, share, star), in a popover anchored to the button. The
 * popover's content is rendered only while it is open, so its buttons never double the
 * history card's while closed.
 */
export function ResultMoreMenu({
  runId,
  runNumber,
  index,
  image,
  seed,
}: {
  runId: string;
  runNumber: number;
  index: number;
  image: KontextImage;
  seed: number;
}) {
  const id = useId();
  const popoverId = `more-${id}`;
  const anchor = `--more-${id.replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const popoverRef = useRef<HTMLElement>(null);
  const [isOpen, setIsOpen] = useState(false);

  useEffect(() => {
    const popover = popoverRef.current;
    if (!popover) return;
    const onToggle = (event: Event) => setIsOpen((event as ToggleEvent).newState === "open");
    popover.addEventListener("toggle", onToggle);
    return () => popover.removeEventListener("toggle", onToggle);
  }, []);

  return (
    <>
      <Button
        size="sm"
        variant="secondary"
        popoverTarget={popoverId}
        style={{ anchorName: anchor } as CSSProperties}
      >
        <Icon className="size-3.5">
          <circle cx="3.5" cy="8" r="0.75" />
          <circle cx="8" cy="8" r="0.75" />
          <circle cx="12.5" cy="8" r="0.75" />
        </Icon>
        More
        <span className="sr-only">
          {" "}
          actions for image {index + 1} of run {runNumber}
        </span>
      </Button>
      <section
        ref={popoverRef}
        id={popoverId}
        popover="auto"
        aria-label={`More actions for image ${index + 1} of run ${runNumber}`}
        // Above the button, flipped below when there is no room; never wider than the screen.
        style={
          {
            positionAnchor: anchor,
            positionArea: "top span-left",
            positionTryFallbacks: "flip-block, bottom span-right, top span-right",
          } as CSSProperties
        }
        className="m-0 mb-1 max-h-[min(28rem,80dvh)] w-64 [&_button]:border-transparent [&_button]:bg-transparent [&_button:hover]:bg-neutral-100 dark:[&_button:hover]:bg-neutral-800 max-w-[calc(100vw-1rem)] overflow-y-auto rounded-lg border border-neutral-200 bg-white p-2 text-neutral-900 shadow-xl dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-100"
      >
        {isOpen ? (
          <div className="flex flex-col gap-2">
            <ResultActions
              runId={runId}
              runNumber={runNumber}
              index={index}
              image={image}
              seed={seed}
              layout="menu"
            />
            <div className="border-t border-neutral-200 pt-2 dark:border-neutral-800 [&>div]:flex-col [&>div]:items-stretch [&_button]:justify-start">
              <RunTools runId={runId} runNumber={runNumber} />
            </div>
            <div className="flex items-center justify-between border-t border-neutral-200 pt-2 text-xs text-neutral-600 dark:border-neutral-800 dark:text-neutral-400">
              Star or delete run {runNumber}
              <RunCardActions runId={runId} runNumber={runNumber} canShowOnStage={false} />
            </div>
          </div>
        ) : null}
      </section>
    </>
  );
}
