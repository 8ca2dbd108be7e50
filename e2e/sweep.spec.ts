import { readFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import type { PlaygroundPage } from "./support/playground-page";

const PLUSHIE =
  "https://huggingface.co/fal/Plushie-Kontext-Dev-LoRA/resolve/main/plushie-kontext-dev-lora.safetensors";

async function compose(playground: PlaygroundPage, page: Page, steps = 12): Promise<void> {
  await playground.choosePhoto(320, 240);
  await playground.setPrompt("Make it a plushie.");
  await playground.addLora(PLUSHIE, 1);
  await playground.openSection("Advanced settings");
  await page.getByLabel("Steps", { exact: true }).fill(String(steps));
  await playground.openSection("Sweep");
}

function sweepCard(page: Page): Locator {
  return page
    .getByRole("article")
    .filter({ has: page.getByRole("heading", { name: /^Sweep 1\b/ }) });
}

/** The pixels of every cell image, as data URLs, to tell them apart. */
async function cellPixels(card: Locator): Promise<string[]> {
  const images = card.getByRole("img", { name: /^Cell / });
  return images.evaluateAll((elements) =>
    (elements as HTMLImageElement[]).map((img) => {
      const canvas = document.createElement("canvas");
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      canvas.getContext("2d")?.drawImage(img, 0, 0);
      return canvas.toDataURL();
    }),
  );
}

async function waitForImages(card: Locator, count: number): Promise<void> {
  const images = card.getByRole("img", { name: /^Cell / });
  await expect(images).toHaveCount(count, { timeout: 45_000 });
  for (const image of await images.all()) {
    // Cell images load lazily, as they come into view.
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
  }
}

test("a 1×4 LoRA scale sweep makes a labelled row of distinct images", async ({
  playground,
  page,
}) => {
  await playground.open();
  await compose(playground, page);
  await playground.openSection("Sweep");
  const sweep = page.getByRole("region", { name: "Sweep" });
  await expect(sweep.getByLabel("Vary (axis 1)")).toHaveValue("lora_scale");
  await sweep.getByLabel("Values of axis 1").fill("0, 0.5, 1, 1.5");
  await expect(sweep.getByLabel("Sweep estimate")).toContainText("4 requests · 4 MP · ≈ $0.14");
  await sweep.getByRole("button", { name: "Run sweep (4 cells)" }).click();

  const card = sweepCard(page);
  await expect(card.getByRole("columnheader")).toHaveText(["×0", "×0.5", "×1", "×1.5"]);
  await waitForImages(card, 4);
  await expect(card.getByText("4 of 4 done")).toBeVisible();
  expect(new Set(await cellPixels(card)).size).toBe(4);
  // The cells are the sweep's, not runs of their own.
  await expect(page.getByRole("heading", { name: /^Run \d+/ })).toHaveCount(0);
  await playground.expectAccessible("sweep grid");

  // The contact sheet: 4 cells of 384×288 with labels, laid out as contactSheetLayout says.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    card.getByRole("button", { name: /^Contact sheet/ }).click(),
  ]);
  const png = await readFile((await download.path()) ?? "");
  expect(png.subarray(1, 4).toString()).toBe("PNG");
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1608, 448]);

  // "Use these settings" sends a cell's settings to the form.
  await card.getByRole("button", { name: "Use settings of cell ×0.5" }).click();
  await expect(page.getByLabel("LoRA 1 scale value")).toHaveValue("0.5");
});

test("a 2×2 sweep crosses guidance with prompt variants", async ({ playground, page }) => {
  await playground.open();
  await compose(playground, page);
  await playground.openSection("Sweep");
  const sweep = page.getByRole("region", { name: "Sweep" });
  await sweep.getByLabel("Vary (axis 1)").selectOption("guidance");
  await sweep.getByLabel("Values of axis 1").fill("2, 4");
  await sweep.getByRole("button", { name: "Add a second axis" }).click();
  await sweep.getByLabel("Vary (axis 2)").selectOption("prompt");
  await sweep.getByLabel("Values of axis 2").fill("Make it snow\nMake it rain");
  await sweep.getByRole("button", { name: "Run sweep (4 cells)" }).click();

  const card = sweepCard(page);
  await expect(card.getByRole("columnheader")).toHaveText(["2", "4"]);
  await expect(card.getByRole("rowheader")).toHaveText(["Make it snow", "Make it rain"]);
  await waitForImages(card, 4);
  expect(new Set(await cellPixels(card)).size).toBe(4);
});

