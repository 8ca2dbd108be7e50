import { describe, expect, it } from "vitest";
import { historyRun, NASTY_PROMPT, sweepRecord, sweepRun } from "@/tests/fixtures/share";
import { decodeRecipe, encodeRecipe } from "./link";
import { recipeMetadata } from "./metadata";
import { OMITTED_DATA_URI, runRecipe, sweepRecipe } from "./recipe";

const decode = (recipe: Parameters<typeof encodeRecipe>[0]) => decodeRecipe(encodeRecipe(recipe));

describe("recipeMetadata", () => {
  it("titles a run by its prompt and shows its first result as the preview image", () => {
    const run = historyRun();
    const metadata = recipeMetadata(decode(runRecipe(run)));
    const first = run.output?.images[0];
    expect(metadata.title).toMatch(/^“.+” · Kontext Playground$/);
    expect(metadata.openGraph?.images).toEqual([
      { url: first?.url, width: first?.width, height: first?.height },
    ]);
    expect(metadata.twitter).toMatchObject({ card: "summary_large_image", images: [first?.url] });
    expect(metadata.description).toMatch(/steps · guidance/);
  });

  it("keeps a nasty prompt as plain text, flattened and clipped", () => {
    const metadata = recipeMetadata(
      decode(runRecipe(historyRun({ request: { ...historyRun().request, prompt: NASTY_PROMPT } }))),
    );
    expect(metadata.title.length).toBeLessThan(120);
    expect(metadata.title).not.toMatch(/\n/);
  });

  it("has no preview image when the only results were data URIs", () => {
    const run = historyRun();
    const recipe = runRecipe(run);
    const images = (recipe.output?.images ?? []).map((image) => ({
      ...image,
      url: OMITTED_DATA_URI,
    }));
    const metadata = recipeMetadata(
      decode({ ...recipe, output: recipe.output && { ...recipe.output, images } }),
    );
    expect(metadata.openGraph).toBeUndefined();
  });

  it("names a sweep by its size and a broken link by what is wrong", () => {
    const sweep = sweepRecord(2, 2);
    const metadata = recipeMetadata(decode(sweepRecipe(sweep, (id) => sweepRun(sweep, id))));
    expect(metadata.title).toMatch(/^Sweep of 4 edits: /);
    const broken = recipeMetadata(decodeRecipe("1.AAAA"));
    expect(broken.title).toBe("This shared Kontext link does not work · Kontext Playground");
    expect(broken.openGraph).toBeUndefined();
  });
});
