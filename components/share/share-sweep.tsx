import { isOmittedDataUri, type SweepRecipe } from "@/lib/share/recipe";
import { ShareRequest } from "./share-request";

/** A shared sweep: what it held constant, and its labelled grid. */
export function ShareSweep({ recipe }: { recipe: SweepRecipe }) {
  const first = recipe.cells[0]?.request;
  const hasRows = recipe.rowLabels.length > 1 || (recipe.rowLabels[0] ?? "") !== "";
  const variesPrompt = recipe.axes.some((axis) => axis.kind === "prompt");
  return (
    <>
      {first ? <ShareRequest request={first} showPrompt={!variesPrompt} /> : null}
      <div className="overflow-x-auto">
        <table className="min-w-full border-separate border-spacing-2 text-left">
          <caption className="sr-only">Sweep grid</caption>
          <thead>
            <tr>
              {hasRows ? <td /> : null}
              {recipe.columnLabels.map((label, column) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: fixed labels.
                <th key={column} scope="col" className="min-w-28 text-xs font-semibold">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {recipe.rowLabels.map((rowLabel, row) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: fixed labels.
              <tr key={row}>
                {hasRows ? (
                  <th scope="row" className="max-w-40 text-xs font-semibold break-words">
                    {rowLabel}
                  </th>
                ) : null}
                {recipe.columnLabels.map((columnLabel, column) => {
                  const cell = recipe.cells.find(
                    (entry) => entry.row === row && entry.column === column,
                  );
                  const image = cell?.output;
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: fixed cells.
                    <td key={column} className="align-top">
                      {image && !isOmittedDataUri(image.url) ? (
                        // biome-ignore lint/performance/noImgElement: a shared remote image.
                        <img
                          src={image.url}
                          alt={`Cell ${[columnLabel, hasRows ? rowLabel : null].filter(Boolean).join(" · ")}`}
                          width={image.width}
                          height={image.height}
                          className="block h-auto w-full rounded-md object-contain"
                        />
                      ) : (
                        <p className="text-xs text-neutral-600 dark:text-neutral-400">No image</p>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
