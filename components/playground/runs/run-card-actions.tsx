"use client";

import { useShallow } from "zustand/react/shallow";
import { useGalleryNavigation } from "@/components/playground/gallery/gallery-navigation";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { RemoveIcon, StarIcon } from "@/components/ui/action-icons";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";
import { selectStageRunId } from "@/lib/store/playground-store";
import { selectRun } from "./result-format";

/**
 * A run's star (a toggle: "Star run N", pressed when starred) and, once it has finished, its
 * Delete button. After a delete, focus goes to the next run's heading (else the search box); the
 * deletion can be undone from the notice the gallery shows. Last, "Show on stage" (pressed while
 * the run is on the workspace's stage).
 */
export function RunCardActions({
  runId,
  runNumber,
  canShowOnStage = true,
}: {
  runId: string;
  runNumber: number;
  /** Whether to offer "Show on stage" (not on the stage itself). */
  canShowOnStage?: boolean;
}) {
  const run = usePlaygroundStore(
    useShallow((s) => {
      const found = selectRun(runId)(s);
      return found
        ? { isFavourite: found.isFavourite, isFinished: found.finishedAt !== null }
        : null;
    }),
  );
  const isOnStage = usePlaygroundStore((s) => selectStageRunId(s) === runId);
  const stageRun = usePlaygroundStore((s) => s.stageRun);
  const toggleFavourite = usePlaygroundStore((s) => s.toggleFavourite);
  const deleteRuns = usePlaygroundStore((s) => s.deleteRuns);
  const navigation = useGalleryNavigation();
  if (!run) return null;

  async function onDelete() {
    const next = navigation.neighbourOf(runId);
    if ((await deleteRuns([runId])) === 0) return;
    if (next) navigation.revealRun(next);
    else navigation.focusSearch();
  }

  const starLabel = `Star run ${runNumber}`;
  const deleteLabel = `Delete run ${runNumber}`;
  return (
    <div className="-my-1 -mr-1.5 flex items-center">
      <Button
        variant="ghost"
        size="sm"
        aria-label={starLabel}
        aria-pressed={run.isFavourite}
        title={run.isFavourite ? `Unstar run ${runNumber}` : starLabel}
        onClick={() => toggleFavourite(runId)}
        className="w-8 px-0"
      >
        <StarIcon isFilled={run.isFavourite} />
      </Button>
      {run.isFinished ? (
        <Button
          variant="ghost"
          size="sm"
          aria-label={deleteLabel}
          title={deleteLabel}
          onClick={(event) => {
            // The next run's card slides under the pointer: a double click deletes one run only.
            if (event.detail <= 1) void onDelete();
          }}
          className="w-8 px-0 hover:text-red-700 dark:hover:text-red-400"
        >
          <RemoveIcon />
        </Button>
      ) : null}
      {canShowOnStage ? (
        <Button
          variant="ghost"
          size="sm"
          aria-label={`Show run ${runNumber} on stage`}
          aria-pressed={isOnStage}
          title={isOnStage ? `Run ${runNumber} is on the stage` : `Show run ${runNumber} on stage`}
          onClick={() => stageRun(runId)}
          className="w-8 px-0 aria-pressed:text-accent-700 dark:aria-pressed:text-accent-400"
        >
          <StageIcon />
        </Button>
      ) : null}
    </div>
  );
}

/** A frame with a picture: "on the stage". */
function StageIcon() {
  return (
    <Icon>
      <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" />
      <path d="m1.5 11 3.5-3.5 3 3 2-2 4.5 4.5" />
    </Icon>
  );
}
