"use client";

import { integerRange, SETTING_INFO } from "./setting-info";
import { SegmentedRadios, SettingFieldset } from "./setting-layout";
import { SettingReset } from "./setting-reset";
import { usePlaygroundStore } from "./store-provider";

const IMAGES = SETTING_INFO.num_images;
const IMAGE_OPTIONS = integerRange(IMAGES.min, IMAGES.max).map((count) => ({
  value: String(count),
  label: String(count),
  title: `${count} image${count === 1 ? "" : "s"} per run`,
}));

/** Number of images: a segmented group of radios, 1 to 4. */
export function SettingNumImages() {
  const value = usePlaygroundStore((s) => s.settings.num_images);
  const error = usePlaygroundStore((s) => s.fieldErrors.num_images);
  const setSetting = usePlaygroundStore((s) => s.setSetting);
  const id = "setting-num_images";
  return (
    <SettingFieldset
      id={id}
      legend={IMAGES.label}
      description={IMAGES.description}
      error={error}
      aside={<SettingReset keys={["num_images"]} label={IMAGES.label} />}
    >
      <SegmentedRadios
        name={id}
        options={IMAGE_OPTIONS}
        value={String(value)}
        onChange={(next) => setSetting("num_images", Number(next))}
        invalid={Boolean(error)}
      />
    </SettingFieldset>
  );
}

const FORMAT = SETTING_INFO.output_format;
const FORMAT_OPTIONS = FORMAT.options.map((option) => ({
  value: option.value,
  label: option.label,
  title: `${option.label}: ${option.note}`,
}));

/** Output format: PNG or JPEG. */
export function SettingOutputFormat() {
  const value = usePlaygroundStore((s) => s.settings.output_format);
  const error = usePlaygroundStore((s) => s.fieldErrors.output_format);
  const setSetting = usePlaygroundStore((s) => s.setSetting);
  const id = "setting-output_format";
  return (
    <SettingFieldset
      id={id}
      legend={FORMAT.label}
      description={FORMAT.description}
      error={error}
      aside={<SettingReset keys={["output_format"]} label={FORMAT.label} />}
    >
      <SegmentedRadios
        name={id}
        options={FORMAT_OPTIONS}
        value={value}
        onChange={(next) => {
          const chosen = FORMAT.options.find((option) => option.value === next);
          if (chosen) setSetting("output_format", chosen.value);
        }}
        invalid={Boolean(error)}
      />
    </SettingFieldset>
  );
}
