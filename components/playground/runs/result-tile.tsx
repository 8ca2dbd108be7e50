"use client";

import { useShallow } from "zustand/react/shallow";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import { focusAfterRender } from "@/components/ui/focus";
import { ResultActions } from "./result-actions";
import { useResultViewer } from "./result-context";
import {
  formatImageMeta,
  inferenceSeconds,
  isFlaggedImage,
  outputImages,
  pricePerImage,
  resultKey,
  selectRun,
} from "./result-format";
import { ResultImage } from "./result-image";

/** The id of a result's "Open … full size" button, where focus goes once it is revealed. */
function openButtonId(runId: string, index: number): string {
  return `result-${runId}-${index}-open`;
}

/** One result image (hidden when flagged), its details and its actions. */
export function ResultTile({
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
      const images = outputImages(output);
      const image = images[index];
      if (!run || !output || !image) return null;
      return {
        image,
        seed: output.seed,
        isFlagged: isFlaggedImage(output, index),
        inferenceSeconds: inferenceSeconds(output),
        priceUsd: pricePerImage(run.price.usd, images.length),
        prompt: run.request.prompt,
        finishedAt: run.finishedAt,
      };
    }),
  );
  const viewer = useResultViewer();
  if (!tile) return null;
  const key = resultKey(runId, index);
  const number = index + 1;
  const openId = openButtonId(runId, index);
  const isHidden = tile.isFlagged && !viewer.isRevealed(key);
  const { image } = tile;

  return (
    <li className="flex min-w-0 flex-col gap-2">
      {isHidden ? (
        <div
          className="flex max-h-[70vh] min-h-40 flex-col items-center justify-center gap-3 rounded-md border border-dashed border-neutral-300 bg-neutral-100 p-4 text-center dark:border-neutral-700 dark:bg-neutral-800/60"
          style={{ aspectRatio: `${image.width} / ${image.height}` }}
        >
          <p className="text-sm text-neutral-700 dark:text-neutral-300">
            Hidden: flagged by the safety checker
          </p>
          <Button
            size="sm"
            onClick={() => {
              viewer.reveal(key);
              // This button goes away: focus the image that takes its place.
              focusAfterRender([openId]);
            }}
          >
            <span>
              Show
              <span className="sr-only">
                {" "}
                result {number} of run {runNumber}
              </span>{" "}
              anyway
            </span>
          </Button>
        </div>
      ) : (
        <button
          id={openId}
          type="button"
          aria-label={`Open result ${number} of run ${runNumber} full size`}
          onClick={(event) => viewer.open(key, event.currentTarget)}
          className="group relative mx-auto block w-fit max-w-full cursor-zoom-in overflow-hidden rounded-md bg-neutral-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 dark:bg-neutral-800"
        >
          <ResultImage
            url={image.url}
            alt={`Result ${number} of run ${runNumber}: ${tile.prompt}`}
            width={image.width}
            height={image.height}
            finishedAt={tile.finishedAt}
            // The width/height attributes reserve the space before the lazy image loads.
            className="mx-auto block h-auto max-h-[70vh] max-w-full object-contain transition-opacity group-hover:opacity-95"
          />
        </button>
      )}
      <p className="text-xs text-neutral-600 tabular-nums dark:text-neutral-400">
        {formatImageMeta({
          image,
          seed: tile.seed,
          inferenceSeconds: tile.inferenceSeconds,
          priceUsd: tile.priceUsd,
        })}
      </p>
      <ResultActions
        runId={runId}
        runNumber={runNumber}
        index={index}
        image={image}
        seed={tile.seed}
      />
    </li>
  );
}
