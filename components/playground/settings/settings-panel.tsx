"use client";

import type { ReactNode } from "react";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import { Panel } from "@/components/ui/panel";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import type { Settings } from "@/lib/store/types";
import { SettingNumImages, SettingOutputFormat } from "./setting-choice";
import { SettingSeed } from "./setting-seed";
import { SettingSelect } from "./setting-select";
import { SettingSlider } from "./setting-slider";
import { SettingToggle } from "./setting-toggle";

const KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

/** Every endpoint setting, in two always-visible groups. */
export function SettingsPanel() {
  const resetSettings = usePlaygroundStore((s) => s.resetSettings);
  const isDefault = usePlaygroundStore((s) =>
    KEYS.every((key) => s.settings[key] === DEFAULT_SETTINGS[key]),
  );
  return (
    <Panel
      title="Settings"
      titleId="settings-panel-title"
      actions={
        <Button variant="ghost" size="sm" onClick={resetSettings} disabled={isDefault}>
          Reset all
        </Button>
      }
    >
      <div className="@container flex flex-col gap-6">
        <SettingGroup id="settings-quality" title="Quality">
          <SettingSlider settingKey="num_inference_steps" />
          <SettingSlider settingKey="guidance_scale" />
          <SettingSelect settingKey="acceleration" />
          <SettingSeed />
        </SettingGroup>
        <SettingGroup id="settings-output" title="Output">
          <SettingSelect settingKey="resolution_mode" />
          <div className="grid gap-5 @md:grid-cols-2">
            <SettingNumImages />
            <SettingOutputFormat />
          </div>
          <SettingToggle settingKey="enable_safety_checker" />
          <SettingToggle settingKey="sync_mode" />
        </SettingGroup>
      </div>
    </Panel>
  );
}

/** A titled group of settings inside the panel. */
function SettingGroup({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-5">
      <h3
        id={id}
        className="border-b border-neutral-200 pb-1.5 text-xs font-semibold text-neutral-500 dark:border-neutral-800 dark:text-neutral-400"
      >
        {title}
      </h3>
      {children}
    </div>
  );
}
