"use client";

import { AccessPrompt } from "@/components/playground/access/access-prompt";
import { FormCode } from "@/components/playground/code/form-code";
import { FileDropTarget } from "@/components/playground/image-input/file-drop-target";
import { ImageInputPanel } from "@/components/playground/image-input/image-input-panel";
import { KeyboardShortcuts } from "@/components/playground/keyboard/keyboard-shortcuts";
import { LoraPanel } from "@/components/playground/lora-stack/lora-panel";
import { GenerateBar, type PlaygroundBackend } from "@/components/playground/prompt/generate-bar";
import { PromptField } from "@/components/playground/prompt/prompt-field";
import { ResultsPanel } from "@/components/playground/runs/results-panel";
import { SettingsPanel } from "@/components/playground/settings/settings-panel";
import { SweepPanel } from "@/components/playground/sweeps/sweep-panel";
import { PLAYGROUND_ROOT_ID } from "@/components/ui/focus";
import { AlertBanner } from "./alert-banner";
import { HistoryNotices } from "./history-notices";
import { SharedRecipeLoader } from "./shared-recipe-loader";
import { PlaygroundStoreProvider } from "./store-provider";

/**
 * The playground: compose on the left (stacked on phones), results on the right. `backend` is
 * what the server runs edits on, repeated in the sticky generate bar.
 */
export function Playground({ backend = null }: { backend?: PlaygroundBackend }) {
  return (
    <PlaygroundStoreProvider backend={backend ?? "local"}>
      <FileDropTarget />
      <KeyboardShortcuts />
      <SharedRecipeLoader />
      <AccessPrompt isFalBackend={backend === "fal"} />
      <div
        id={PLAYGROUND_ROOT_ID}
        className="grid gap-6 lg:grid-cols-[minmax(0,28rem)_minmax(0,1fr)] xl:grid-cols-[minmax(0,32rem)_minmax(0,1fr)]"
      >
        <div className="flex min-w-0 flex-col gap-4">
          <ImageInputPanel />
          <PromptField />
          <LoraPanel />
          <SettingsPanel />
          <FormCode />
          <SweepPanel />
          <GenerateBar backend={backend} />
        </div>
        <div className="flex min-w-0 flex-col gap-4">
          <AlertBanner />
          <HistoryNotices />
          <ResultsPanel />
        </div>
      </div>
    </PlaygroundStoreProvider>
  );
}
