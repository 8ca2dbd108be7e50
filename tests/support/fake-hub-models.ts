import type { FakeModel } from "./fake-hub";

const KONTEXT = "black-forest-labs/FLUX.1-Kontext-dev";
const ADAPTER_TAG = `base_model:adapter:${KONTEXT}`;
const MB = 1_000_000;

/** A card as fal's trainer publishes them: instance_prompt, licence, widget with an output. */
export const PLUSHIE_README = `---
tags:
- flux
- image-to-image
- lora
base_model: ${KONTEXT}
instance_prompt: Convert to plushie style
license: other
license_name: flux-1-dev-non-commercial-license
license_link: LICENSE.md
widget:
- text: Convert to plushie style
  output:
    url: images/plushie-1.png
- text: Make the cat a plushie
  output:
    url: https://evil.example.com/tracker.png
---
# Plushie Kontext Dev LoRA

Use the prompt \`Convert to plushie style\`.
`;

/** The repositories of the fake Hub used by the tests. */
export const FAKE_MODELS: FakeModel[] = [
  {
    id: "fal/Plushie-Kontext-Dev-LoRA",
    downloads: 5_000,
    likes: 90,
    tags: ["diffusers", "lora", ADAPTER_TAG, `base_model:${KONTEXT}`, "license:other"],
    cardData: {
      base_model: KONTEXT,
      instance_prompt: "Convert to plushie style",
      license: "other",
    },
    readme: PLUSHIE_README,
    files: [
      { path: ".gitattributes", size: 1_600 },
      { path: "README.md", size: PLUSHIE_README.length },
      { path: "LICENSE.md", size: 3_000 },
      { path: "plushie-kontext-dev-lora.safetensors", size: 306 * MB },
      { path: "images/plushie-1.png", size: 900_000 },
    ],
  },
  {
    id: "someone/Widget-Only",
    downloads: 40,
    likes: 3,
    tags: ["lora", "base_model:adapter:black-forest-labs/FLUX.1-dev"],
    readme: `---\nbase_model:\n- black-forest-labs/FLUX.1-dev\nlicense: apache-2.0\nwidget:\n- text: a watercolor painting, wtrclr style\n---\nbody\n`,
    files: [
      { path: "checkpoints/step-500.safetensors", size: 150 * MB },
      { path: "full-model.safetensors", size: 23_800 * MB },
      { path: "old.ckpt", size: 150 * MB },
      { path: "wtrclr.safetensors", size: 150 * MB },
      { path: "samples/a.jpg", size: 300_000 },
    ],
  },
  {
    id: "someone/No-Card",
    downloads: 1,
    likes: 0,
    tags: ["lora"],
    readme: null,
    files: [{ path: "lora.safetensors", size: 50 * MB }],
  },
  {
    id: "someone/Hostile-Card",
    tags: ["lora", ADAPTER_TAG],
    readme: `---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n---\n`,
    cardData: { instance_prompt: "from the api card data", base_model: KONTEXT },
    files: [{ path: "lora.safetensors", size: 20 * MB }],
  },
  {
    id: "someone/New-Name",
    downloads: 7,
    tags: ["lora", ADAPTER_TAG],
    readme: `---\ninstance_prompt: renamed trigger\nbase_model: ${KONTEXT}\n---\n`,
    files: [{ path: "renamed.safetensors", size: 10 * MB }],
  },
  {
    id: "someone/Private-LoRA",
    private: true,
    tags: ["lora", ADAPTER_TAG],
    readme: `---\ninstance_prompt: secret trigger\nbase_model: ${KONTEXT}\n---\n`,
    files: [{ path: "private.safetensors", size: 10 * MB }],
  },
  {
    id: "someone/Gated-LoRA",
    gated: "manual",
    tags: ["lora", ADAPTER_TAG],
    readme: `---\ninstance_prompt: gated trigger\nbase_model: ${KONTEXT}\n---\n`,
    files: [{ path: "gated.safetensors", size: 10 * MB }],
  },
  {
    id: "someone/SDXL-LoRA",
    tags: ["lora", "base_model:adapter:stabilityai/stable-diffusion-xl-base-1.0"],
    readme: `---\nbase_model: stabilityai/stable-diffusion-xl-base-1.0\ninstance_prompt: sdxl style\n---\n`,
    files: [{ path: "sdxl.safetensors", size: 200 * MB }],
  },
  ...Array.from(
    { length: 45 },
    (_, index): FakeModel => ({
      id: `kontext-maker/Style-${String(index + 1).padStart(2, "0")}-Kontext-LoRA`,
      downloads: 1_000 - index * 10,
      likes: index,
      createdAt: new Date(Date.UTC(2025, 6, 1 + index)).toISOString(),
      tags: ["lora", ADAPTER_TAG],
      cardData: {
        base_model: KONTEXT,
        instance_prompt: `Turn this into style ${index + 1}`,
        license: "apache-2.0",
        widget: [{ text: "x", output: { url: `images/${index + 1}.png` } }],
      },
      readme: `---\ninstance_prompt: Turn this into style ${index + 1}\nbase_model: ${KONTEXT}\n---\n`,
      files: [{ path: `style-${index + 1}.safetensors`, size: 100 * MB }],
    }),
  ),
];

/** Renamed repositories: old id → new id. */
export const FAKE_RENAMES: Record<string, string> = { "someone/Old-Name": "someone/New-Name" };
