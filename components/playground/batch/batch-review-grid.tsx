"use client";

import { useMemo, useState } from "react";
import type { ViewerScope } from "@/components/playground/runs/result-context";
import { resultKey } from "@/components/playground/runs/result-format";
import { Button } from "@/components/ui/button";
import type { BatchRecord } from "@/lib/batch/record";
import { shortName } from "./batch-format";
import { BatchPair } from "./batch-pair";

/** Pairs shown at first and added by "Show more": a 500-image batch never renders at once. */
const PAGE = 48;

/** The viewer's scope: the batch's results in input order, each titled by its input's name. */
function batchScope(batch: BatchRecord): ViewerScope {
  const keys: string[] = [];
  const titles: Record<string, string> = {};
  for (const item of batch.items) {
    if (item.status !== "done" || !item.runId) continue;
    const key = resultKey(item.runId, 0);
    keys.push(key);
    titles[key] = shortName(item.input.name);
  }
  return { keys, titles };
}

/** The review: each input → its output, in input order, with its marks and actions. */
export function BatchReviewGrid({ batch }: { batch: BatchRecord }) {
  const [shown, setShown] = useState(PAGE);
  const scope = useMemo(() => batchScope(batch), [batch]);
  const left = batch.items.length - shown;
  return (
    <div className="flex flex-col gap-3">
      <ul
        aria-label="Batch results"
        className="grid grid-cols-[repeat(auto-fill,minmax(min(100%,10rem),1fr))] gap-3"
      >
        {batch.items.slice(0, shown).map((item) => (
          <BatchPair key={item.id} batchId={batch.id} item={item} scope={scope} />
        ))}
      </ul>
      {left > 0 ? (
        <Button
          size="sm"
          variant="secondary"
          className="self-center"
          onClick={() => setShown(shown + PAGE)}
        >
          Show more ({left} left)
        </Button>
      ) : null}
    </div>
  );
}
