import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { photo } from "./support/images";
import type { PlaygroundPage } from "./support/playground-page";

const runHeading = (page: Page, runNumber: number) =>
  page.getByRole("heading", { name: new RegExp(`^Run ${runNumber}\\b`) });

/** Whether the middle of an element is what the page shows there (not under a pinned bar). */
function isUncovered(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit !== null && (hit === element || element.contains(hit));
  });
}

/** Closes the settings' collapsible section, when the page has one (no-op otherwise). */
async function collapseSettings(page: Page): Promise<void> {
  await page
    .locator("details")
    .filter({ has: page.locator(":scope > summary", { hasText: "Advanced settings" }) })
    .evaluateAll((sections) => {
      for (const section of sections) (section as HTMLDetailsElement).open = false;
    });
}

async function runWith(playground: PlaygroundPage, prompt: string, count: number): Promise<void> {
  await playground.setPrompt(prompt);
  await playground.generate();
  await expect(playground.resultImages()).toHaveCount(count, { timeout: 30_000 });
}

test("after a reload the input image is back, and clearing it forgets it", async ({
  playground,
  page,
}) => {
  await playground.open();
  await playground.choosePhoto(320, 240);
  // Kept in the browser as the image changes (an IndexedDB write): give it a moment.
  await page.waitForTimeout(500);
  await page.reload();
  await playground.waitUntilReady();
  await expect(page.getByText("320×240 px")).toBeVisible();
  const preview = page.getByRole("img", { name: "Input image preview" });
  await expect(preview).toBeVisible();
  await expect
    .poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);

  // It runs like a freshly chosen file.
  await runWith(playground, "make it snow", 1);

  await page.getByRole("button", { name: "Clear", exact: true }).click();
  await page.waitForTimeout(500);
  await page.reload();
  await playground.waitUntilReady();
  await expect(playground.dropZone()).toBeVisible();
  await expect(page.getByText("320×240 px")).toHaveCount(0);
});

test("after deleting a run, the other runs keep their labels and lineage links", async ({
  playground,
  page,
}) => {
  await playground.open();
  await playground.openSection("Advanced settings");
  await page.getByLabel("Steps", { exact: true }).fill("10");
  await playground.choosePhoto(320, 240);
  await runWith(playground, "Make it snow", 1);
  await runWith(playground, "Paint it as a watercolour", 2);
  await page.getByRole("button", { name: "Use result 1 of run 2 as input" }).click();
  await expect(page.getByText("From a previous result")).toBeVisible();
  await runWith(playground, "Now at night", 3);
  await expect(page.getByRole("button", { name: "Edited from run 2", exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Delete run 1" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Run 1 deleted" })).toBeVisible();
  await expect(runHeading(page, 1)).toHaveCount(0);
  await expect(runHeading(page, 2)).toBeVisible();
  await expect(runHeading(page, 3)).toBeVisible();
  const link = page.getByRole("button", { name: "Edited from run 2", exact: true });
  await expect(link).toBeVisible();
  await link.click();
  await expect(runHeading(page, 2)).toBeFocused();
  await expect(
    page.getByRole("article", { name: /^Run 2\b/ }).getByText("Paint it as a watercolour"),
  ).toBeVisible();

  // The numbers are saved with the runs: a reload shows the same ones, and the next run is 4.
  await page.getByRole("status").getByRole("button", { name: "Dismiss" }).click();
  await page.reload();
  await playground.waitUntilReady();
  await expect(runHeading(page, 3)).toBeVisible();
  await expect(runHeading(page, 2)).toBeVisible();
  await expect(page.getByRole("button", { name: "Edited from run 2", exact: true })).toBeVisible();
  await runWith(playground, "Once more", 3);
  await expect(runHeading(page, 4)).toBeVisible();
});

