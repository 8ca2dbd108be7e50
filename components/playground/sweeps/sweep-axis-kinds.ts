import type { AxisKind } from "@/lib/sweep/axis";

/** What each axis kind is called, with an example of what to type. */
export const AXIS_KINDS: Record<AxisKind, { label: string; placeholder: string; hint: string }> = {
  lora_scale: {
    label: "LoRA scale",
    placeholder: "0, 0.5, 1, 1.5",
    hint: "A list (0, 0.5, 1) or a range (0..1.5 step 0.25); 0–4.",
  },
  lora: {
    label: "LoRAs",
    placeholder: "https://…/style.safetensors @ 0.8",
    hint: "One weight-file URL per line, optionally “@ scale”; “none” for a baseline.",
  },
  seed: { label: "Seeds", placeholder: "1, 2, 3, 4", hint: "Whole numbers or a range (1..4)." },
  guidance: {
    label: "Guidance",
    placeholder: "1.5, 2.5, 3.5",
    hint: "0–20, a list or a range (1..4 step 1).",
  },
  steps: {
    label: "Steps",
    placeholder: "20, 30, 40",
    hint: "10–50, a list or a range (10..40 step 10).",
  },
  prompt: {
    label: "Prompt variants",
    placeholder: "Make it a watercolour\nMake it a pencil sketch",
    hint: "One prompt per line.",
  },
  image: {
    label: "Input image",
    placeholder: "",
    hint: "Choose or drop several images; each is labelled by its file name.",
  },
};
