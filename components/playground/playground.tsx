"use client";

import { AlertBanner } from "./alert-banner";
import { FileDropTarget } from "./file-drop-target";
import { PLAYGROUND_ROOT_ID } from "./focus";
import { FormCode } from "./form-code";
import { GenerateBar, type PlaygroundBackend } from "./generate-bar";
import { HistoryNotices } from "./history-notices";
import { ImageInputPanel } from "./image-input-panel";
import { LoraPanel } from "./lora-panel";
import { PromptField } from "./prompt-field";
import { ResultsPanel } from "./results-panel";
import { SettingsPanel } from "./settings-panel";
import { SharedRecipeLoader } from "./shared-recipe-loader";
import { PlaygroundStoreProvider } from "./store-provider";
import { SweepPanel } from "./sweep-panel";

/**
 * The playground: compose on the left (stacked on phones), results on the right. `backend` is
 * what the server runs edits on, repeated in the sticky generate bar.
 */
export function Playground({ backend = null }: { backend?: PlaygroundBackend }) {
  return (
    <PlaygroundStoreProvider backend={backend ?? "local"}>
      <FileDropTarget />
      <SharedRecipeLoader />
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
