"use client";

import { integerRange, SETTING_INFO } from "./setting-info";
import { SegmentedRadios, SettingFieldset } from "./setting-layout";
import { SettingReset } from "./setting-reset";
import { useSetting } from "./use-setting";

const IMAGES = SETTING_INFO.num_images;
const IMAGE_OPTIONS = integerRange(IMAGES.min, IMAGES.max).map((count) => ({
  value: String(count),
  label: String(count),
  title: `${count} image${count === 1 ? "" : "s"} per run`,
}));

/** Number of images: a segmented group of radios, 1 to 4. */
export function SettingNumImages() {
  const { id, value, error, setValue } = useSetting("num_images");
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
        onChange={(next) => setValue(Number(next))}
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
  const { id, value, error, setValue } = useSetting("output_format");
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
          if (chosen) setValue(chosen.value);
        }}
        invalid={Boolean(error)}
      />
    </SettingFieldset>
  );
}
