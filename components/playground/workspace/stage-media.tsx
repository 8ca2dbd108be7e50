"use client";

import type { CSSProperties, ReactNode } from "react";
import { useShallow } from "zustand/react/shallow";
import { ResultActionButton } from "@/components/playground/runs/result-action-button";
import { useResultViewer } from "@/components/playground/runs/result-context";
import {
  isActivePhase,
  isFlaggedImage,
  outputImages,
  resultKey,
  selectRun,
  selectRunImageLayout,
} from "@/components/playground/runs/result-format";
import { ResultImage } from "@/components/playground/runs/result-image";
import { ResultMoreMenu } from "@/components/playground/runs/result-more-menu";
import { useDownloadResult } from "@/components/playground/runs/use-download-result";
import { FAILURES, useOutcome } from "@/components/playground/runs/use-result-outcome";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import type { KontextImage } from "@/lib/kontext/schema";

/** Columns for a run's images: one, two side by side, three in a row, four as 2×2. */
function columnsFor(count: number): number {
  return count <= 1 ? 1 : count === 3 ? 3 : 2;
}

/** Height of the action row under each image, and the gap above it. */
const ACTIONS_HEIGHT = "2.5rem";

/**
 * A box of `width`×`height` proportions, as large as fits its cell (a size container: `cqw`/`cqh`
 * are its width and height) less `reserve` of height, so skeleton and image take the same place
 * and the image's actions sit right under it.
 */
export function fittedStyle(width: number, height: number, reserve = "0px"): CSSProperties {
  const ratio = width / height;
  return {
    width: `min(100cqw, ${ratio} * (100cqh - ${reserve}))`,
    height: `min(100cqh - ${reserve}, 100cqw / ${ratio})`,
  };
}

/**
 * The stage's images: placeholders at the predicted size while the run is queued or running
 * (`overlay` shows its progress on them), then each image fitted whole inside its cell with
 * Download and More under it. Skeletons and images share one grid, so nothing reflows.
 */
export function StageMedia({
  runId,
  runNumber,
  overlay,
}: {
  runId: string;
  runNumber: number;
  overlay: ReactNode;
}) {
  const media = usePlaygroundStore(useShallow(selectRunImageLayout(runId)));
  if (!media) return null;
  const isActive = isActivePhase(media.phase);
  const isDone = media.phase === "completed" && media.imageCount > 0;
  const count = isDone ? media.imageCount : Math.max(1, media.expectedCount);
  const columns = columnsFor(count);

  return (
    <div className="relative min-h-0 flex-1">
      <ul
        aria-label={isDone ? `Images of run ${runNumber} on stage` : undefined}
        aria-hidden={isDone ? undefined : true}
        className="grid h-full auto-rows-[minmax(0,1fr)] gap-3"
        style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}
      >
        {Array.from({ length: count }, (_, index) =>
          isDone ? (
            <StageImage
              // biome-ignore lint/suspicious/noArrayIndexKey: a run's images never change order.
              key={index}
              runId={runId}
              runNumber={runNumber}
              index={index}
            />
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity.
            <Cell key={index}>
              <div
                className={`rounded-lg bg-neutral-200/80 dark:bg-neutral-800/80 ${isActive ? "animate-pulse" : ""}`}
                style={fittedStyle(media.width, media.height, ACTIONS_HEIGHT)}
              />
              <div className="h-8 shrink-0" />
            </Cell>
          ),
        )}
      </ul>
      {overlay ? (
        <div className="pointer-events-none absolute inset-0 bottom-10 flex items-center justify-center p-4">
          <div className="pointer-events-auto w-full max-w-sm">{overlay}</div>
        </div>
      ) : null}
    </div>
  );
}

/** One grid cell: a size container that centres its image (or placeholder) and action row. */
function Cell({ children }: { children: ReactNode }) {
  return (
    <li className="min-h-0 min-w-0 [container-type:size]">
      <div className="flex h-full flex-col items-center justify-center gap-2">{children}</div>
    </li>
  );
}

/** One finished image on the stage: the image (opens the full-size viewer), Download, More. */
function StageImage({
  runId,
  runNumber,
  index,
}: {
  runId: string;
  runNumber: number;
  index: number;
}) {
  const tile = usePlaygroundStore(
    useShallow((s) => {
      const run = selectRun(runId)(s);
      const output = run?.output;
      const image = outputImages(output)[index];
      if (!run || !output || !image) return null;
      return {
        image,
        seed: output.seed,
        isFlagged: isFlaggedImage(output, index),
        prompt: run.request.prompt,
        finishedAt: run.finishedAt,
      };
    }),
  );
  const viewer = useResultViewer();
  if (!tile) return null;
  const key = resultKey(runId, index);
  const { image } = tile;
  const name = `image ${index + 1} of run ${runNumber}`;
  const isHidden = tile.isFlagged && !viewer.isRevealed(key);

  return (
    <Cell>
      {isHidden ? (
        <div
          className="flex flex-col items-center justify-center gap-3 rounded-lg border border-dashed border-neutral-300 bg-neutral-100 p-4 text-center dark:border-neutral-700 dark:bg-neutral-800/60"
          style={fittedStyle(image.width, image.height, ACTIONS_HEIGHT)}
        >
          <p className="text-sm text-neutral-700 dark:text-neutral-300">
            The safety checker flagged this image
          </p>
          <Button size="sm" onClick={() => viewer.reveal(key)}>
            Show<span className="sr-only"> {name}</span> anyway
          </Button>
        </div>
      ) : (
        <button
          type="button"
          aria-label={`Open ${name} full size`}
          onClick={(event) => viewer.open(key, event.currentTarget)}
          className="block cursor-zoom-in overflow-hidden rounded-lg bg-neutral-100 shadow-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 dark:bg-neutral-800"
          style={fittedStyle(image.width, image.height, ACTIONS_HEIGHT)}
        >
          <ResultImage
            url={image.url}
            alt={`Image ${index + 1} of run ${runNumber}: ${tile.prompt}`}
            width={image.width}
            height={image.height}
            finishedAt={tile.finishedAt}
            loading="eager"
            className="block size-full object-contain"
          />
        </button>
      )}
      <div className="flex h-8 shrink-0 items-center justify-center gap-2">
        <StageDownload runId={runId} index={index} image={image} seed={tile.seed} name={name} />
        <ResultMoreMenu
          runId={runId}
          runNumber={runNumber}
          index={index}
          image={image}
          seed={tile.seed}
        />
      </div>
    </Cell>
  );
}

/** The image's one primary action; how it went is said beside it. */
function StageDownload({
  runId,
  index,
  image,
  seed,
  name,
}: {
  runId: string;
  index: number;
  image: KontextImage;
  seed: number;
  name: string;
}) {
  const download = useDownloadResult(runId, index, image, seed);
  const [outcome, setOutcome] = useOutcome();
  const message =
    outcome === "downloading"
      ? "Downloading…"
      : outcome === "opened"
        ? "Opened in new tab"
        : outcome === "download-failed"
          ? "Download failed"
          : "";
  return (
    <>
      <ResultActionButton
        icon="download"
        onClick={async () => {
          if (outcome === "downloading") return;
          setOutcome("downloading");
          setOutcome(await download());
        }}
      >
        Download<span className="sr-only"> {name}</span>
      </ResultActionButton>
      <span
        aria-live="polite"
        className={`text-xs ${FAILURES.has(outcome) ? "text-red-700 dark:text-red-400" : "text-neutral-600 dark:text-neutral-400"}`}
      >
        {message}
      </span>
    </>
  );
}
