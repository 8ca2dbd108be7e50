"use client";

import { useState } from "react";
import { BatchDialogProvider } from "@/components/playground/batch/batch-dialog-context";
import { BatchProgressTitle } from "@/components/playground/batch/batch-lazy";
import { FileDropTarget } from "@/components/playground/image-input/file-drop-target";
import { KeyboardShortcuts } from "@/components/playground/keyboard/keyboard-shortcuts";
import type { PlaygroundBackend } from "@/components/playground/prompt/generate-bar";
import { WorkspaceLayout } from "@/components/playground/workspace/workspace-layout";
import { clientOnly } from "@/components/ui/on-demand";
import { SharedRecipeLoader } from "./shared-recipe-loader";
import { PlaygroundStoreProvider, usePlaygroundStore } from "./store-provider";

// The access-code prompt is a dialog opened by the server's answer, never on the first paint.
const AccessPrompt = clientOnly(() =>
  import("@/components/playground/access/access-prompt").then((m) => m.AccessPrompt),
);

/**
 * The playground: a full-height workspace of inputs, stage and history (see `WorkspaceLayout`).
 * `backend` is what the server runs edits on, repeated in the pinned generate bar.
 */
export function Playground({ backend = null }: { backend?: PlaygroundBackend }) {
  return (
    <PlaygroundStoreProvider backend={backend ?? "local"}>
      <FileDropTarget />
      <KeyboardShortcuts />
      <SharedRecipeLoader />
      <AccessPromptWhenNeeded isFalBackend={backend === "fal"} />
      <BatchProgressTitle />
      <BatchDialogProvider>
        <WorkspaceLayout backend={backend} />
      </BatchDialogProvider>
    </PlaygroundStoreProvider>
  );
}

/**
 * The access-code prompt, mounted (its code loaded) once it can be needed: on the fal backend,
 * which asks the server at startup, or at the first run refused for a missing access code. It
 * stays mounted from then on, so an open dialog is never taken away.
 */
function AccessPromptWhenNeeded({ isFalBackend }: { isFalBackend: boolean }) {
  const isRefused = usePlaygroundStore((s) => s.alert?.error.guard?.code === "access_required");
  const [isNeeded, setNeeded] = useState(isFalBackend || isRefused);
  if (!isNeeded && (isFalBackend || isRefused)) setNeeded(true);
  return isNeeded ? <AccessPrompt isFalBackend={isFalBackend} /> : null;
}