test("a bad setting shows its labelled message, and focus lands on it, uncovered", async ({
  playground,
  page,
}) => {
  await playground.open();
  await playground.generate();
  const promptMessage = "Write a prompt: say what to change in the image";
  await expect(page.getByText(promptMessage)).toBeVisible();
  await expect(playground.dropZone()).toBeFocused();

  await playground.choosePhoto(320, 240);
  await playground.setPrompt("make it snow");
  await playground.openSection("Advanced settings");
  const steps = page.getByLabel("Steps", { exact: true });
  await steps.fill("60");
  // Collapse the section again and go back to the top: the error must still be found.
  await collapseSettings(page);
  await page.getByLabel("Edit instruction").focus();
  await page.evaluate(() => window.scrollTo(0, 0));
  await playground.generate();

  await expect(page.getByText("Steps must be at most 50")).toBeVisible();
  await expect(page.getByText("num_inference_steps")).toHaveCount(0);
  await expect(steps).toBeFocused();
  await expect(steps).toHaveAttribute("aria-invalid", "true");
  await expect(steps).toBeInViewport();
  await expect.poll(() => isUncovered(steps)).toBe(true);
  await expect(playground.resultImages()).toHaveCount(0);
  await playground.expectAccessible("labelled setting error");
});

test("an image URL error sits at the URL field and leaves the drop zone alone", async ({
  playground,
  page,
}) => {
  await playground.open();
  const urlField = page.getByRole("textbox", { name: "Image URL" });
  await urlField.fill("ftp://example.com/photo.jpg");
  await page.getByRole("button", { name: "Use URL" }).click();
  await expect(page.getByText("Image URL must use http or https, not ftp")).toBeVisible();
  await expect(urlField).toHaveAttribute("aria-invalid", "true");
  await expect(urlField).toHaveAccessibleDescription("Image URL must use http or https, not ftp");

  // A URL that does not answer with an image (a 404 on this very site).
  await urlField.fill(new URL("/examples/missing.jpg", page.url()).toString());
  await page.getByRole("button", { name: "Use URL" }).click();
  const message = page.locator("#image-url-error");
  await expect(message).toBeVisible();
  await expect(urlField).toHaveAttribute("aria-invalid", "true");

  const dropZone = playground.dropZone();
  await expect(dropZone).not.toHaveAttribute("aria-describedby", /.+/);
  await expect(page.getByLabel("Upload image")).not.toHaveAttribute("aria-invalid", "true");
  await expect(dropZone).not.toHaveClass(/border-red/);
  // The message is under the URL field, not above it or at the drop zone.
  const fieldBox = await urlField.boundingBox();
  const messageBox = await message.boundingBox();
  expect(messageBox?.y ?? 0).toBeGreaterThan((fieldBox?.y ?? 0) + (fieldBox?.height ?? 0) - 1);
  await playground.expectAccessible("image URL error");
  await playground.screenshot("inputs-url-error");
});

test("after the file chooser closes, chosen or cancelled, focus is on the image area", async ({
  playground,
  page,
}) => {
  await playground.open();
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser"),
    playground.dropZone().click(),
  ]);
  await chooser.setFiles({
    name: "photo.png",
    mimeType: "image/png",
    buffer: await photo(320, 240),
  });
  await expect(page.getByText("320×240 px")).toBeVisible();
  await expect(page.getByRole("button", { name: "Replace", exact: true })).toBeFocused();
});

test("Ctrl+Enter generates from anywhere in the inputs", async ({ playground, page }) => {
  await playground.open();
  await playground.choosePhoto(320, 240);
  await playground.setPrompt("make it snow");
  await page.getByRole("textbox", { name: "Image URL" }).focus();
  await page.keyboard.press("Control+Enter");
  await expect(playground.resultImages()).toHaveCount(1, { timeout: 30_000 });

  await playground.openSection("Advanced settings");
  await page.getByLabel("Steps", { exact: true }).focus();
  await page.keyboard.press("Control+Enter");
  await expect(playground.resultImages()).toHaveCount(2, { timeout: 30_000 });
  // In the prompt it runs once, not twice.
  await page.getByLabel("Edit instruction").focus();
  await page.keyboard.press("Control+Enter");
  await expect(playground.resultImages()).toHaveCount(3, { timeout: 30_000 });
  await page.waitForTimeout(500);
  await expect(page.getByRole("article", { name: /^Run \d+\b/ })).toHaveCount(3);
});

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`shortcuts list (${colorScheme})`, () => {
    test.use({ colorScheme });

    test("? shows the shortcuts, but not while typing", async ({ playground, page }) => {
      await playground.open();
      await page.getByLabel("Edit instruction").fill("what?");
      await expect(page.getByLabel("Edit instruction")).toHaveValue("what?");
      const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
      await expect(dialog).toBeHidden();

      await page.getByLabel("Edit instruction").blur();
      await page.keyboard.press("?");
      await expect(dialog).toBeVisible();
      await expect(dialog.getByText("Generate", { exact: true })).toBeVisible();
      await expect(dialog.getByText("Previous or next image")).toBeVisible();
      await expect(dialog.getByText("Close the viewer")).toBeVisible();
      await playground.expectAccessible(`shortcuts (${colorScheme})`);
      await playground.screenshot(`inputs-shortcuts-${colorScheme}`, { fullPage: false });
      await page.keyboard.press("Escape");
      await expect(dialog).toBeHidden();
    });
  });
}

