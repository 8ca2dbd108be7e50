"use client";

import dynamic from "next/dynamic";
import { FormCode } from "@/components/playground/code/form-code";
import { ImageInputPanel } from "@/components/playground/image-input/image-input-panel";
import { LoraPanel } from "@/components/playground/lora-stack/lora-panel";
import { GenerateBar, type PlaygroundBackend } from "@/components/playground/prompt/generate-bar";
import { PromptField } from "@/components/playground/prompt/prompt-field";
import { LoadingNote } from "@/components/ui/loading";
import { InputSection } from "./input-section";
import { ResultReady } from "./result-ready";

// The collapsed sections' panels load after the first screen; they are mounted while closed,
// so their fields are there for the form's checks (an invalid field opens its section).
const SettingsPanel = dynamic(
  () => import("@/components/playground/settings/settings-panel").then((m) => m.SettingsPanel),
  { ssr: false, loading: () => <LoadingNote what="the settings" /> },
);
const SweepPanel = dynamic(
  () => import("@/components/playground/sweeps/sweep-panel").then((m) => m.SweepPanel),
  { ssr: false, loading: () => <LoadingNote what="sweeps" /> },
);

/**
 * The inputs: image, prompt and LoRAs first, then the collapsed sections, in a column that
 * scrolls on its own; Generate (with the run's size and price) is pinned below it, always in view.
 */
export function InputsPanel({ backend }: { backend: PlaygroundBackend }) {
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-2">
      <div
        data-testid="inputs-scroll"
        // Focused controls and errors scrolled to stay clear of the panel's edges; `relative`, so
        // the visually hidden texts inside are clipped by it too and never make the page scroll. The panels are
        // a little denser here than elsewhere, so the first screen holds the whole first loop.
        className="relative -mx-1 flex min-h-0 flex-1 flex-col gap-2 overflow-y-auto overscroll-contain px-1 pb-1 [&_*]:scroll-my-3 [&>section]:gap-2.5 [&>section]:p-3"
      >
        <ImageInputPanel />
        <PromptField />
        <LoraPanel />
        <InputSection
          id="section-settings"
          title="Advanced settings"
          hint="steps, guidance, size, seed"
        >
          <SettingsPanel />
        </InputSection>
        <InputSection id="section-sweep" title="Sweep" hint="compare values side by side">
          <SweepPanel />
        </InputSection>
        <FormCode />
      </div>
      <ResultReady />
      <GenerateBar backend={backend} />
    </div>
  );
}
