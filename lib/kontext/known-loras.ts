/** A public LoRA known to work with FLUX.1 Kontext [dev] on fal. */
export interface KnownLora {
  id: string;
  name: string;
  /** Hugging Face repository, `owner/name`. */
  repo: string;
  /** Direct URL of the weight file, as sent in `loras[].path`. */
  path: string;
  /** The instruction the LoRA was trained with; use it as (or at the start of) the prompt. */
  trigger: string;
  /** Scale its authors use. */
  scale: number;
  licence: string;
  tags: string[];
}

const HF = "https://huggingface.co";
const NON_COMMERCIAL = "FLUX.1 [dev] Non-Commercial";

function owenStyle(style: string, label: string, tags: string[]): KnownLora {
  return {
    id: `owen-${style.toLowerCase()}`,
    name: `${label} style`,
    repo: "Owen777/Kontext-Style-Loras",
    path: `${HF}/Owen777/Kontext-Style-Loras/resolve/main/${style}_lora_weights.safetensors`,
    trigger: `Turn this image into the ${style.replaceAll("_", " ")} style.`,
    scale: 1,
    licence: NON_COMMERCIAL,
    tags: ["style", ...tags],
  };
}

/**
 * Curated Kontext LoRAs with their trigger prompts (sources: each repository's model card and
 * apps that call `fal-ai/flux-kontext-lora` with them).
 */
