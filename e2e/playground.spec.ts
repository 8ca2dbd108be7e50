import { readFile } from "node:fs/promises";
import sharp from "sharp";
import { expect, test } from "./fixtures";

const PLUSHIE_BLOB =
  "https://huggingface.co/fal/Plushie-Kontext-Dev-LoRA/blob/main/plushie-kontext-dev-lora.safetensors";
const PLUSHIE_RESOLVE = PLUSHIE_BLOB.replace("/blob/", "/resolve/");
const GHIBLI =
  "https://huggingface.co/Owen777/Kontext-Style-Loras/resolve/main/Ghibli_lora_weights.safetensors";

test("edits an image with two LoRAs and the chosen settings, then downloads and reuses a result", async ({
  playground,
  page,
}) => {
  await playground.open();
  await playground.expectAccessible("empty");
  await playground.screenshot("01-empty");

  await playground.choosePhoto(640, 480);
  await playground.setPrompt("Turn this image into the Ghibli style.");
  await playground.addLora(PLUSHIE_BLOB, 0.5);
  await expect(page.getByLabel("LoRA 1 path")).toHaveValue(PLUSHIE_RESOLVE);
  await playground.addLora(GHIBLI, 1.5);
  await expect(page.getByLabel("LoRA 2 scale value")).toHaveValue("1.5");

  await playground.openSection("Advanced settings");
  await page.getByLabel("Resolution mode").selectOption("16:9");
  await playground.openSection("Advanced settings");
  await page.getByRole("radio", { name: "2", exact: true }).check();
  await page.getByRole("radio", { name: /jpeg/i }).check();
  await expect(page.getByLabel("Run estimate")).toContainText("1360×768");
  await expect(page.getByLabel("Run estimate")).toContainText("$0.07");
  await playground.expectAccessible("composed");
  await playground.screenshot("02-composed");

  await playground.generate();
  await expect(playground.resultImages()).toHaveCount(2, { timeout: 30_000 });
  for (const image of await playground.resultImages().all()) {
    // Result images load lazily: bring each into view, as a person scrolling would.
    await image.scrollIntoViewIfNeeded();
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]))
      .toEqual([1360, 768]);
  }
  await expect(page.getByText(/1360×768 · JPEG/).first()).toBeVisible();
  await playground.expectAccessible("results");
  await playground.screenshot("03-results");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download result 1 of run 1", exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^kontext-\d+-1\.jpg$/);
  const bytes = await readFile((await download.path()) ?? "");
  expect([bytes[0], bytes[1], bytes[2]]).toEqual([0xff, 0xd8, 0xff]);

  await page.getByRole("button", { name: "Use result 1 of run 1 as input", exact: true }).click();
  await expect(page.getByText("1360×768 px")).toBeVisible();
  await expect(page.getByText("From a previous result")).toBeVisible();
  await playground.openSection("Advanced settings");
  await page.getByLabel("Resolution mode").selectOption("match_input");
  await playground.generate();
  await expect(playground.resultImages()).toHaveCount(4, { timeout: 30_000 });
  // Run 2 edited a result of run 1: its card links back to run 1's card.
  const parentLink = page.getByRole("button", { name: "Edited from run 1", exact: true });
  await expect(parentLink).toBeVisible();
  await parentLink.click();
  await expect(page.getByRole("heading", { name: /^Run 1\b/ })).toBeFocused();
  await expect(page.getByAltText("Input of run 1", { exact: true })).toBeVisible();
  await expect
    .poll(() =>
      page
        .getByAltText("Input of run 1", { exact: true })
        .evaluate((img: HTMLImageElement) => img.naturalWidth),
    )
    .toBeGreaterThan(0);
});

test("takes an image pasted from the clipboard and runs with Ctrl+Enter", async ({
  playground,
  page,
}) => {
  await playground.open();
  await playground.pastePhoto(400, 300);
  await expect(page.getByText("400×300 px")).toBeVisible();
  await page.getByLabel("Edit instruction").fill("make it snow");
  await page.getByLabel("Edit instruction").press("Control+Enter");
  await expect(playground.resultImages()).toHaveCount(1, { timeout: 30_000 });
});

