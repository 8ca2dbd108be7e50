"use client";

import type { SweepRecord } from "@/lib/sweep/record";
import { SweepCell } from "./sweep-cell";

/** A sweep's grid: column labels across the top, row labels down the side, a cell each. */
export function SweepGrid({ sweep, caption }: { sweep: SweepRecord; caption: string }) {
  const hasRows = sweep.rowLabels.length > 1 || (sweep.rowLabels[0] ?? "") !== "";
  const columns = sweep.columnLabels.length;
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
                const label = [sweep.columnLabels[column], hasRows ? rowLabel : null]
                  .filter(Boolean)
                  .join(" · ");
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are fixed by their place.
                  <td key={column} className="min-w-28 align-top">
                    {cell ? (
                      <SweepCell runId={cell.runId} status={cell.status} label={label} />
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
