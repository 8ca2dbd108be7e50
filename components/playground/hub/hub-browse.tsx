"use client";

import { type FormEvent, useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError, INPUT_CLASS } from "@/components/ui/field";
import type { HubModelSummary, HubSort } from "@/lib/hub/types";
import { fetchHubSearch } from "./hub-api";
import { SORT_LABELS } from "./hub-format";
import { HubResultItem } from "./hub-result-item";

interface Query {
  q: string;
  sort: HubSort;
}

/**
 * "Find Kontext LoRAs": Hub models made for FLUX.1 Kontext [dev], searched and sorted, 20 at a
 * time with "More"; each opens the detail view.
 */
export function HubBrowse({
  autoFocus,
  onOpen,
}: {
  autoFocus: boolean;
  onOpen: (id: string) => void;
}) {
  const id = useId();
  const [text, setText] = useState("");
  const [query, setQuery] = useState<Query>({ q: "", sort: "downloads" });
  const [page, setPage] = useState(1);
  const [items, setItems] = useState<HubModelSummary[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [isLoading, setIsLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setIsLoading(true);
    fetchHubSearch({ ...query, page }, controller.signal)
      .then((result) => {
        setIsLoading(false);
        if (!result.ok) return setError(result.message);
        setError(null);
        setHasMore(result.value.hasMore);
        setItems((current) =>
          page === 1 ? result.value.items : [...current, ...result.value.items],
        );
      })
      .catch(() => {
        // Aborted: the query changed.
      });
    return () => controller.abort();
  }, [query, page]);

  function search(next: Query) {
    setPage(1);
    setItems([]);
    setQuery(next);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    search({ ...query, q: text.trim() });
  }

  return (
    <section aria-labelledby={`${id}-title`} className="flex flex-col gap-3">
      <h3 id={`${id}-title`} className="text-sm font-semibold">
        Find Kontext LoRAs
      </h3>
      <form onSubmit={submit} className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <label htmlFor={`${id}-q`} className="text-xs font-medium">
            Search
          </label>
          <input
            id={`${id}-q`}
            data-autofocus={autoFocus || undefined}
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder="plushie, watercolor…"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-q-error` : undefined}
            className={INPUT_CLASS}
          />
        </div>
        <div className="flex items-end gap-2">
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-sort`} className="text-xs font-medium">
              Sort
            </label>
            <select
              id={`${id}-sort`}
              value={query.sort}
              onChange={(event) => search({ ...query, sort: event.target.value as HubSort })}
              className={INPUT_CLASS}
            >
              {Object.entries(SORT_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" variant="primary">
            Search
          </Button>
        </div>
      </form>
      <FieldError id={`${id}-q`} error={error ?? undefined} />
      <output className="block text-xs text-neutral-600 dark:text-neutral-400">
        {isLoading && items.length === 0
          ? "Looking on Hugging Face…"
          : `${items.length} ${items.length === 1 ? "LoRA" : "LoRAs"} shown${hasMore ? "" : " — that is all"}`}
      </output>
      {items.length > 0 ? (
        <ul aria-label="Kontext LoRAs on Hugging Face" className="flex flex-col gap-2">
          {items.map((item) => (
            <HubResultItem key={item.id} item={item} onOpen={() => onOpen(item.id)} />
          ))}
        </ul>
      ) : null}
      {hasMore ? (
        <Button
          className="self-center"
          disabled={isLoading}
          aria-busy={isLoading || undefined}
          onClick={() => setPage((current) => current + 1)}
        >
          {isLoading ? "Loading…" : "More"}
        </Button>
      ) : null}
    </section>
  );
}
