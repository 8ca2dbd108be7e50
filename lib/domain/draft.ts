// The form as it is kept across reloads (\`Draft\`, \`DraftImage\`): only the persistence engine
// makes and compares them, so they are not in the first screen's JavaScript.
import type { Draft, DraftImage } from "./form";
import type { InputImage, LoraEntry } from "./run";
import type { Settings } from "./settings";

/**
 * What to keep of the form's image ({@link DraftImage}), or null when there is none: the file the
 * person chose (before any downscaling, so the setting still applies), else the image's bytes
 * when it came from a data URI, else its URL.
 */
export function toDraftImage(image: InputImage | null): DraftImage | null {
  if (!image) return null;
  const blob = image.originalFile ?? (image.remoteUrl === null ? image.file : null);
  if (blob) return { kind: "file", blob, name: image.name, parentRunId: image.parentRunId };
  const url = image.remoteUrl ?? image.previewUrl;
  if (!url || url.startsWith("blob:")) return null;
  return { kind: "url", url, name: image.name, parentRunId: image.parentRunId };
}

/** Whether two kept images are the same (the same bytes object, or the same URL and parent). */
export function isSameDraftImage(a: DraftImage | null, b: DraftImage | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === "file" && b.kind === "file")
    return a.blob === b.blob && a.parentRunId === b.parentRunId;
  if (a.kind === "url" && b.kind === "url")
    return a.url === b.url && a.parentRunId === b.parentRunId;
  return false;
}

/** The form as a {@link Draft}. */
export function toDraft(form: { prompt: string; loras: LoraEntry[]; settings: Settings }): Draft {
  return {
    prompt: form.prompt,
    loras: form.loras.map(({ path, scale, isEnabled }) => ({ path, scale, isEnabled })),
    settings: { ...form.settings },
  };
}