test("cancels a queued run and a running one", async ({ playground, page }) => {
  await playground.open();
  await playground.choosePhoto(320, 240);
  await playground.setPrompt("slow edit");
  await playground.openSection("Advanced settings");
  await page.getByLabel("Steps", { exact: true }).fill("50");
  await playground.generate();
  await playground.generate();
  const cancelButtons = page.getByRole("button", { name: /^Cancel run \d+$/ });
  await expect(cancelButtons).toHaveCount(2);
  // Newest first: run 2's Cancel, then run 1's (run 2's now reads "Cancelling run 2").
  await expect(cancelButtons.first()).toHaveAccessibleName("Cancel run 2");
  await cancelButtons.first().click();
  await cancelButtons.first().click();
  await expect(page.getByText("Cancelled", { exact: true })).toHaveCount(2, { timeout: 15_000 });
  await expect(playground.resultImages()).toHaveCount(0);
  // The Cancel button that had focus went away with the run: focus is on that run's heading.
  await expect(page.getByRole("heading", { name: /^Run 1\b/ })).toBeFocused();
  await playground.screenshot("04-cancelled");
});

test("refuses a file that is not an image and keeps the form usable", async ({
  playground,
  page,
}) => {
  await playground.open();
  await playground.chooseFile("notes.txt", "text/plain", Buffer.from("just words"));
  await expect(page.getByText(/notes\.txt is not a supported image/)).toBeVisible();
  await playground.chooseFile("broken.png", "image/png", Buffer.from("not really a png"));
  await expect(page.getByText(/broken\.png could not be read as an image/)).toBeVisible();
  await playground.expectAccessible("bad file");
  await playground.screenshot("05-bad-file");
  await playground.choosePhoto(320, 240);
  await expect(page.getByText(/could not be read as an image/)).toBeHidden();
  // Clearing removes the focused button: focus goes to the empty drop zone, not <body>.
  await page.getByRole("button", { name: "Clear", exact: true }).click();
  await expect(playground.dropZone()).toBeFocused();
});

test("shows validation errors at their fields", async ({ playground, page }) => {
  await playground.open();
  await playground.generate();
  await expect(page.getByText("Add an image to edit")).toBeVisible();
  await expect(page.getByText("Write a prompt: say what to change in the image")).toBeVisible();
  // Errors are announced (polite live regions) and focus goes to the first invalid control.
  await expect(
    page.locator("[aria-live=polite]").getByText("Write a prompt: say what to change in the image"),
  ).toBeVisible();
  await expect(playground.dropZone()).toBeFocused();
  await playground.choosePhoto(320, 240);
  await playground.setPrompt("make it snow");
  await playground.openSection("Advanced settings");
  await page.getByLabel("Steps", { exact: true }).fill("60");
  await page.getByRole("button", { name: "Add LoRA" }).click();
  await page.getByLabel("LoRA 1 path").fill("fal/Plushie-Kontext-Dev-LoRA");
  await playground.generate();
  await expect(page.getByLabel("LoRA 1 path")).toBeFocused();
  await expect(page.getByLabel("Steps", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Steps must be at most 50")).toBeVisible();
  await expect(page.getByLabel("LoRA 1 path")).toHaveAttribute("aria-invalid", "true");
  await expect(playground.resultImages()).toHaveCount(0);
  await playground.expectAccessible("field errors");
  await playground.screenshot("06-field-errors");
});

test("downscales a very large photo before upload without changing the output size", async ({
  playground,
  page,
}) => {
  await playground.open();
  const large = await sharp({
    create: { width: 4000, height: 3000, channels: 3, background: "#64748b" },
  })
    .jpeg({ quality: 95 })
    .withMetadata({ orientation: 6 })
    .toBuffer();
  await playground.chooseFile("camera.jpg", "image/jpeg", large);
  // EXIF orientation 6 turns the 4000×3000 sensor image upright: 3000×4000, then downscaled.
  await expect(page.getByText(/downscaled from 3000×4000/)).toBeVisible();
  await expect(page.getByText(/^1536×2048 px/)).toBeVisible();
  await expect(page.getByLabel("Run estimate")).toContainText("1248×1664");
  await playground.setPrompt("make it snow");
  await playground.generate();
  const result = playground.resultImages().first();
  await result.scrollIntoViewIfNeeded();
  await expect
    .poll(() => result.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]))
    .toEqual([1248, 1664]);
});