test("an example photo loads as the input, with its prompt", async ({ playground, page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await playground.open();
  // The examples are one compact row on the first screen, beside the drop zone and the prompt.
  const examples = page.getByRole("list", { name: "No image at hand? Try one:" });
  for (const control of [
    playground.dropZone(),
    examples,
    page.getByLabel("Edit instruction"),
    page.getByRole("button", { name: "Generate" }),
  ]) {
    await expect(control).toBeInViewport({ ratio: 1 });
  }
  expect((await examples.boundingBox())?.height ?? 0).toBeLessThanOrEqual(48);
  await expect(examples.getByRole("button")).toHaveCount(4);

  await page.getByRole("button", { name: "Use example photo: Cat" }).click();
  await expect(page.getByText("451×300 px")).toBeVisible();
  await expect(page.getByLabel("Edit instruction")).toHaveValue(
    "Put a tiny knitted wizard hat on the cat",
  );
  await runWith(playground, "Put a tiny knitted wizard hat on the cat", 1);

  // With a prompt written, the prompt is kept and the example's edit is offered.
  await page.getByRole("button", { name: "Clear", exact: true }).click();
  await playground.setPrompt("my own words");
  await page.getByRole("button", { name: "Use example photo: Astronaut" }).click();
  await expect(page.getByText("512×512 px")).toBeVisible();
  await expect(page.getByLabel("Edit instruction")).toHaveValue("my own words");
  await expect(page.getByText(/Your prompt was kept/)).toBeVisible();
  await page.getByRole("button", { name: "Use example edit" }).click();
  await expect(page.getByLabel("Edit instruction")).toHaveValue(
    "Turn this portrait into a Studio Ghibli style illustration",
  );
});

const SHOT_VIEWPORTS = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

for (const colorScheme of ["light", "dark"] as const) {
  for (const viewport of SHOT_VIEWPORTS) {
    test.describe(`inputs at ${viewport.name} (${colorScheme})`, () => {
      test.use({ colorScheme, viewport: { width: viewport.width, height: viewport.height } });

      test("example picker and error states are accessible", async ({ playground, page }) => {
        await playground.open();
        await expect(
          page.getByRole("button", { name: "Use example photo: Rocket launch" }),
        ).toBeVisible();
        await playground.expectAccessible(`example picker ${viewport.name} ${colorScheme}`);
        await playground.screenshot(`inputs-examples-${viewport.name}-${colorScheme}`, {
          fullPage: false,
        });

        await playground.generate();
        await expect(page.getByText("Add an image to edit")).toBeVisible();
        await expect(playground.dropZone()).toBeFocused();
        await playground.expectAccessible(`missing image ${viewport.name} ${colorScheme}`);
        await playground.screenshot(`inputs-errors-${viewport.name}-${colorScheme}`, {
          fullPage: false,
        });

        await page.getByRole("button", { name: "Use example photo: Rocket launch" }).click();
        await expect(page.getByText("640×427 px")).toBeVisible();
        await playground.openSection("Advanced settings");
        await page.getByLabel("Steps", { exact: true }).fill("60");
        await playground.generate();
        const steps = page.getByLabel("Steps", { exact: true });
        await expect(steps).toBeFocused();
        await expect(page.getByText("Steps must be at most 50")).toBeVisible();
        await expect.poll(() => isUncovered(steps)).toBe(true);
        await page.waitForTimeout(400);
        await playground.expectAccessible(`steps error ${viewport.name} ${colorScheme}`);
        await playground.screenshot(`inputs-steps-error-${viewport.name}-${colorScheme}`, {
          fullPage: false,
        });
      });
    });
  }
}
