import { isOmittedDataUri, type RunRecipe } from "@/lib/share/recipe";
import { ShareCompare } from "./share-compare";
import { ShareRequest } from "./share-request";

const FIGURE =
  "overflow-hidden rounded-lg border border-neutral-200 bg-neutral-100 dark:border-neutral-800 dark:bg-neutral-900";

/** A shared run: its input, its results and what was asked. */
export function ShareRun({ recipe }: { recipe: RunRecipe }) {
  const { request, output } = recipe;
  const input = isOmittedDataUri(request.image_url) ? null : request.image_url;
  return (
    <>
      <ShareRequest request={request} />
      <section aria-label="Images" className="grid gap-4 sm:grid-cols-2">
        <figure className={FIGURE}>
          {input ? (
            // biome-ignore lint/performance/noImgElement: a shared remote image at its own size.
            <img src={input} alt="Input" className="block h-auto w-full object-contain" />
          ) : (
            <p className="p-6 text-sm text-neutral-600 dark:text-neutral-400">
              The input was a local file and is not in the link.
            </p>
          )}
          <figcaption className="px-3 py-2 text-xs text-neutral-600 dark:text-neutral-400">
            Input
          </figcaption>
        </figure>
        {(output?.images ?? []).map((image, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a recipe's images never change.
          <figure key={index} className={FIGURE}>
            {isOmittedDataUri(image.url) ? (
              <p className="p-6 text-sm text-neutral-600 dark:text-neutral-400">
                This result was returned inline and is not in the link.
              </p>
            ) : (
              // biome-ignore lint/performance/noImgElement: a shared remote image at its own size.
              <img
                src={image.url}
                alt={`Result ${index + 1}`}
                width={image.width}
                height={image.height}
                className="block h-auto w-full object-contain"
              />
            )}
            <figcaption className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-xs text-neutral-600 tabular-nums dark:text-neutral-400">
              <span>
                Result {index + 1} · {image.width}×{image.height} · seed {output?.seed}
              </span>
              {input && !isOmittedDataUri(image.url) ? (
                <ShareCompare input={input} image={image} number={index + 1} />
              ) : null}
            </figcaption>
          </figure>
        ))}
      </section>
      {output === null ? <p className="text-sm">This run has no results.</p> : null}
    </>
  );
}
