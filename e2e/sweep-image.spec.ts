import { readFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { photo } from "./support/images";
import type { PlaygroundPage } from "./support/playground-page";

// The input image as a sweep axis (issue 14): one style over several products in one labelled
// grid and contact sheet, with the setup (images included) kept across a reload.

const PLUSHIE =
  "https://huggingface.co/fal/Plushie-Kontext-Dev-LoRA/resolve/main/plushie-kontext-dev-lora.safetensors";

/** The form with a 320×240 photo, a prompt, the Plushie LoRA and few steps; the Sweep panel open. */
async function compose(playground: PlaygroundPage, page: Page): Promise<Locator> {
  await playground.open();
  await playground.choosePhoto(320, 240);
  await playground.setPrompt("Make it a plushie.");
  await playground.addLora(PLUSHIE, 1);
  await playground.openSection("Advanced settings");
  await page.getByLabel("Steps", { exact: true }).fill("12");
  await playground.openSection("Sweep");
  return page.getByRole("region", { name: "Sweep" });
}

/** Chooses the input image as axis 1 and adds `files` (name → size) to it. */
async function imageAxis(
  sweep: Locator,
  files: { name: string; width: number; height: number }[],
): Promise<void> {
  await sweep.getByLabel("Vary (axis 1)").selectOption("image");
  await sweep.getByLabel("Add images to axis 1").setInputFiles(
    await Promise.all(
      files.map(async ({ name, width, height }) => ({
        name,
        mimeType: "image/png",
        buffer: await photo(width, height),
      })),
    ),
  );
}

function sweepCard(page: Page): Locator {
  return page
    .getByRole("article")
    .filter({ has: page.getByRole("heading", { name: /^Sweep 1\b/ }) });
}

/** The natural widths of a sweep card's cell images, row by row, once each has loaded. */
async function cellWidths(card: Locator, count: number): Promise<number[]> {
  const images = card.getByRole("img", { name: /^Cell / });
  await expect(images).toHaveCount(count, { timeout: 60_000 });
  const widths: number[] = [];
  for (const image of await images.all()) {
    await image.scrollIntoViewIfNeeded();
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .not.toBe(0);
    widths.push(await image.evaluate((img: HTMLImageElement) => img.naturalWidth));
  }
  return widths;
}

/**
 * Shows a sweep card for a screenshot: from its title (or its grid centred), the grid scrolled
 * back to its first column.
 */
async function showCard(card: Locator, part: "title" | "grid" = "title"): Promise<void> {
  await card.locator("table").evaluate((table) => {
    if (table.parentElement) table.parentElement.scrollLeft = 0;
  });
  if (part === "grid") {
    await card.locator("table").evaluate((table) => table.scrollIntoView({ block: "center" }));
    return;
  }
  await card
    .getByRole("heading", { name: /^Sweep 1\b/ })
    .evaluate((heading) => heading.scrollIntoView({ block: "start" }));
}

test("3 images × 2 LoRA scales: a labelled grid of 6 cells, a contact sheet, a setup kept across a reload", async ({
  playground,
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const sweep = await compose(playground, page);
  await imageAxis(sweep, [
    { name: "chair.png", width: 240, height: 320 },
    { name: "lamp.png", width: 320, height: 320 },
  ]);
  // The current input image comes first; every image is labelled by its file name.
  const images = sweep.getByRole("list", { name: "Images of axis 1" }).getByRole("listitem");
  await expect(images).toHaveCount(3);
  await expect(images.nth(0)).toContainText("photo");
  await expect(images.nth(0)).toContainText("Current input image");
  await expect(images.nth(1)).toContainText("chair240×320 px");
  await expect(images.nth(2)).toContainText("lamp320×320 px");

  await sweep.getByRole("button", { name: "Add a second axis" }).click();
  await sweep.getByLabel("Vary (axis 2)").selectOption("lora_scale");
  await sweep.getByLabel("Values of axis 2").fill("0.5, 1");
  // Each cell is priced at its own image's size (all under 1 MP here: 6 × $0.035).
  await expect(sweep.getByLabel("Sweep estimate")).toContainText(
    "3 × 2 grid · 6 requests · 6 MP · ≈ $0.21",
  );
  await playground.expectAccessible("sweep setup with an image axis");
  await sweep.scrollIntoViewIfNeeded();
  await playground.screenshot("sweep-image-setup-desktop", { fullPage: false });

  await sweep.getByRole("button", { name: "Run sweep (6 cells)" }).click();
  const card = sweepCard(page);
  await expect(
    card.getByRole("heading", { name: "Sweep 1 · Input image × Plushie scale" }),
  ).toBeVisible();
  await expect(card.getByRole("columnheader")).toHaveText(["photo", "chair", "lamp"]);
  await expect(card.getByRole("rowheader")).toHaveText(["×0.5", "×1"]);
  // Every cell edits its own image: the outputs follow each input's size.
  expect(await cellWidths(card, 6)).toEqual([320, 240, 320, 320, 240, 320]);
  await expect(card.getByText("6 of 6 done")).toBeVisible();
  // The stage names the cell it shows by its sweep and labels (cells take no run number).
  await expect(
    playground.stage().getByText(/^Sweep 1 · (photo|chair|lamp) ×(0\.5|1)$/),
  ).toBeVisible();
  await expect(card.getByRole("button", { name: "Open cell chair ×1 full size" })).toBeVisible();
  // No share link: the images are local files, and the card says so.
  await expect(card.getByText(/cannot be shared as a link/)).toBeVisible();
  await expect(card.getByRole("button", { name: /^Share link/ })).toHaveCount(0);
  await playground.expectAccessible("sweep grid over images");
  await showCard(card);
  await playground.screenshot("sweep-image-grid-desktop", { fullPage: false });

  // The contact sheet: 3 columns × 2 labelled rows, laid out for the tallest image (240×320 →
  // cells of 384×512), as contactSheetLayout says; the column and row labels are drawn.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    card.getByRole("button", { name: /^Contact sheet/ }).click(),
  ]);
  const png = await readFile((await download.path()) ?? "");
  expect(png.subarray(1, 4).toString()).toBe("PNG");
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1424, 1192]);
  const inked = await page.evaluate(async (base64) => {
    const bitmap = await createImageBitmap(
      await (await fetch(`data:image/png;base64,${base64}`)).blob(),
    );
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext("2d");
    if (!context) return [];
    context.drawImage(bitmap, 0, 0);
    /** Whether a box holds dark (text) pixels. */
    const hasInk = (x: number, y: number, width: number, height: number) => {
      const { data } = context.getImageData(x, y, width, height);
      for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 128) return true;
      return false;
    };
    // Column labels above each column (y 88–128), row labels left of each row (x 24–224).
    return [
      ...[0, 1, 2].map((column) => hasInk(232 + column * 392, 88, 384, 40)),
      ...[0, 1].map((row) => hasInk(24, 136 + row * 520, 200, 512)),
      // The gap between the label rows and the first cells stays blank.
      !hasInk(232, 128, 384, 8),
    ];
  }, png.toString("base64"));
  expect(inked).toEqual([true, true, true, true, true, true]);

  // The setup, images included, survives a reload (their bytes come back from IndexedDB).
  await page.waitForTimeout(800);
  await page.reload();
  await playground.waitUntilReady();
  await playground.openSection("Sweep");
  const again = page.getByRole("region", { name: "Sweep" });
  await expect(again.getByLabel("Vary (axis 1)")).toHaveValue("image");
  const kept = again.getByRole("list", { name: "Images of axis 1" }).getByRole("listitem");
  await expect(kept).toHaveCount(3);
  await expect(kept.nth(1)).toContainText("chair240×320 px");
  await expect(kept.nth(2)).toContainText("lamp320×320 px");
  await expect(again.getByLabel("Values of axis 2")).toHaveValue("0.5, 1");
  await expect(again.getByLabel("Sweep estimate")).toContainText("6 requests");
  // The thumbnails are drawn from the kept bytes.
  const thumbnails = kept.locator("img");
  await expect(thumbnails).toHaveCount(3);
  for (const thumbnail of await thumbnails.all()) {
    await expect
      .poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
  }
  // Removing an image takes it out of the grid.
  await again.getByRole("button", { name: "Remove lamp from axis 1" }).click();
  await expect(again.getByLabel("Sweep estimate")).toContainText("2 × 2 grid · 4 requests");
  await expect(sweepCard(page).getByRole("columnheader")).toHaveText(["photo", "chair", "lamp"]);
});

