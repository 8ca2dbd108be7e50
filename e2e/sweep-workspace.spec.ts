import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import type { PlaygroundPage } from "./support/playground-page";

// Sweeps say what is held, cells open full size by their labels and the viewer stays in the grid,
// the viewer acts on its image, and the sweep setup survives a reload (issue 11).

const PLUSHIE =
  "https://huggingface.co/fal/Plushie-Kontext-Dev-LoRA/resolve/main/plushie-kontext-dev-lora.safetensors";
const GHIBLI =
  "https://huggingface.co/Owen777/Kontext-Style-Loras/resolve/main/Ghibli_lora_weights.safetensors";

async function compose(playground: PlaygroundPage, page: Page): Promise<Locator> {
  await playground.open();
  await playground.choosePhoto(320, 240);
  await playground.setPrompt("Make it snow");
  await playground.addLora(PLUSHIE, 1);
  await playground.addLora(GHIBLI, 0.8);
  await playground.openSection("Advanced settings");
  await page.getByLabel("Steps", { exact: true }).fill("12");
  await playground.openSection("Sweep");
  const sweep = page.getByRole("region", { name: "Sweep" });
  await sweep.getByLabel("Vary (axis 1)").selectOption("lora_scale");
  await sweep.getByLabel("LoRA to scale (axis 1)").selectOption(PLUSHIE);
  await sweep.getByLabel("Values of axis 1").fill("0, 1");
  return sweep;
}

function sweepCard(page: Page): Locator {
  return page
    .getByRole("article")
    .filter({ has: page.getByRole("heading", { name: /^Sweep 1\b/ }) });
}

