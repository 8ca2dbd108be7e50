"use client";

import { useState } from "react";
import type { HubModelDetails } from "@/lib/hub/types";
import { HubDetailActions } from "./hub-detail-actions";
import { HubExamples } from "./hub-examples";
import { formatCount, formatLicence, repoName, verdictClass } from "./hub-format";
import { HubWeights } from "./hub-weights";

const FACT = "text-xs text-neutral-600 dark:text-neutral-400";

/**
 * One Hub LoRA in detail: the base-model verdict, the trigger, licence, counts, weight files (a
 * pick among several), warnings and example images, with the actions underneath.
 */
export function HubDetails({
  details,
  onAdded,
  onTried,
}: {
  details: HubModelDetails;
  onAdded: (loraId: string) => void;
  onTried: () => void;
}) {
  const [file, setFile] = useState(details.weights.chosen);
  const titleId = `hub-details-${details.id.replace(/[^\w-]/g, "-")}`;

  return (
    <article aria-labelledby={titleId} className="flex flex-col gap-3">
      <header className="flex flex-col gap-1">
        <h3 id={titleId} className="text-lg font-semibold break-words">
          {repoName(details.id)}
        </h3>
        <p className={FACT}>
          by {details.author ?? details.id.split("/")[0]} · {formatCount(details.downloads)}{" "}
          downloads · {formatCount(details.likes)} likes ·{" "}
          <a
            href={details.pageUrl}
            target="_blank"
            rel="noreferrer noopener"
            className="underline underline-offset-2 hover:text-accent-700 dark:hover:text-accent-400"
          >
            {details.id} on Hugging Face
          </a>
        </p>
        {details.renamedFrom ? (
          <p className={FACT}>
            Renamed: {details.renamedFrom} is now {details.id}.
          </p>
        ) : null}
      </header>
      <p
        className={`rounded-md border px-3 py-2 text-sm ${verdictClass(details.baseModel.severity)}`}
      >
        <span className="font-medium">Base model: </span>
        {details.baseModel.message}
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="font-medium">Trigger</dt>
        <dd className="break-words">
          {details.trigger ? (
            <>
              <q>{details.trigger.text}</q> <span className={FACT}>({details.triggerNote})</span>
            </>
          ) : (
            <span className="text-neutral-600 dark:text-neutral-400">No trigger in the card</span>
          )}
        </dd>
        <dt className="font-medium">Licence</dt>
        <dd className="break-words">
          {details.licence?.link ? (
            <a
              href={details.licence.link}
              target="_blank"
              rel="noreferrer noopener"
              className="underline underline-offset-2"
            >
              {formatLicence(details.licence)}
            </a>
          ) : (
            formatLicence(details.licence)
          )}
        </dd>
      </dl>
      {details.warnings.length > 0 ? (
        <ul className="list-disc pl-5 text-sm text-amber-900 dark:text-amber-200">
          {details.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
      <HubWeights weights={details.weights} file={file} onFile={setFile} />
      <HubDetailActions details={details} file={file} onAdded={onAdded} onTried={onTried} />
      <HubExamples images={details.exampleImages} name={repoName(details.id)} />
    </article>
  );
}
