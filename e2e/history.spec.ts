import { expect, test } from "./fixtures";

const PLUSHIE =
  "https://huggingface.co/fal/Plushie-Kontext-Dev-LoRA/resolve/main/plushie-kontext-dev-lora.safetensors";

test("keeps runs, their images and the form across a reload", async ({ playground, page }) => {
  await playground.open();
  await playground.choosePhoto(320, 240);
  await playground.setPrompt("Make it a plushie.");
  await playground.addLora(PLUSHIE, 0.75);
  await playground.generate();
  await expect(playground.resultImages()).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByAltText("Input of run 1", { exact: true })).toBeVisible();
  // The draft is saved once the form has been still for a moment (400 ms).
  await page.waitForTimeout(1_000);

  await page.reload();
  await expect(page.getByRole("heading", { name: /^Run 1\b/ })).toBeVisible();
  await expect(playground.resultImages()).toHaveCount(1);
  const image = playground.resultImages().first();
  await image.scrollIntoViewIfNeeded();
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);
  await expect(page.getByLabel("Edit instruction")).toHaveValue("Make it a plushie.");
  await expect(page.getByLabel("LoRA 1 path")).toHaveValue(PLUSHIE);
  await expect(page.getByLabel("LoRA 1 scale value")).toHaveValue("0.75");
  // The input's thumbnail was saved with the run (the form's object URL is long gone).
  const thumbnail = page.getByAltText("Input of run 1", { exact: true });
  await expect(thumbnail).toBeVisible();
  await expect(thumbnail).toHaveAttribute("src", /^data:image\/jpeg;base64,/);
});

test("resumes a run that was in flight when the page reloaded", async ({ playground, page }) => {
  await playground.open();
  await playground.choosePhoto(320, 240);
  await playground.setPrompt("slow edit");
  await playground.openSection("Advanced settings");
  await page.getByLabel("Steps", { exact: true }).fill("50");
  await playground.generate();
  // Running means it was queued with a request id, which is saved before it is watched.
  await expect(page.getByText(/^Running/)).toBeVisible({ timeout: 15_000 });
  await expect(playground.resultImages()).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole("heading", { name: /^Run 1\b/ })).toBeVisible();
  await expect(playground.resultImages()).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByText(/^Done/)).toBeVisible();
  await playground.openSection("Advanced settings");
  await expect(page.getByLabel("Steps", { exact: true })).toHaveValue("50");
});
