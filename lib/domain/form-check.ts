import { kontextInputSchema } from "@/lib/kontext/schema";
import * as z from "@/lib/kontext/zod";
import { type CheckForm, type FormState, hasPixels } from "./form";
import { inFormWords } from "./form-words";
import { normalizeLoraPath } from "./lora-path";

// The form's check against the endpoint's schema (zod), apart from the form's zod-free helpers
// (`./form`), so the store can load it at the first check instead of with the first screen.

// Checks every field but image_url, which exists only once the file is uploaded.
const formSchema = z.omit(kontextInputSchema, { image_url: true });
/** Client-side checks before anything is uploaded or paid for. */
export const checkForm: CheckForm = (state: FormState) => {
  const fieldErrors: Record<string, string> = {};
  const { image } = state;
  if (!image) fieldErrors.image_url = "Add an image to edit";
  else if (!hasPixels(image)) {
    fieldErrors.image_url = `The image reports no usable size (${image.width}×${image.height}); use a JPEG, PNG, WebP, GIF or AVIF image`;
  }
  const enabled = state.loras.filter((lora) => lora.isEnabled);
  const loras = enabled.map((lora) => {
    const checked = normalizeLoraPath(lora.path);
    if (!checked.ok) fieldErrors[`lora:${lora.id}:path`] = checked.message;
    return { path: checked.ok ? checked.path : lora.path, scale: lora.scale };
  });
  const loraIds = enabled.map((lora) => lora.id);
  const { seedMode, seed, ...settings } = state.settings;
  const parsed = formSchema.safeParse({
    prompt: state.prompt,
    loras,
    ...settings,
    ...(seedMode === "fixed" ? { seed } : {}),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [field, index, sub] = issue.path;
      const key =
        field === "loras" && typeof index === "number" && enabled[index]
          ? `lora:${enabled[index].id}:${String(sub ?? "path")}`
          : String(field ?? "input");
      fieldErrors[key] ??= inFormWords(issue.message);
    }
  }
  if (Object.keys(fieldErrors).length > 0 || !parsed.success) {
    return { fieldErrors, request: null, loraIds };
  }
  return { fieldErrors, request: { ...parsed.data, image_url: "" }, loraIds };
};
