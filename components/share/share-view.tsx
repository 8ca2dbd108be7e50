import { buttonClass } from "@/components/ui/button";
import { SHARE_PARAM } from "@/lib/share/params";
import type { Recipe } from "@/lib/share/recipe";
import { ShareRun } from "./share-run";
import { ShareSweep } from "./share-sweep";

/**
 * A shared run or sweep, read-only: everything the recipe holds, rendered as text (prompts and
 * LoRA paths are never markup), and a link that opens it in the playground.
 */
export function ShareView({
  recipe,
  notes,
  token,
}: {
  recipe: Recipe;
  notes: string[];
  token: string;
}) {
  const made = new Date(recipe.createdAt).toISOString().slice(0, 10);
  return (
    <main className="mx-auto flex w-full max-w-5xl flex-col gap-5 px-4 py-6 sm:px-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="text-sm text-neutral-600 dark:text-neutral-400">
            Shared from Kontext Playground · {made} ·{" "}
            {recipe.backend === "local"
              ? "local engine (a preview, not FLUX)"
              : "FLUX.1 Kontext [dev] on fal.ai"}
          </p>
          <h1 className="text-xl font-semibold tracking-tight">
            {recipe.kind === "run" ? "A Kontext edit" : `A sweep of ${recipe.cells.length} edits`}
          </h1>
        </div>
        <a
          href={`/?${SHARE_PARAM}=${encodeURIComponent(token)}`}
          className={buttonClass("primary")}
        >
          Open in playground
        </a>
      </header>
      {notes.length > 0 ? (
        <ul
          aria-label="About this link"
          className="flex flex-col gap-1 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
        >
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      {recipe.kind === "run" ? <ShareRun recipe={recipe} /> : <ShareSweep recipe={recipe} />}
    </main>
  );
}
