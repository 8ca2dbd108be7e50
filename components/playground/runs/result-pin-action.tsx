"use client";

import { useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import { focusAfterRender } from "@/components/ui/focus";
import { loraLabel } from "@/lib/kontext/known-loras";
import { selectLibraryLora } from "@/lib/store/library-selectors";
import type { PinPreviewResult } from "@/lib/store/outcomes";
import { Hidden, ResultActionButton } from "./result-action-button";
import { useResultViewer } from "./result-context";
import { isFlaggedImage, resultKey, selectRun } from "./result-format";

/**
 * "Pin as LoRA preview" for a result whose run used LoRAs: with one LoRA it pins at once, with
 * several it asks which (a row of choices under the actions; Esc closes it). None while the
 * image is hidden by the safety checker.
 */
export function PinPreviewAction({
  runId,
  runNumber,
  index,
  onPinning,
  onPinned,
}: {
  runId: string;
  runNumber: number;
  index: number;
  onPinning: () => void;
  onPinned: (result: PinPreviewResult) => void;
}) {
  const paths = usePlaygroundStore(
    useShallow((s) => [...new Set(selectRun(runId)(s)?.request.loras.map((l) => l.path))]),
  );
  const names = usePlaygroundStore(
    useShallow((s) => paths.map((path) => selectLibraryLora(path)(s)?.name ?? loraLabel(path))),
  );
  const isFlagged = usePlaygroundStore((s) => isFlaggedImage(selectRun(runId)(s)?.output, index));
  const pinPreview = usePlaygroundStore((s) => s.pinPreview);
  const viewer = useResultViewer();
  const [isChoosing, setIsChoosing] = useState(false);
  if (paths.length === 0) return null;
  if (isFlagged && !viewer.isRevealed(resultKey(runId, index))) return null;
  const result = ` result ${index + 1} of run ${runNumber}`;
  const buttonId = `result-${runId}-${index}-pin`;
  const choicesId = `${buttonId}-choices`;

  async function pin(path: string) {
    setIsChoosing(false);
    focusAfterRender([buttonId]);
    onPinning();
    onPinned(await pinPreview(runId, index, path));
  }

  function close() {
    setIsChoosing(false);
    focusAfterRender([buttonId]);
  }

  const [only] = paths;
  return (
    <>
      <ResultActionButton
        id={buttonId}
        icon="pin"
        expanded={paths.length > 1 ? isChoosing : undefined}
        onClick={() => {
          if (only !== undefined && paths.length === 1) void pin(only);
          else {
            setIsChoosing((open) => !open);
            focusAfterRender([`${choicesId}-0`]);
          }
        }}
      >
        Pin<Hidden>{result}</Hidden> as LoRA preview
      </ResultActionButton>
      {isChoosing ? (
        // biome-ignore lint/a11y/useSemanticElements: a group of choices, not a form fieldset.
        <div
          id={choicesId}
          role="group"
          aria-label={`Pin${result} as the preview of`}
          onKeyDown={(event) => {
            if (event.key !== "Escape") return;
            event.stopPropagation();
            close();
          }}
          className="flex basis-full flex-wrap items-center gap-1.5 rounded-md bg-neutral-100 p-1.5 dark:bg-neutral-800/70"
        >
          <span aria-hidden="true" className="px-1 text-xs text-neutral-600 dark:text-neutral-400">
            Pin as the preview of
          </span>
          {paths.map((path, position) => (
            <Button
              key={path}
              id={`${choicesId}-${position}`}
              size="sm"
              variant="secondary"
              title={path}
              onClick={() => void pin(path)}
            >
              {names[position]}
            </Button>
          ))}
          <Button size="sm" variant="ghost" onClick={close}>
            Cancel
          </Button>
        </div>
      ) : null}
    </>
  );
}
