import type { CheckForm } from "@/lib/domain/form";
import { hasPixels } from "@/lib/domain/form";
import { outputSize } from "@/lib/kontext/resolution";
import { type AxisImage, type AxisValue, imageAxisValues, parseAxis } from "@/lib/sweep/axis";
import { estimateSweepCells, expandSweep, type SweepAxis } from "@/lib/sweep/cells";
import type { SweepImageChoice } from "@/lib/sweep/setup";
import type { AxisInput, SweepImageEntry, SweepPlan } from "./outcomes";
import type { PlaygroundState } from "./state";
import type { InputImage } from "./types";

/** What {@link planSweep} reads of the store. */
export type SweepPlanState = Pick<
  PlaygroundState,
  "image" | "prompt" | "loras" | "settings" | "sweepImageFiles" | "readingSweepImages"
>;

/**
 * Checks the form and the axes and expands them into cells with their predicted cost. The seed is
 * held: the form's fixed seed, else `seed` (a random one the caller drew once). `checkForm` is the
 * form's check (`lib/domain/form-check`, loaded at first use). A pure function of the store's
 * state: the Sweep panel re-plans as the person types (it loads on demand, and this with it), and
 * the sweep engine plans again when the sweep starts.
 */
export function planSweep(
  state: SweepPlanState,
  inputs: readonly AxisInput[],
  seed: number,
  checkForm: CheckForm,
): SweepPlan {
  // An image axis brings its own images: the form's image is needed only when a cell uses it.
  const imageAxis = inputs.findIndex((input) => input.kind === "image");
  const images = imageAxis >= 0 ? resolveImages(inputs[imageAxis]?.images ?? [], state) : null;
  if (images && !images.ok && !state.image) {
    return { ok: false, message: images.message, axis: imageAxis };
  }
  const stand = images?.ok ? images.images.find((image) => image.id !== "current") : undefined;
  const formImage =
    state.image ?? (stand ? asInputImage(state.sweepImageFiles[stand.id], stand) : null);
  const { fieldErrors, request } = checkForm({
    image: formImage,
    prompt: state.prompt,
    loras: state.loras,
    settings: state.settings,
  });
  if (!request || !formImage || !hasPixels(formImage)) {
    const first = Object.values(fieldErrors)[0] ?? "Add an image to edit";
    return {
      ok: false,
      message: `Fix the form first: ${first}`,
      axis: null,
      isFormProblem: true,
    };
  }
  const axes: SweepAxis[] = [];
  for (const [index, input] of inputs.entries()) {
    let parsed: { ok: true; values: AxisValue[] } | { ok: false; message: string };
    if (input.kind === "image") {
      parsed = images?.ok ? imageAxisValues(images.images) : (images ?? imageAxisValues([]));
    } else {
      parsed = parseAxis(input.kind, input.text);
    }
    if (!parsed.ok) return { ok: false, message: parsed.message, axis: index };
    axes.push({
      kind: input.kind,
      values: parsed.values,
      ...(input.target ? { target: input.target } : {}),
    });
  }
  const fixedSeed = state.settings.seedMode === "fixed" ? state.settings.seed : seed;
  const base = { ...request, seed: fixedSeed };
  const expanded = expandSweep(base, axes);
  if (!expanded.ok) return { ok: false, message: expanded.message, axis: null };
  // Each cell's output follows its own input: the image axis's image, else the form's.
  const sizes = expanded.grid.cells.map((cell) =>
    outputSize(request.resolution_mode, cell.image ?? formImage),
  );
  return {
    ok: true,
    grid: expanded.grid,
    estimate: estimateSweepCells(sizes, request.num_images),
    seed: fixedSeed,
  };
}

/**
 * An image axis's choices as axis images, with their sizes: the form's image for "current", the
 * read file for the others. Fails (with what to do) while one is being read, or is missing.
 */
function resolveImages(
  choices: readonly SweepImageChoice[],
  state: Pick<PlaygroundState, "image" | "sweepImageFiles" | "readingSweepImages">,
): { ok: true; images: AxisImage[] } | { ok: false; message: string } {
  const images: AxisImage[] = [];
  for (const choice of choices) {
    if (choice.source === "current") {
      const { image } = state;
      if (!image || !hasPixels(image)) {
        return {
          ok: false,
          message: "The current input image is not set: add one above, or remove it here",
        };
      }
      images.push({ id: "current", name: image.name, width: image.width, height: image.height });
      continue;
    }
    const entry = state.sweepImageFiles[choice.id];
    if (!entry) {
      return {
        ok: false,
        message: state.readingSweepImages.includes(choice.id)
          ? "Wait until the images have been read"
          : `${choice.name} is not kept in this browser any more; remove it and add it again`,
      };
    }
    images.push({ id: choice.id, name: entry.name, width: entry.width, height: entry.height });
  }
  return { ok: true, images };
}

/** An axis image as the form's image, to check the form when the form itself has none. */
function asInputImage(entry: SweepImageEntry | undefined, image: AxisImage): InputImage | null {
  if (!entry) return null;
  return {
    source: "file",
    name: image.name,
    previewUrl: entry.previewUrl,
    width: entry.width,
    height: entry.height,
    originalBytes: entry.originalFile.size,
    uploadBytes: entry.file.size,
    originalSize: entry.originalSize,
    file: entry.file,
    originalFile: null,
    remoteUrl: entry.remoteUrl,
    parentRunId: null,
  };
}
