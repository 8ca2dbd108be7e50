"use client";

import { ApiError, ValidationError } from "@fal-ai/client";
import { type FormEvent, useMemo, useState } from "react";
import { createPlaygroundFalClient } from "@/lib/fal/client";
import { ENDPOINT_ID } from "@/lib/kontext/endpoint";
import type { KontextOutput } from "@/lib/kontext/schema";

type Phase =
  | { name: "idle" }
  | { name: "uploading" }
  | { name: "queued"; position: number }
  | { name: "running"; progress: string }
  | { name: "done"; output: KontextOutput }
  | { name: "failed"; message: string };

const STEP = /Step (\d+)\/(\d+)/;

/**
 * A single edit, start to finish, through the real path: upload via fal storage, submit through
 * the proxy, live status, images. The full playground builds on the same client.
 */
export function QuickRun() {
  const fal = useMemo(() => createPlaygroundFalClient(), []);
  const [file, setFile] = useState<File | null>(null);
  const [prompt, setPrompt] = useState("");
  const [phase, setPhase] = useState<Phase>({ name: "idle" });
  const isBusy = phase.name === "uploading" || phase.name === "queued" || phase.name === "running";

  async function run(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    try {
      setPhase({ name: "uploading" });
      const imageUrl = await fal.storage.upload(file);
      const result = await fal.subscribe(ENDPOINT_ID, {
        input: { image_url: imageUrl, prompt },
        logs: true,
        mode: "streaming",
        onQueueUpdate: (update) => {
          if (update.status === "IN_QUEUE") {
            setPhase({ name: "queued", position: update.queue_position });
          } else if (update.status === "IN_PROGRESS") {
            const last = [...update.logs].reverse().find((log) => STEP.test(log.message));
            setPhase({ name: "running", progress: last?.message ?? "Starting" });
          }
        },
      });
      setPhase({ name: "done", output: result.data as KontextOutput });
    } catch (error) {
      setPhase({ name: "failed", message: describeError(error) });
    }
  }

  return (
    <section
      aria-labelledby="quick-run-title"
      className="flex flex-col gap-4 rounded-xl border border-neutral-200 bg-white p-4 dark:border-neutral-800 dark:bg-neutral-900"
    >
      <h2 id="quick-run-title" className="text-base font-semibold">
        Edit an image
      </h2>
      <form onSubmit={run} className="flex flex-col gap-3">
        <label className="flex flex-col gap-1 text-sm font-medium">
          Input image
          <input
            type="file"
            accept="image/png,image/jpeg,image/webp,image/gif,image/avif"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            className="text-sm font-normal"
          />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Edit instruction
          <textarea
            value={prompt}
            onChange={(event) => setPrompt(event.target.value)}
            rows={3}
            placeholder="Turn this image into the Ghibli style."
            className="rounded-md border border-neutral-300 bg-transparent px-3 py-2 font-normal dark:border-neutral-700"
          />
        </label>
        <button
          type="submit"
          disabled={!file || !prompt.trim() || isBusy}
          aria-busy={isBusy}
          className="self-start rounded-md bg-accent-600 px-4 py-2 text-sm font-semibold text-white hover:bg-accent-700 disabled:cursor-not-allowed disabled:opacity-50"
        >
          Generate
        </button>
      </form>
      <output aria-live="polite" className="text-sm text-neutral-600 dark:text-neutral-400">
        {phase.name === "uploading" && "Uploading…"}
        {phase.name === "queued" && `In queue (position ${phase.position + 1})`}
        {phase.name === "running" && `Running: ${phase.progress}`}
        {phase.name === "done" &&
          `Done: ${phase.output.images.length} image(s), seed ${phase.output.seed}`}
      </output>
      {phase.name === "failed" ? (
        <p
          role="alert"
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-100"
        >
          {phase.message}
        </p>
      ) : null}
      {phase.name === "done" ? (
        <ul className="grid gap-3 sm:grid-cols-2">
          {phase.output.images.map((image) => (
            <li key={image.url}>
              {/* biome-ignore lint/performance/noImgElement: results come from arbitrary fal CDN or local URLs */}
              <img
                src={image.url}
                alt={`Result for: ${phase.output.prompt}`}
                width={image.width}
                height={image.height}
                className="h-auto w-full rounded-md"
              />
              <p className="mt-1 text-xs text-neutral-500">
                {image.width}×{image.height} · {image.content_type}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function describeError(error: unknown): string {
  if (error instanceof ValidationError) {
    return error.fieldErrors
      .map((field) => `${field.loc.slice(1).join(".") || "input"}: ${field.msg}`)
      .join("; ");
  }
  if (error instanceof ApiError) {
    const body = error.body as { message?: string; detail?: unknown } | undefined;
    return body?.message ?? (typeof body?.detail === "string" ? body.detail : error.message);
  }
  return error instanceof Error ? error.message : "Something went wrong";
}
