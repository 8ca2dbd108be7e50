"use client";

import { useMemo } from "react";
import type { ViewerScope } from "@/components/playground/runs/result-context";
import { resultKey } from "@/components/playground/runs/result-format";
import { cellTitle } from "@/lib/sweep/cell-title";
import type { SweepRecord } from "@/lib/sweep/record";
import { SweepCell } from "./sweep-cell";
import { useLoraName } from "./use-lora-name";

/**
 * The viewer's scope for a sweep: its cells row by row, each titled by its labels, a scale of a
 * stack LoRA named after it (`Plushie ×0.5`, `Van Gogh ×0.5`).
 */
function sweepScope(sweep: SweepRecord, name: (path: string) => string): ViewerScope {
  const named = (axis: number, label: string | undefined) => {
    const target = sweep.axes[axis]?.kind === "lora_scale" ? sweep.axes[axis]?.target : undefined;
    return label && target?.kind === "stack" ? `${name(target.path)} ${label}` : label;
  };
  const cells = [...sweep.cells].sort((a, b) => a.row - b.row || a.column - b.column);
  const keys: string[] = [];
  const titles: Record<string, string> = {};
  for (const cell of cells) {
    if (!cell.runId) continue;
    const key = resultKey(cell.runId, 0);
    keys.push(key);
    titles[key] = cellTitle(
      named(0, sweep.columnLabels[cell.column]),
      named(1, sweep.rowLabels[cell.row]),
    );
  }
  return { keys, titles };
}

/** A sweep's grid: column labels across the top, row labels down the side, a cell each. */
export function SweepGrid({ sweep, caption }: { sweep: SweepRecord; caption: string }) {
  const hasRows = sweep.rowLabels.length > 1 || (sweep.rowLabels[0] ?? "") !== "";
  const columns = sweep.columnLabels.length;
  const name = useLoraName();
  const scope = useMemo(() => sweepScope(sweep, name), [sweep, name]);
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full border-separate border-spacing-2 text-left">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {hasRows ? <td className="w-24" /> : null}
            {sweep.columnLabels.map((label, column) => (
              <th
                // biome-ignore lint/suspicious/noArrayIndexKey: a sweep's labels never change.
                key={column}
                scope="col"
                className="max-w-48 min-w-28 truncate text-xs font-semibold text-neutral-700 tabular-nums dark:text-neutral-300"
                title={label}
              >
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sweep.rowLabels.map((rowLabel, row) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a sweep's labels never change.
            <tr key={row}>
              {hasRows ? (
                <th
                  scope="row"
                  title={rowLabel}
                  className="w-24 max-w-32 align-middle text-xs font-semibold break-words text-neutral-700 dark:text-neutral-300"
                >
                  {rowLabel}
                </th>
              ) : null}
              {Array.from({ length: columns }, (_, column) => {
                const cell = sweep.cells.find(
                  (entry) => entry.row === row && entry.column === column,
                );
                const label = cellTitle(sweep.columnLabels[column], hasRows ? rowLabel : "");
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are fixed by their place.
                  <td key={column} className="min-w-28 align-top">
                    {cell ? (
                      <SweepCell
                        runId={cell.runId}
                        status={cell.status}
                        label={label}
                        scope={scope}
                      />
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