export const KNOWN_LORAS: readonly KnownLora[] = [
  owenStyle("Ghibli", "Ghibli", ["anime", "illustration"]),
  owenStyle("Van_Gogh", "Van Gogh", ["painting"]),
  owenStyle("Oil_Painting", "Oil painting", ["painting"]),
  owenStyle("LEGO", "LEGO", ["3d", "toy"]),
  owenStyle("Pixel", "Pixel art", ["retro", "illustration"]),
  owenStyle("Chinese_Ink", "Chinese ink", ["painting"]),
  owenStyle("3D_Chibi", "3D chibi", ["3d", "character"]),
  {
    id: "fal-plushie",
    name: "Plushie",
    repo: "fal/Plushie-Kontext-Dev-LoRA",
    path: `${HF}/fal/Plushie-Kontext-Dev-LoRA/resolve/main/plushie-kontext-dev-lora.safetensors`,
    trigger: "Convert to plushie style",
    scale: 1,
    licence: NON_COMMERCIAL,
    tags: ["toy", "character"],
  },
  {
    id: "fal-broccoli-hair",
    name: "Broccoli haircut",
    repo: "fal/Broccoli-Hair-Kontext-Dev-LoRA",
    path: `${HF}/fal/Broccoli-Hair-Kontext-Dev-LoRA/resolve/main/broccoli-hair-kontext-dev-lora.safetensors`,
    trigger: "Change hair to a broccoli haircut",
    scale: 1,
    licence: NON_COMMERCIAL,
    tags: ["portrait", "fun"],
  },
  {
    id: "fal-wojak",
    name: "Wojak drawing",
    repo: "fal/Wojak-Kontext-Dev-LoRA",
    path: `${HF}/fal/Wojak-Kontext-Dev-LoRA/resolve/main/wojak-kontext-dev-lora.safetensors`,
    trigger: "Convert to wojak style drawing",
    scale: 1,
    licence: NON_COMMERCIAL,
    tags: ["meme", "illustration"],
  },
  {
    id: "fal-3d-game-assets",
    name: "3D game asset",
    repo: "fal/3D-Game-Assets-Kontext-Dev-LoRA",
    path: `${HF}/fal/3D-Game-Assets-Kontext-Dev-LoRA/resolve/main/MnzfOWwLjl1CL_0qu7F6E_adapter_model_comfy_converted.safetensors`,
    trigger: "Create 3D game asset, isometric view version",
    scale: 0.9,
    licence: NON_COMMERCIAL,
    tags: ["3d", "product"],
  },
  {
    id: "fal-watercolor",
    name: "Watercolor art",
    repo: "fal/Watercolor-Art-Kontext-Dev-LoRA",
    path: `${HF}/fal/Watercolor-Art-Kontext-Dev-LoRA/resolve/main/EAA_1Pfw0sBAvtBbv401y_8a8c4091e9ae45869b469bec4a0d8446_adapter_model_comfy_converted.safetensors`,
    trigger: "Convert this image into watercolor art style",
    scale: 1,
    licence: NON_COMMERCIAL,
    tags: ["style", "painting"],
  },
  {
    id: "fal-youtube-thumbnails",
    name: "YouTube thumbnail",
    repo: "fal/Youtube-Thumbnails-Kontext-Dev-LoRA",
    path: `${HF}/fal/Youtube-Thumbnails-Kontext-Dev-LoRA/resolve/main/thumbnails_lora_rank_32.safetensors`,
    trigger: 'Generate youtube thumbnails using text "YOUR TITLE"',
    scale: 0.4,
    licence: NON_COMMERCIAL,
    tags: ["text", "marketing"],
  },
  {
    id: "fal-realism-detailer",
    name: "Realism detailer",
    repo: "fal/Realism-Detailer-Kontext-Dev-LoRA",
    path: `${HF}/fal/Realism-Detailer-Kontext-Dev-LoRA/resolve/main/high_detail.safetensors`,
    trigger: "Add details to this face, improve skin details",
    scale: 1,
    licence: NON_COMMERCIAL,
    tags: ["portrait", "retouch"],
  },
  {
    id: "relighting",
    name: "Relighting",
    repo: "kontext-community/relighting-kontext-dev-lora-v3",
    path: `${HF}/kontext-community/relighting-kontext-dev-lora-v3/resolve/main/relighting-kontext-dev-lora-v3.safetensors`,
    trigger:
      "Change the lighting conditions in this image and add warm sunset light. change the background details but maintain the forground.",
    scale: 1,
    licence: NON_COMMERCIAL,
    tags: ["lighting", "photo"],
  },
  {
    id: "remover",
    name: "Object remover",
    repo: "starsfriday/Kontext-Remover-General-LoRA",
    path: `${HF}/starsfriday/Kontext-Remover-General-LoRA/resolve/main/kontext_remove.safetensors`,
    trigger: "Remove the object in the foreground",
    scale: 1,
    licence: NON_COMMERCIAL,
    tags: ["retouch", "photo"],
  },
  {
    id: "fuse-it",
    name: "Fuse into background",
    repo: "gokaygokay/Fuse-it-Kontext-Dev-LoRA",
    path: `${HF}/gokaygokay/Fuse-it-Kontext-Dev-LoRA/resolve/main/O93-UdItaNx8JzLYgnf2h_adapter_model_comfy_converted.safetensors`,
    trigger: "Fuse this image into background",
    scale: 1,
    licence: NON_COMMERCIAL,
    tags: ["product", "compositing"],
  },
  {
    id: "low-poly",
    name: "Low poly",
    repo: "gokaygokay/Low-Poly-Kontext-Dev-LoRA",
    path: `${HF}/gokaygokay/Low-Poly-Kontext-Dev-LoRA/resolve/main/ZKcZdffUM6qyMYiEE8ed0_adapter_model_comfy_converted.safetensors`,
    trigger: "Convert this image to low poly version",
    scale: 1,
    licence: NON_COMMERCIAL,
    tags: ["3d", "style"],
  },
  {
    id: "metallic-objects",
    name: "Metallic product shot",
    repo: "ilkerzgi/metallic-objects-kontext-dev-lora",
    path: `${HF}/ilkerzgi/metallic-objects-kontext-dev-lora/resolve/main/metallic-objects-kontext-dev-lora.safetensors`,
    trigger: "Make it metallic with a black background and a 3D perspective",
    scale: 1,
    licence: NON_COMMERCIAL,
    tags: ["product", "3d"],
  },
];

/** The known LoRA whose weight file is at `path`, if any. */
export function findKnownLora(path: string): KnownLora | undefined {
  return KNOWN_LORAS.find((lora) => lora.path === path);
}

/**
 * A LoRA's short name for people: the known LoRA's name, else its weight file's name without the
 * extension (`Ghibli_lora_weights`), else the path as given.
 */
export function loraLabel(path: string): string {
  const known = findKnownLora(path);
  if (known) return known.name;
  const trimmed = path.trim();
  let pathname = trimmed;
  try {
    pathname = new URL(trimmed).pathname;
  } catch {
    pathname = trimmed.split(/[?#]/)[0] ?? trimmed;
  }
  const segment = pathname.split("/").filter(Boolean).pop() ?? "";
  const name = safeDecode(segment).replace(/\.[a-z0-9]{1,12}$/i, "");
  return name || trimmed;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