test("hides images the safety checker flags until revealed, and browses results full size", async ({
  playground,
  page,
}) => {
  await playground.open();
  await playground.choosePhoto(320, 240);
  await playground.setPrompt("an nsfw edit");
  await playground.openSection("Advanced settings");
  await page.getByRole("radio", { name: "2", exact: true }).check();
  await playground.generate();
  await expect(page.getByText("Hidden: flagged by the safety checker")).toHaveCount(2, {
    timeout: 30_000,
  });
  await expect(playground.resultImages()).toHaveCount(0);
  await page.getByRole("button", { name: "Show result 1 of run 1 anyway" }).click();
  await expect(playground.resultImages()).toHaveCount(1);
  const open = page.getByRole("button", { name: "Open result 1 of run 1 full size" });
  // The revealed image takes the place (and the focus) of the button that revealed it.
  await expect(open).toBeFocused();

  await open.click();
  const viewer = page.getByRole("dialog", { name: "Result viewer" });
  await expect(viewer).toBeVisible();
  await expect(viewer).toContainText("Result 1 of run 1");
  await playground.expectAccessible("viewer");
  await playground.screenshot("07-viewer");
  await page.keyboard.press("Escape");
  await expect(viewer).toBeHidden();
  await expect(open).toBeFocused();
});

test("browses several results with the arrow keys", async ({ playground, page }) => {
  await playground.open();
  await playground.choosePhoto(320, 240);
  await playground.setPrompt("make it snow");
  await playground.openSection("Advanced settings");
  await page.getByRole("radio", { name: "3", exact: true }).check();
  await playground.generate();
  await expect(playground.resultImages()).toHaveCount(3, { timeout: 30_000 });
  await page.getByRole("button", { name: "Open result 1 of run 1 full size" }).click();
  const viewer = page.getByRole("dialog", { name: "Result viewer" });
  await page.keyboard.press("ArrowRight");
  await expect(viewer).toContainText("Result 2 of run 1");
  await page.keyboard.press("ArrowRight");
  await expect(viewer).toContainText("Result 3 of run 1");
  await page.keyboard.press("ArrowLeft");
  await expect(viewer).toContainText("Result 2 of run 1");
});

test("reports a failed run in one alert and retries it", async ({ playground, page }) => {
  let failures = 0;
  // Fault injection: the first submit through the proxy fails as an unreachable upstream would.
  await page.route("**/api/fal/proxy", async (route) => {
    const target = route.request().headers()["x-fal-target-url"] ?? "";
    if (
      route.request().method() === "POST" &&
      target.endsWith("/fal-ai/flux-kontext-lora") &&
      failures === 0
    ) {
      failures++;
      await route.fulfill({ status: 400, json: { message: "The upstream could not be reached" } });
      return;
    }
    await route.continue();
  });
  await playground.open();
  await playground.choosePhoto(320, 240);
  await playground.setPrompt("make it snow");
  await playground.generate();
  const alert = page.getByRole("alert").filter({ hasText: "The run failed" });
  await expect(alert).toContainText("The upstream could not be reached");
  await playground.expectAccessible("alert");
  await alert.getByRole("button", { name: "Retry" }).click();
  await expect(alert).toBeHidden();
  await expect(playground.resultImages()).toHaveCount(1, { timeout: 30_000 });
});
