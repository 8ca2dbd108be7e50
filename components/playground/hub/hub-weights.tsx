"use client";

import { useId } from "react";
import { formatSize, type WeightChoice } from "@/lib/hub/files";

/**
 * The weight files: usable ones with their sizes (a radio pick when there are several, the
 * default chosen and why), refused ones with the reason.
 */
export function HubWeights({
  weights,
  file,
  onFile,
}: {
  weights: WeightChoice;
  file: string | null;
  onFile: (path: string) => void;
}) {
  const name = useId();
  const usable = weights.files.filter((weight) => !weight.refusal);
  const refused = weights.files.filter((weight) => weight.refusal);

  return (
    <fieldset className="flex min-w-0 flex-col gap-1.5">
      <legend className="mb-1 text-sm font-medium">Weight file</legend>
      <p className="text-xs text-neutral-600 dark:text-neutral-400">{weights.reason}</p>
      {usable.length > 1 ? (
        <div className="flex flex-col gap-1">
          {usable.map((weight) => (
            <label key={weight.path} className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name={name}
                value={weight.path}
                checked={file === weight.path}
                onChange={() => onFile(weight.path)}
                className="mt-1 accent-accent-600"
              />
              <span className="min-w-0 break-all font-mono text-xs">
                {weight.path}{" "}
                <span className="font-sans text-neutral-600 dark:text-neutral-400">
                  {formatSize(weight.size)}
                  {weight.path === weights.chosen ? " · suggested" : ""}
                </span>
              </span>
            </label>
          ))}
        </div>
      ) : usable[0] ? (
        <p className="min-w-0 break-all font-mono text-xs">
          {usable[0].path}{" "}
          <span className="font-sans text-neutral-600 dark:text-neutral-400">
            {formatSize(usable[0].size)}
          </span>
        </p>
      ) : null}
      {refused.length > 0 ? (
        <details className="text-xs text-neutral-700 dark:text-neutral-300">
          <summary className="cursor-pointer">
            {refused.length} {refused.length === 1 ? "file" : "files"} not usable as a LoRA
          </summary>
          <ul className="mt-1 list-disc pl-5">
            {refused.map((weight) => (
              <li key={weight.path} className="break-words">
                {weight.refusal}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </fieldset>
  );
}
