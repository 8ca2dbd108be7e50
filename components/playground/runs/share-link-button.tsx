"use client";

import { useState } from "react";
import { encodeRecipe, RecipeTooLargeError, shareUrl } from "@/lib/share/link";
import type { Recipe } from "@/lib/share/recipe";
import { ResultActionButton } from "./result-action-button";

/**
 * "Share link": encodes a run or sweep into a link (nothing is stored on a server), copies it
 * and shows it in a read-only field to copy by hand when the clipboard is not allowed.
 */
export function ShareLinkButton({
  what,
  recipe,
}: {
  /** `run 3`, `Sweep 2 · LoRA scale`: names the button and the link's field. */
  what: string;
  recipe: () => Recipe;
}) {
  const [url, setUrl] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  async function share() {
    try {
      const link = shareUrl(window.location.origin, encodeRecipe(recipe()));
      setUrl(link);
      try {
        await navigator.clipboard.writeText(link);
        setStatus("Link copied");
      } catch {
        setStatus("Copy the link below");
      }
    } catch (error) {
      setUrl(null);
      setStatus(
        error instanceof RecipeTooLargeError || error instanceof Error
          ? error.message
          : "The link could not be made",
      );
    }
  }

  return (
    <>
      <ResultActionButton icon="copy" onClick={() => void share()}>
        Share link<span className="sr-only"> of {what}</span>
      </ResultActionButton>
      <output aria-live="polite" className="text-xs text-neutral-600 dark:text-neutral-400">
        {status}
      </output>
      {url ? (
        <input
          readOnly
          value={url}
          aria-label={`Share link of ${what}`}
          onFocus={(event) => event.currentTarget.select()}
          className="h-8 w-full min-w-0 basis-full rounded-md border border-neutral-300 bg-white px-2 font-mono text-xs text-neutral-700 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-300"
        />
      ) : null}
    </>
  );
}
