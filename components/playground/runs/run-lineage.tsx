"use client";

import { useMemo } from "react";
import { useShallow } from "zustand/react/shallow";
import { useGalleryNavigation } from "@/components/playground/gallery/gallery-navigation";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { selectRunNumbers } from "@/lib/store/gallery";
import { lineageOf } from "@/lib/store/lineage";
import { selectRun } from "./result-format";
import { ResultImage } from "./result-image";

const LINK =
  "rounded-sm text-accent-700 underline underline-offset-2 hover:text-accent-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 dark:text-accent-400 dark:hover:text-accent-100";

/**
 * A run's chain of edits: every run that led to it (oldest first) and the runs edited from it.
 * Each step shows its first result, goes to its card, and can be branched from (its result
 * becomes the input). Shown only when the run is part of a chain.
 */
export function RunLineage({ runId, runNumber }: { runId: string; runNumber: number }) {
  const links = usePlaygroundStore(
    useShallow((s) => s.runs.map((run) => `${run.id}\u0000${run.parentId ?? ""}`)),
  );
  const lineage = useMemo(
    () =>
      lineageOf(
        links.map((link) => {
          const [id = "", parentId = ""] = link.split("\u0000");
          return { id, parentId: parentId || null };
        }),
        runId,
      ),
    [links, runId],
  );
  if (lineage.chain.length < 2 && lineage.children.length === 0) return null;
  return (
    <section
      aria-label={`Chain of edits of run ${runNumber}`}
      className="flex flex-col gap-2 rounded-md border border-neutral-200 bg-white/60 p-2 dark:border-neutral-800 dark:bg-neutral-900/40"
    >
      <h4 className="text-xs font-medium text-neutral-600 dark:text-neutral-400">
        Chain of edits
        {lineage.hasMissingAncestor ? " (earlier steps were deleted)" : ""}
      </h4>
      <ol className="flex flex-wrap items-start gap-2">
        {lineage.chain.map((id, index) => (
          <li key={id} className="flex items-start gap-2">
            {index > 0 ? (
              <span aria-hidden="true" className="pt-5 text-neutral-400">
                →
              </span>
            ) : null}
            <LineageStep runId={id} isCurrent={id === runId} />
          </li>
        ))}
      </ol>
      {lineage.children.length > 0 ? <EditedFurther childIds={lineage.children} /> : null}
    </section>
  );
}

function LineageStep({ runId, isCurrent }: { runId: string; isCurrent: boolean }) {
  const number = usePlaygroundStore((s) => selectRunNumbers(s).get(runId) ?? null);
  const { revealRun } = useGalleryNavigation();
  const setInputFromResult = usePlaygroundStore((s) => s.useResultAsInput);
  const image = usePlaygroundStore((s) => selectRun(runId)(s)?.output?.images[0] ?? null);
  if (number === null) return null;

  function branch() {
    if (!image) return;
    setInputFromResult(image, { runId });
    document.getElementById("image-panel-title")?.scrollIntoView({ behavior: "smooth" });
  }

  return (
    <div className="flex w-20 flex-col items-center gap-1 text-center">
      <button
        type="button"
        onClick={() => revealRun(runId)}
        aria-current={isCurrent ? "step" : undefined}
        aria-label={isCurrent ? `Run ${number} (this run)` : `Go to run ${number}`}
        className={`block size-14 overflow-hidden rounded-md border bg-neutral-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 dark:bg-neutral-800 ${
          isCurrent
            ? "border-accent-500 ring-2 ring-accent-500/40"
            : "border-neutral-200 dark:border-neutral-700"
        }`}
      >
        {image ? (
          <ResultImage
            url={image.url}
            alt=""
            width={image.width}
            height={image.height}
            className="size-full object-cover"
          />
        ) : null}
      </button>
      <span className="text-xs text-neutral-700 tabular-nums dark:text-neutral-300">
        Run {number}
      </span>
      {image ? (
        <button type="button" onClick={branch} className={`text-xs ${LINK}`}>
          Branch<span className="sr-only"> from run {number}</span>
        </button>
      ) : null}
    </div>
  );
}

function EditedFurther({ childIds }: { childIds: string[] }) {
  return (
    <p className="flex flex-wrap items-center gap-x-2 text-xs text-neutral-600 dark:text-neutral-400">
      Edited further in
      {childIds.map((id) => (
        <ChildLink key={id} runId={id} />
      ))}
    </p>
  );
}

function ChildLink({ runId }: { runId: string }) {
  const number = usePlaygroundStore((s) => selectRunNumbers(s).get(runId) ?? null);
  const { revealRun } = useGalleryNavigation();
  if (number === null) return null;
  return (
    <button type="button" onClick={() => revealRun(runId)} className={LINK}>
      run {number}
    </button>
  );
}
