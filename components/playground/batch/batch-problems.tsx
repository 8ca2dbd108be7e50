"use client";

import { usePlaygroundStore } from "@/components/playground/store-provider";

/** What was left out of the batch and why (`name: reason`, `Line 4: reason`), and the last error. */
export function BatchProblems() {
  const problems = usePlaygroundStore((s) => s.batchProblems);
  const error = usePlaygroundStore((s) => s.batchError);
  return (
    <>
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      {problems.length > 0 ? (
        <section
          aria-labelledby="batch-problems-title"
          className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/40"
        >
          <h3
            id="batch-problems-title"
            className="font-semibold text-amber-900 dark:text-amber-200"
          >
            Left out ({problems.length})
          </h3>
          <ul className="mt-1 max-h-32 list-disc overflow-y-auto pl-5 text-amber-900 dark:text-amber-100">
            {problems.map((problem, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the same reason may repeat.
              <li key={index}>{problem}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
