"use client";

import { useShallow } from "zustand/react/shallow";
import { usePlaygroundStore, usePlaygroundStoreApi } from "@/components/playground/store-provider";
import { checkForm } from "@/lib/domain/form-check";
import type { KontextRequest } from "@/lib/kontext/schema";
import { CodePanel } from "./code-panel";

/**
 * The open "API/code" section's content: the form checked like Generate checks it, then the code
 * for its request, or what to fix first. A local file not uploaded yet stands as a data URI, so
 * the snippets upload it first.
 */
export function FormCodeBody() {
  const store = usePlaygroundStoreApi();
  // Subscribes to the form; the request is then worked out from the latest state.
  usePlaygroundStore(useShallow((s) => [s.image, s.prompt, s.loras, s.settings]));
  const state = store.getState();
  const checked = checkForm(state);
  const image = state.image;
  if (!checked.request || !image) {
    const problem = Object.values(checked.fieldErrors)[0] ?? "Complete the form first";
    return <p className="text-neutral-600 dark:text-neutral-400">To see the code: {problem}</p>;
  }
  const request: KontextRequest = {
    ...checked.request,
    image_url: image.remoteUrl ?? `data:${image.file?.type || "image/png"};base64,`,
  };
  return <CodePanel request={request} response={null} what="this form" />;
}
