"use client";

import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import { describedBy } from "@/components/ui/field";
import { randomSeed, SETTING_INFO } from "./setting-info";
import { SegmentedRadios, SettingFieldset } from "./setting-layout";
import { SettingNumberInput } from "./setting-number-input";
import { SettingReset } from "./setting-reset";
import { settingId } from "./use-setting";

const SEED = SETTING_INFO.seed;
const MODE_OPTIONS = [
  { value: "random", label: "Random", title: "A new seed every run" },
  { value: "fixed", label: "Fixed", title: "The seed below, every run" },
] as const;
const ID = settingId("seed");
const VALUE_ID = "setting-seed-value";

/** Seed: random or fixed, the fixed value, and shortcuts to reuse the last or roll a new one. */
export function SettingSeed() {
  const mode = usePlaygroundStore((s) => s.settings.seedMode);
  const lastSeed = usePlaygroundStore((s) => s.lastSeed);
  const error = usePlaygroundStore((s) => s.fieldErrors.seed);
  const setSetting = usePlaygroundStore((s) => s.setSetting);
  const reuseLastSeed = usePlaygroundStore((s) => s.reuseLastSeed);
  const isFixed = mode === "fixed";
  return (
    <SettingFieldset
      id={ID}
      legend={SEED.label}
      description={SEED.description}
      error={error}
      aside={<SettingReset keys={["seedMode", "seed"]} label={SEED.label} />}
    >
      <SegmentedRadios
        name="setting-seed-mode"
        options={MODE_OPTIONS}
        value={mode}
        onChange={(next) => setSetting("seedMode", next === "fixed" ? "fixed" : "random")}
      />
      <div className="flex flex-col gap-1">
        <label
          htmlFor={VALUE_ID}
          className="text-xs font-medium text-neutral-700 dark:text-neutral-300"
        >
          Seed value
        </label>
        <div className="flex flex-wrap items-center gap-2">
          <SettingNumberInput
            id={VALUE_ID}
            settingKey="seed"
            disabled={!isFixed}
            placeholder="Random"
            describedBy={describedBy(ID, true, error)}
            className="min-w-0 flex-1 basis-36"
          />
          <div className="flex gap-2">
            <Button
              size="sm"
              onClick={reuseLastSeed}
              disabled={lastSeed === null}
              title={
                lastSeed === null
                  ? "No finished run yet"
                  : `Fix the seed to the last finished run's (${lastSeed})`
              }
              className="tabular-nums"
            >
              {lastSeed === null ? "Reuse last" : `Reuse last (${lastSeed})`}
            </Button>
            <Button
              size="sm"
              onClick={() => {
                setSetting("seedMode", "fixed");
                setSetting("seed", randomSeed());
              }}
              title="Fix the seed to a new random value"
            >
              New random
            </Button>
          </div>
        </div>
      </div>
    </SettingFieldset>
  );
}
