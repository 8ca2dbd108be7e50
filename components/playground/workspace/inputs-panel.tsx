"use client";

import { FormCode } from "@/components/playground/code/form-code";
import { ImageInputPanel } from "@/components/playground/image-input/image-input-panel";
import { LoraPanel } from "@/components/playground/lora-stack/lora-panel";
import { GenerateBar, type PlaygroundBackend } from "@/components/playground/prompt/generate-bar";
import { PromptField } from "@/components/playground/prompt/prompt-field";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { LoadingNote } from "@/components/ui/loading";
import { onDemand } from "@/components/ui/on-demand";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import type { PlaygroundState } from "@/lib/store/playground-store";
import { InputSection } from "./input-section";
import { ResultReady } from "./result-ready";
import { SETTINGS_SECTION_ID, SWEEP_SECTION_ID } from "./section-ids";

// The collapsed sections' panels render when a section is first opened (or when one of the
// settings has an error to show); their code loads then, or earlier when the person points at or
// focuses the section's summary. The first screen neither loads nor renders them.
const settings = onDemand(
  () => import("@/components/playground/settings/settings-panel").then((m) => m.SettingsPanel),
  <LoadingNote what="the settings" />,
);
const sweep = onDemand(
  () => import("@/components/playground/sweeps/sweep-panel").then((m) => m.SweepPanel),
  <LoadingNote what="sweeps" />,
);

/** Whether a setting (a field of the Advanced settings section) has an error. */
function selectHasSettingError(state: PlaygroundState): boolean {
  return Object.keys(state.fieldErrors).some((key) => Object.hasOwn(DEFAULT_SETTINGS, key));
}

/**
 * The inputs: image, prompt and LoRAs first, then the collapsed sections, in a column that
 * scrolls on its own; Generate (with the run's size and price) is pinned below it, always in view.
 */
export function InputsPanel({ backend }: { backend: PlaygroundBackend }) {
  const hasSettingError = usePlaygroundStore(selectHasSettingError);
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
          id={SETTINGS_SECTION_ID}
          title="Advanced settings"
          hint="steps, guidance, size, seed"
          isNeeded={hasSettingError}
          onIntent={() => void settings.preload().catch(() => {})}
        >
          <settings.Component />
        </InputSection>
        <InputSection
          id={SWEEP_SECTION_ID}
          title="Sweep"
          hint="compare values side by side"
          onIntent={() => void sweep.preload().catch(() => {})}
        >
          <sweep.Component />
        </InputSection>
        <FormCode />
      </div>
      <ResultReady />
      <GenerateBar backend={backend} />
    </div>
  );
}