test("cancel all stops the cells still waiting", async ({ playground, page }) => {
  await playground.open();
  await compose(playground, page, 50);
  await playground.openSection("Sweep");
  const sweep = page.getByRole("region", { name: "Sweep" });
  await sweep.getByLabel("Values of axis 1").fill("0, 1, 2, 3");
  await sweep.getByLabel("Cells at once").fill("1");
  await sweep.getByRole("button", { name: "Run sweep (4 cells)" }).click();
  const card = sweepCard(page);
  await expect(card.getByText(/^Running/)).toBeVisible({ timeout: 15_000 });
  await card.getByRole("button", { name: /^Cancel all/ }).click();
  await expect(card.getByText("0 of 4 done · 4 cancelled")).toBeVisible({ timeout: 15_000 });
  await expect(card.getByRole("img", { name: /^Cell / })).toHaveCount(0);
});

test("a sweep survives a reload and finishes", async ({ playground, page }) => {
  await playground.open();
  await compose(playground, page, 30);
  await playground.openSection("Sweep");
  const sweep = page.getByRole("region", { name: "Sweep" });
  await sweep.getByLabel("Values of axis 1").fill("0.5, 1.5");
  await sweep.getByLabel("Cells at once").fill("1");
  await sweep.getByRole("button", { name: "Run sweep (2 cells)" }).click();
  await expect(sweepCard(page).getByText(/^Running/)).toBeVisible({ timeout: 15_000 });

  await page.reload();
  const card = sweepCard(page);
  await expect(card.getByRole("columnheader")).toHaveText(["×0.5", "×1.5"]);
  await waitForImages(card, 2);
  await expect(card.getByText("2 of 2 done")).toBeVisible();
});

test("asks before a sweep above the budget, and refuses bad values before sending", async ({
  playground,
  page,
}) => {
  await playground.open();
  await compose(playground, page);
  await playground.openSection("Sweep");
  const sweep = page.getByRole("region", { name: "Sweep" });
  await sweep.getByLabel("Values of axis 1").fill("0..1.5 step 0");
  await expect(sweep.getByText("The step of 0..1.5 step 0 must not be 0")).toBeVisible();
  await expect(sweep.getByRole("button", { name: "Run sweep" })).toBeDisabled();
  await sweep.getByLabel("Values of axis 1").fill("0, 5");
  await expect(sweep.getByText("LoRA scale 5 is outside the allowed 0–4")).toBeVisible();

  await sweep.getByLabel("Values of axis 1").fill("0, 1");
  await sweep.getByLabel("Ask above (USD)").fill("0.05");
  await sweep.getByRole("button", { name: "Run sweep (2 cells)" }).click();
  const confirm = page.getByRole("alertdialog", { name: /Run this sweep for ≈ \$0\.07\?/ });
  await expect(confirm).toBeVisible();
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("heading", { name: /^Sweep 1\b/ })).toHaveCount(0);
  await sweep.getByRole("button", { name: "Run sweep (2 cells)" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Run anyway" }).click();
  await waitForImages(sweepCard(page), 2);
});

test("compares styles from the library at several strengths in one grid", async ({
  playground,
  page,
}) => {
  await playground.open();
  await playground.choosePhoto(320, 240);
  await playground.setPrompt("Turn this image into the painted style.");
  await playground.openSection("Advanced settings");
  await page.getByLabel("Steps", { exact: true }).fill("12");
  await playground.openSection("Sweep");
  const sweep = page.getByRole("region", { name: "Sweep" });
  await sweep.getByLabel("Vary (axis 1)").selectOption("lora");
  const picker = sweep.getByLabel("Add a LoRA from the library to this axis");
  await picker.selectOption({ label: "Ghibli style (×1)" });
  await picker.selectOption({ label: "Van Gogh style (×1)" });
  await sweep.getByRole("button", { name: "Add a second axis" }).click();
  await sweep.getByLabel("Vary (axis 2)").selectOption("lora_scale");
  await expect(sweep.getByLabel("LoRA to scale (axis 2)")).toHaveValue("__swept__");
  await sweep.getByLabel("Values of axis 2").fill("0.5, 1");
  await sweep.getByRole("button", { name: "Run sweep (4 cells)" }).click();

  const card = sweepCard(page);
  await expect(card.getByRole("columnheader")).toHaveText(["Ghibli style", "Van Gogh style"]);
  await expect(card.getByRole("rowheader")).toHaveText(["×0.5", "×1"]);
  await waitForImages(card, 4);
  expect(new Set(await cellPixels(card)).size).toBe(4);
});