for (const scheme of ["light", "dark"] as const) {
  test.describe(`on a phone, ${scheme}`, () => {
    test.use({ viewport: { width: 390, height: 844 }, colorScheme: scheme });

    test("the image axis and its grid fit", async ({ playground, page }) => {
      const sweep = await compose(playground, page);
      await imageAxis(sweep, [
        { name: "a-long-product-photo-file-name.png", width: 240, height: 320 },
      ]);
      await expect(
        sweep.getByRole("list", { name: "Images of axis 1" }).getByRole("listitem"),
      ).toHaveCount(2);
      await sweep.getByRole("button", { name: "Add a second axis" }).click();
      await sweep.getByLabel("Vary (axis 2)").selectOption("lora_scale");
      await sweep.getByLabel("Values of axis 2").fill("0.5, 1");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      );
      await playground.expectAccessible(`image axis, phone, ${scheme}`);
      await sweep.getByRole("list", { name: "Images of axis 1" }).scrollIntoViewIfNeeded();
      await playground.screenshot(`sweep-image-setup-phone-${scheme}`, { fullPage: false });

      await sweep.getByRole("button", { name: "Run sweep (4 cells)" }).click();
      const card = sweepCard(page);
      await expect(card.getByRole("columnheader")).toHaveText([
        "photo",
        "a-long-product-photo-fi…",
      ]);
      await cellWidths(card, 4);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      );
      await playground.expectAccessible(`image sweep grid, phone, ${scheme}`);
      await showCard(card, "grid");
      await playground.screenshot(`sweep-image-grid-phone-${scheme}`, { fullPage: false });
    });
  });
}
