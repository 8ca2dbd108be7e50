import { expect, test } from "./fixtures";
import type { PlaygroundPage } from "./support/playground-page";

// The LoRA stack leads with the style (issue 11): preview or initials, name, a full-width scale;
// the weight file behind a disclosure; the library as a dialog of style cards.

/** Adds a curated LoRA from the library dialog by its name. */
async function addFromLibrary(playground: PlaygroundPage, search: string, name: string) {
  const library = await playground.openLibrary();
  await library.getByLabel("Search the library").fill(search);
  await library.getByRole("button", { name: `Add ${name} to stack` }).click();
  await expect(playground.library()).toBeHidden();
}

test("a row leads with the style; its path is behind a disclosure, still checked", async ({
  playground,
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await playground.open();
  const library = await playground.openLibrary();
  // A grid of style cards, several to a row on a wide screen.
  const cards = library.getByRole("list", { name: /^Curated LoRAs/ }).getByRole("listitem");
  const [first, second] = [await cards.nth(0).boundingBox(), await cards.nth(1).boundingBox()];
  expect(second?.y).toBe(first?.y);
  expect(second?.x ?? 0).toBeGreaterThan((first?.x ?? 0) + (first?.width ?? 0) - 1);
  await playground.expectAccessible("library dialog, light");
  await playground.screenshot("lora-library-dialog-desktop-light", { fullPage: false });
  await playground.closeLibrary();

  await addFromLibrary(playground, "plushie", "Plushie");
  const row = playground.loraRow(1);
  await expect(row.getByText("Plushie", { exact: true })).toBeVisible();
  await expect(row.getByText("fal/Plushie-Kontext-Dev-LoRA")).toBeVisible();
  await expect(page.getByLabel("LoRA 1 path")).toBeHidden();
  // The scale slider runs across the row.
  const [rowBox, sliderBox] = [
    await row.boundingBox(),
    await page.getByLabel("LoRA 1 scale", { exact: true }).boundingBox(),
  ];
  expect(sliderBox?.width ?? 0).toBeGreaterThan((rowBox?.width ?? 0) * 0.55);

  // The path is still editable and checked; an invalid one keeps the disclosure open.
  const path = await playground.loraPath(1);
  await expect(path).toHaveValue(/plushie-kontext-dev-lora\.safetensors$/);
  await path.fill("fal/Plushie-Kontext-Dev-LoRA");
  await path.blur();
  await expect(row.getByText(/^Use the weight file.s URL, e\.g\./)).toBeVisible();
  await expect(path).toHaveAttribute("aria-invalid", "true");
  await row.locator("summary").click();
  await expect(path).toBeVisible();
  await expect(row.getByText("New LoRA")).toHaveCount(0);
  await path.fill(
    "https://huggingface.co/fal/Plushie-Kontext-Dev-LoRA/resolve/main/plushie-kontext-dev-lora.safetensors",
  );
  await path.blur();
  await expect(path).not.toHaveAttribute("aria-invalid", "true");
  await row.locator("summary").click();
  await expect(path).toBeHidden();
  await expect(row.getByText("plushie-kontext-dev-lora.safetensors")).toBeVisible();

  // A Hugging Face path can be looked up: the card's details open.
  await (await playground.loraPath(1)).focus();
  await row.getByRole("button", { name: "Look up on Hugging Face" }).click();
  const hub = page.getByRole("dialog", { name: "LoRAs from Hugging Face" });
  await expect(hub.getByRole("article", { name: "Plushie-Kontext-Dev-LoRA" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(hub).toBeHidden();

  await addFromLibrary(playground, "ghibli", "Ghibli style");
  await expect(playground.loraRow(2).getByText("Ghibli style", { exact: true })).toBeVisible();
  await expect(playground.loraRow(2).getByText("GS", { exact: true })).toBeVisible();
  await expect(page.getByLabel("LoRA 2 scale", { exact: true })).toBeFocused();
  await playground.expectAccessible("stack rows, light");
  await page.getByRole("region", { name: "LoRAs", exact: true }).scrollIntoViewIfNeeded();
  await playground.screenshot("lora-stack-rows-desktop-light", { fullPage: false });
});

test("a new row opens on its path; removing a row moves focus to the next one's scale", async ({
  playground,
  page,
}) => {
  await playground.open();
  await page.getByRole("button", { name: "Add LoRA", exact: true }).click();
  await expect(page.getByLabel("LoRA 1 path")).toBeFocused();
  await expect(playground.loraRow(1).getByText("New LoRA")).toBeVisible();
  await page.getByLabel("LoRA 1 path").fill("https://example.com/loras/Neon_Glow.safetensors");
  // Typing a valid path never shuts the disclosure under the cursor.
  await expect(page.getByLabel("LoRA 1 path")).toBeVisible();
  await expect(playground.loraRow(1).getByText("Neon_Glow", { exact: true })).toBeVisible();
  await addFromLibrary(playground, "plushie", "Plushie");
  await playground.loraRow(1).getByRole("button", { name: "Remove LoRA 1" }).click();
  await expect(page.getByLabel("LoRA 1 scale", { exact: true })).toBeFocused();
  await expect(playground.loraRow(1).getByText("Plushie", { exact: true })).toBeVisible();
});

for (const scheme of ["light", "dark"] as const) {
  test.describe(`on a phone, ${scheme}`, () => {
    test.use({ viewport: { width: 390, height: 844 }, colorScheme: scheme });

    test("the library dialog and the rows fit and are accessible", async ({ playground, page }) => {
      await playground.open();
      const library = await playground.openLibrary();
      const box = await library.boundingBox();
      expect(box?.width ?? 0).toBeLessThanOrEqual(390);
      await playground.expectAccessible(`library dialog, phone, ${scheme}`);
      await playground.screenshot(`lora-library-dialog-phone-${scheme}`, { fullPage: false });
      await library.getByLabel("Search the library").fill("plushie");
      await library.getByRole("button", { name: "Add Plushie to stack" }).click();
      await addFromLibrary(playground, "ghibli", "Ghibli style");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      );
      await playground.expectAccessible(`stack rows, phone, ${scheme}`);
      await playground.loraRow(1).scrollIntoViewIfNeeded();
      await playground.screenshot(`lora-stack-rows-phone-${scheme}`, { fullPage: false });
    });
  });
}

test.describe("in dark mode on a desktop", () => {
  test.use({ viewport: { width: 1440, height: 900 }, colorScheme: "dark" });

  test("the library dialog and the rows are accessible", async ({ playground }) => {
    await playground.open();
    await playground.openLibrary();
    await playground.expectAccessible("library dialog, dark");
    await playground.screenshot("lora-library-dialog-desktop-dark", { fullPage: false });
    await addFromLibrary(playground, "plushie", "Plushie");
    await playground.expectAccessible("stack rows, dark");
    await playground.loraRow(1).scrollIntoViewIfNeeded();
    await playground.screenshot("lora-stack-rows-desktop-dark", { fullPage: false });
  });
});
