import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { unzipSync } from "fflate";
import { readRecipe } from "@/lib/history/recipe-png";
import { expect, test } from "./fixtures";
import { openSection, type PlaygroundPage, waitUntilReady } from "./support/playground-page";

const PLUSHIE =
  "https://huggingface.co/fal/Plushie-Kontext-Dev-LoRA/resolve/main/plushie-kontext-dev-lora.safetensors";

/** Makes one run with a LoRA and 12 steps, and waits for its result. */
async function makeRun(playground: PlaygroundPage, page: Page, prompt: string): Promise<void> {
  await playground.choosePhoto(320, 240);
  await playground.setPrompt(prompt);
  await playground.addLora(PLUSHIE, 0.75);
  await playground.openSection("Advanced settings");
  await page.getByLabel("Steps", { exact: true }).fill("12");
  const before = await playground.resultImages().count();
  await playground.generate();
  await expect(playground.resultImages()).toHaveCount(before + 1, { timeout: 30_000 });
}

/** Saves what the page downloads when `action` runs, and returns its name and bytes. */
async function download(page: Page, action: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent("download"), action()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: new Uint8Array(await readFile(path)) };
}

/** Drops a file on the page, as dragging it from the desktop onto the results would. */
async function dropFile(page: Page, name: string, type: string, bytes: Uint8Array): Promise<void> {
  await page.evaluate(
    ({ name, type, data }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], name, { type }));
      const target = document.getElementById("results-panel-title") ?? document.body;
      for (const kind of ["dragenter", "dragover", "drop"]) {
        target.dispatchEvent(
          new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
      }
    },
    { name, type, data: [...bytes] },
  );
}

test("exports a run as a zip holding its images and a sidecar with the exact request", async ({
  playground,
  page,
}) => {
  await playground.open();
  await makeRun(playground, page, "Make it a plushie.");
  const zip = await download(page, () =>
    page.getByRole("button", { name: "Export run 1 as zip" }).click(),
  );
  expect(zip.name).toMatch(/^kontext-run-\d+\.zip$/);
  const files = unzipSync(zip.bytes);
  const names = Object.keys(files).sort();
  expect(names).toHaveLength(3);
  expect(names[0]).toMatch(/^images\/.+-1\.png$/);
  expect(names.slice(1)).toEqual(["manifest.json", expect.stringMatching(/^runs\/.+\.json$/)]);
  const sidecar = JSON.parse(new TextDecoder().decode(files[names[2] as string]));
  expect(sidecar.run.request).toMatchObject({
    prompt: "Make it a plushie.",
    num_inference_steps: 12,
    loras: [{ path: PLUSHIE, scale: 0.75 }],
  });
  expect(sidecar.run.response.images).toHaveLength(1);
  expect(sidecar.images[0].file).toBe(names[0]);
  const recipe = readRecipe(files[names[0] as string] as Uint8Array);
  expect(recipe.ok && recipe.request.prompt).toBe("Make it a plushie.");
});

test("a downloaded PNG dropped on a fresh playground restores its settings", async ({
  playground,
  page,
  browser,
}) => {
  await playground.open();
  await makeRun(playground, page, "Turn it into a plushie.");
  const png = await download(page, () =>
    page.getByRole("button", { name: "Download result 1 of run 1" }).click(),
  );
  expect(png.name).toMatch(/\.png$/);

  // Someone else, with no history at all.
  const context = await browser.newContext();
  const fresh = await context.newPage();
  await fresh.goto(page.url());
  await waitUntilReady(fresh);
  await expect(fresh.getByLabel("Edit instruction")).toHaveValue("");
  await dropFile(fresh, png.name, "image/png", png.bytes);
  await expect(fresh.getByText(`Settings restored from ${png.name}`)).toBeVisible();
  await expect(fresh.getByLabel("Edit instruction")).toHaveValue("Turn it into a plushie.");
  await expect(fresh.getByLabel("LoRA 1 path")).toHaveValue(PLUSHIE);
  await expect(fresh.getByLabel("LoRA 1 scale value")).toHaveValue("0.75");
  // The settings' fields are rendered once their section is opened.
  await openSection(fresh, "Advanced settings");
  await expect(fresh.getByLabel("Steps", { exact: true })).toHaveValue("12");
  // The recipe's input image came back too.
  await expect(fresh.getByText("320×240 px")).toBeVisible();
  await context.close();
});

test("importing an export zip restores its runs into another browser's history", async ({
  playground,
  page,
  browser,
}) => {
  await playground.open();
  await makeRun(playground, page, "first edit");
  await makeRun(playground, page, "second edit");
  const zip = await download(page, () => page.getByRole("button", { name: "Export all" }).click());

  const context = await browser.newContext();
  const fresh = await context.newPage();
  await fresh.goto(page.url());
  await waitUntilReady(fresh);
  await fresh.getByLabel("Import runs or settings").setInputFiles({
    name: zip.name,
    mimeType: "application/zip",
    buffer: Buffer.from(zip.bytes),
  });
  await expect(fresh.getByText(`Imported 2 runs from ${zip.name}`)).toBeVisible();
  await expect(fresh.getByRole("heading", { name: /^Run 1\b/ })).toBeVisible();
  await expect(fresh.getByRole("heading", { name: /^Run 2\b/ })).toBeVisible();
  await expect(fresh.getByRole("article").getByText("second edit", { exact: true })).toBeVisible();
  // Shown from the imported copies, and still there after a reload.
  await fresh.reload();
  const images = fresh.getByRole("img", { name: /^Result 1 of run \d+/ });
  await expect(images).toHaveCount(2);
  for (const image of await images.all()) {
    await image.scrollIntoViewIfNeeded();
    await expect(image).toHaveAttribute("src", /^blob:/, { timeout: 10_000 });
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
  }
  await context.close();
});

test("a corrupt or foreign file gets a clear message and changes nothing", async ({
  playground,
  page,
}) => {
  await playground.open();
  await makeRun(playground, page, "keep me");
  const importer = page.getByLabel("Import runs or settings");
  await importer.setInputFiles({
    name: "broken.zip",
    mimeType: "application/zip",
    buffer: Buffer.from("PK\u0003\u0004 this is not really a zip"),
  });
  await expect(
    page.getByRole("alert").filter({ hasText: /^broken\.zip was not imported: / }),
  ).toBeVisible();
  await importer.setInputFiles({
    name: "notes.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"hello": "world"}'),
  });
  await expect(
    page.getByRole("alert").filter({ hasText: /^notes\.json was not used: / }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Run \d+\b/ })).toHaveCount(1);
  await expect(page.getByLabel("Edit instruction")).toHaveValue("keep me");
  await playground.expectAccessible("import refused");
});

test("results still show after their URLs stop working", async ({ playground, page }) => {
  await playground.open();
  await makeRun(playground, page, "keep the pixels");
  // The result is cached in the browser once it arrives.
  await page.waitForTimeout(500);
  // The engine forgets its files (a wiped engine, or fal's URLs expiring).
  await page.route("**/api/engine/files/**", (route) => route.fulfill({ status: 404 }));
  await page.reload();
  const image = playground.resultImages().first();
  await expect(image).toHaveAttribute("src", /^blob:/);
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
  await expect(page.getByAltText("Input of run 1", { exact: true })).toBeVisible();
});
