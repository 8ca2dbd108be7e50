import { loraLabel } from "@/lib/kontext/known-loras";
import type { KontextRequest, LoraWeight } from "@/lib/kontext/schema";

/** `Ghibli style ×1, my-style ×0.8`; empty without LoRAs. */
export function loraSummary(loras: readonly LoraWeight[]): string {
  return loras
    .map((lora) => `${loraLabel(lora.path)} ×${Number(lora.scale.toFixed(2))}`)
    .join(", ");
}

/** `30 steps · guidance 2.5 · match_input · PNG`, plus images and acceleration when set. */
export function formatSettings(request: KontextRequest): string {
  const parts = [
    `${request.num_inference_steps} steps`,
    `guidance ${Number(request.guidance_scale.toFixed(2))}`,
    request.resolution_mode === "match_input" ? "match input" : request.resolution_mode,
    request.output_format.toUpperCase(),
  ];
  if (request.num_images > 1) parts.push(`${request.num_images} images`);
  if (request.acceleration !== "none") parts.push(`${request.acceleration} acceleration`);
  if (request.seed !== undefined) parts.push(`seed ${request.seed}`);
  return parts.join(" · ");
}