test("a sweep says what it holds; its cells open by their labels, the viewer stays in the grid", async ({
  playground,
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const sweep = await compose(playground, page);
  // Held: the other stack LoRA and its scale, the prompt, the seed — before anything runs.
  const held = sweep.getByText(/^Held: /);
  await expect(held).toHaveText(/^Held: Ghibli style ×0\.8 · “Make it snow” · seed \d+$/);
  const seed = /seed (\d+)$/.exec((await held.textContent()) ?? "")?.[1];
  await sweep.getByRole("button", { name: "Run sweep (2 cells)" }).click();

  const card = sweepCard(page);
  await expect(card.getByRole("heading", { name: "Sweep 1 · Plushie scale" })).toBeVisible();
  await expect(
    card.getByText(`Held: Ghibli style ×0.8 · “Make it snow” · seed ${seed}`),
  ).toBeVisible();
  const images = card.getByRole("img", { name: /^Cell / });
  await expect(images).toHaveCount(2, { timeout: 45_000 });
  await expect(card.getByText("2 of 2 done")).toBeVisible();

  // Cell actions sit on the image: they add nothing to the row's height.
  const cell = images.first().locator("xpath=ancestor::td[1]");
  const [cellBox, imageBox] = [await cell.boundingBox(), await images.first().boundingBox()];
  expect(cellBox?.height ?? 0).toBeLessThanOrEqual((imageBox?.height ?? 0) + 4);
  const use = card.getByRole("button", { name: "Use settings of cell ×1" });
  const useBox = await use.boundingBox();
  expect(useBox?.y ?? 0).toBeGreaterThanOrEqual(imageBox?.y ?? 0);
  await playground.expectAccessible("sweep card with held line, light");
  await card.scrollIntoViewIfNeeded();
  await playground.screenshot("sweep-card-desktop-light", { fullPage: false });

  // Full size: titled by the cell's labels; the arrows move within the grid only.
  await card.getByRole("button", { name: "Open cell ×0 full size" }).click();
  const viewer = page.getByRole("dialog", { name: "Result viewer" });
  await expect(viewer.getByRole("heading", { name: "Plushie ×0" })).toBeVisible();
  await expect(viewer.getByText("1 / 2")).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(viewer.getByRole("heading", { name: "Plushie ×1" })).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(viewer.getByRole("heading", { name: "Plushie ×0" })).toBeVisible();
  await playground.expectAccessible("viewer on a sweep cell, light");
  await playground.screenshot("viewer-desktop-light", { fullPage: false });

  // Its actions: Download, Compare (before/after with the input), Use as input.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    viewer.getByRole("button", { name: "Download Plushie ×0" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^kontext-\d+-1\.(png|jpg)$/);
  await viewer.getByRole("button", { name: "Compare Plushie ×0 with its input" }).click();
  const compare = page.getByRole("dialog", { name: "Compare images" });
  await expect(compare).toBeVisible();
  await expect(compare.getByText(/^Before · /)).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(compare).toBeHidden();
  await expect(viewer).toBeVisible();
  await viewer.getByRole("button", { name: "Use Plushie ×0 as input" }).click();
  await expect(viewer).toBeHidden();
  await expect(page.getByText("From a previous result")).toBeVisible();

  await page.emulateMedia({ colorScheme: "dark" });
  await expect(card.getByText(/^Held: /)).toBeVisible();
  await playground.expectAccessible("sweep card with held line, dark");
  await card.scrollIntoViewIfNeeded();
  await playground.screenshot("sweep-card-desktop-dark", { fullPage: false });
  await card.getByRole("button", { name: "Open cell ×1 full size" }).click();
  await expect(viewer.getByRole("heading", { name: "Plushie ×1" })).toBeVisible();
  await playground.expectAccessible("viewer on a sweep cell, dark");
  await playground.screenshot("viewer-desktop-dark", { fullPage: false });
  await page.keyboard.press("Escape");
  await expect(card.getByRole("button", { name: "Open cell ×1 full size" })).toBeFocused();
});

test("the sweep setup survives a reload", async ({ playground, page }) => {
  const sweep = await compose(playground, page);
  await sweep.getByRole("button", { name: "Add a second axis" }).click();
  await sweep.getByLabel("Vary (axis 2)").selectOption("prompt");
  await sweep.getByLabel("Values of axis 2").fill("Make it snow\nMake it rain");
  await sweep.getByLabel(/^Cells at once/).fill("3");
  // Saved shortly after the last change.
  await page.waitForTimeout(800);
  await page.reload();
  await playground.waitUntilReady();
  await playground.openSection("Sweep");
  const again = page.getByRole("region", { name: "Sweep" });
  await expect(again.getByLabel("Vary (axis 1)")).toHaveValue("lora_scale");
  await expect(again.getByLabel("Values of axis 1")).toHaveValue("0, 1");
  await expect(again.getByLabel("Vary (axis 2)")).toHaveValue("prompt");
  await expect(again.getByLabel("Values of axis 2")).toHaveValue("Make it snow\nMake it rain");
  await expect(again.getByLabel(/^Cells at once/)).toHaveValue("3");
});

for (const scheme of ["light", "dark"] as const) {
  test.describe(`on a phone, ${scheme}`, () => {
    test.use({ viewport: { width: 390, height: 844 }, colorScheme: scheme });

    test("the sweep card and the viewer fit", async ({ playground, page }) => {
      const sweep = await compose(playground, page);
      await sweep.getByRole("button", { name: "Run sweep (2 cells)" }).click();
      const card = sweepCard(page);
      await expect(card.getByRole("img", { name: /^Cell / })).toHaveCount(2, { timeout: 45_000 });
      await expect(card.getByText(/^Held: Ghibli style ×0\.8/)).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      );
      await playground.expectAccessible(`sweep card, phone, ${scheme}`);
      await card.scrollIntoViewIfNeeded();
      await playground.screenshot(`sweep-card-phone-${scheme}`, { fullPage: false });
      await card.getByRole("button", { name: "Open cell ×1 full size" }).click();
      const viewer = page.getByRole("dialog", { name: "Result viewer" });
      await expect(viewer.getByRole("heading", { name: "Plushie ×1" })).toBeVisible();
      await expect(viewer.getByRole("button", { name: "Use Plushie ×1 as input" })).toBeVisible();
      await playground.expectAccessible(`viewer, phone, ${scheme}`);
      await playground.screenshot(`viewer-phone-${scheme}`, { fullPage: false });
    });
  });
}
