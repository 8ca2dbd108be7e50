import { readFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
import { KNOWN_LORAS } from "@/lib/kontext/known-loras";
import { expect, test } from "./fixtures";
import { type PlaygroundPage, waitUntilReady } from "./support/playground-page";

const PLUSHIE =
  "https://huggingface.co/fal/Plushie-Kontext-Dev-LoRA/resolve/main/plushie-kontext-dev-lora.safetensors";
const NEON_BLOB = "https://huggingface.co/me/neon/blob/main/neon.safetensors";
const NEON = "https://huggingface.co/me/neon/resolve/main/neon.safetensors";
const CURATED = KNOWN_LORAS.length;

interface SavedLora {
  name: string;
  url: string;
  trigger: string;
  scale: string;
  tags?: string;
  notes?: string;
}

const NEON_LORA: SavedLora = {
  name: "Neon glow",
  url: NEON_BLOB,
  trigger: "Make it glow with neon light",
  scale: "1.3",
  tags: "neon, light",
  notes: "Best on night scenes.",
};

/** Fills the library's "Save a LoRA" form and saves it. */
async function saveLora(library: Locator, lora: SavedLora): Promise<void> {
  await library.getByRole("button", { name: "Save a LoRA" }).click();
  const form = library.getByRole("form", { name: "Save a LoRA" });
  await form.getByLabel("Name").fill(lora.name);
  await form.getByLabel("Weight-file URL").fill(lora.url);
  await form.getByLabel("Trigger prompt").fill(lora.trigger);
  await form.getByLabel("Default scale").fill(lora.scale);
  await form.getByLabel("Tags").fill(lora.tags ?? "");
  await form.getByLabel("Notes").fill(lora.notes ?? "");
  await form.getByRole("button", { name: "Save LoRA" }).click();
  await expect(form).toBeHidden();
  await expect(library.getByText(`Saved ${lora.name} to your library`)).toBeVisible();
}

/** The library's list of the person's own LoRAs. */
function savedList(library: Locator): Locator {
  return library.getByRole("list", { name: /^Your LoRAs/ });
}

/** Saves what the page downloads when `action` runs, and returns its name and text. */
async function download(page: Page, action: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent("download"), action()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), "utf8") };
}

/** Chooses a file through "Import library…", as a person would. */
async function importFile(page: Page, library: Locator, name: string, text: string) {
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser"),
    library.getByRole("button", { name: "Import library…" }).click(),
  ]);
  await chooser.setFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
}

/** Makes one run (12 steps) with the LoRAs already in the stack, and waits for its result. */
async function makeRun(playground: PlaygroundPage, page: Page): Promise<void> {
  await playground.openSection("Advanced settings");
  await page.getByLabel("Steps", { exact: true }).fill("12");
  const before = await playground.resultImages().count();
  await playground.generate();
  await expect(playground.resultImages()).toHaveCount(before + 1, { timeout: 30_000 });
}

test("finds curated LoRAs by tag and search, and adds one with its trigger prompt", async ({
  playground,
  page,
}) => {
  await playground.open();
  const library = await playground.openLibrary();
  await expect(library.getByLabel("Search the library")).toBeFocused();
  await expect(library.getByText(`All ${CURATED} LoRAs`)).toBeVisible();
  await expect(library.getByText("FLUX.1 [dev] Non-Commercial").first()).toBeVisible();
  await playground.expectAccessible("library open");
  await playground.screenshot("library-01-open");

  // Tags narrow the list; every chosen tag must match.
  const product = library.getByRole("button", { name: "product", exact: true });
  await product.click();
  await expect(product).toHaveAttribute("aria-pressed", "true");
  await library.getByRole("button", { name: "3d", exact: true }).click();
  await expect(library.getByText(`2 of ${CURATED} LoRAs shown`)).toBeVisible();
  const curated = library.getByRole("list", { name: /^Curated LoRAs/ });
  await expect(curated.getByRole("listitem")).toHaveCount(2);
  await expect(curated.getByRole("button", { name: "Add 3D game asset to stack" })).toBeVisible();
  await expect(
    curated.getByRole("button", { name: "Add Metallic product shot to stack" }),
  ).toBeVisible();
  await library.getByLabel("Search the library").fill("metallic");
  await expect(library.getByText(`1 of ${CURATED} LoRAs shown`)).toBeVisible();
  await library.getByLabel("Search the library").fill("plushie");
  await expect(library.getByText("No LoRA in the library matches.")).toBeVisible();
  await library.getByRole("button", { name: "Clear search and tags" }).click();
  await expect(product).toHaveAttribute("aria-pressed", "false");
  await expect(library.getByText(`All ${CURATED} LoRAs`)).toBeVisible();

  // The arrow keys go from the search box through the "Add to stack" buttons.
  await library.getByLabel("Search the library").focus();
  await page.keyboard.press("ArrowDown");
  await expect(library.getByRole("button", { name: "Add Ghibli style to stack" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(library.getByRole("button", { name: "Add Van Gogh style to stack" })).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect(library.getByLabel("Search the library")).toBeFocused();

  // One click: into the stack, with its trigger as the (empty) prompt.
  await library.getByLabel("Search the library").fill("plushie");
  await expect(library.getByLabel("Also put its trigger prompt in the prompt")).toBeChecked();
  await library.getByRole("button", { name: "Add Plushie to stack" }).click();
  await expect(playground.library()).toBeHidden();
  await expect(page.getByLabel("LoRA 1 path")).toHaveValue(PLUSHIE);
  await expect(page.getByLabel("LoRA 1 scale", { exact: true })).toBeFocused();
  await expect(page.getByLabel("LoRA 1 scale value")).toHaveValue("1");
  await expect(page.getByLabel("Edit instruction")).toHaveValue("Convert to plushie style");

  // With a prompt, the trigger still comes first — said, with an Undo.
  const again = await playground.openLibrary();
  await expect(again.getByLabel("Also put its trigger prompt in the prompt")).toBeChecked();
  await again.getByRole("button", { name: "Add 3D game asset to stack" }).click();
  await expect(page.getByLabel("LoRA 2 scale value")).toHaveValue("0.9");
  await expect(page.getByLabel("Edit instruction")).toHaveValue(
    "Create 3D game asset, isometric view version. Convert to plushie style",
  );
  await expect(
    page.getByText("Added 3D game asset; its trigger now starts the prompt."),
  ).toBeVisible();
  await page.getByRole("button", { name: "Undo the trigger" }).click();
  await expect(page.getByLabel("Edit instruction")).toHaveValue("Convert to plushie style");
  await expect(page.getByText("The prompt is as it was.")).toBeVisible();
  // Unticked, the prompt is left alone.
  const third = await playground.openLibrary();
  await third.getByLabel("Also put its trigger prompt in the prompt").uncheck();
  await third.getByRole("button", { name: "Add Ghibli style to stack" }).click();
  await expect(page.getByLabel("Edit instruction")).toHaveValue("Convert to plushie style");
  await expect(
    page.getByText("Added Ghibli style; its trigger was not put in the prompt."),
  ).toBeVisible();
  // Esc closes the library and gives focus back to its button.
  await playground.openLibrary();
  await page.keyboard.press("Escape");
  await expect(playground.library()).toBeHidden();
  await expect(page.getByRole("button", { name: "LoRA library", exact: true })).toBeFocused();
});

test("saves your own LoRA, shows errors at their fields, and keeps it across a reload", async ({
  playground,
  page,
}) => {
  await playground.open();
  const library = await playground.openLibrary();
  await library.getByRole("button", { name: "Save a LoRA" }).click();
  const form = library.getByRole("form", { name: "Save a LoRA" });
  await expect(form.getByLabel("Name")).toBeFocused();
  await form.getByLabel("Weight-file URL").fill("me/neon");
  await form.getByLabel("Default scale").fill("9");
  await form.getByRole("button", { name: "Save LoRA" }).click();
  await expect(form.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Name")).toBeFocused();
  await expect(form.getByText("Enter a name")).toBeVisible();
  await expect(form.getByText(/^Use the weight file's URL, e\.g\./)).toBeVisible();
  await expect(form.getByText("Enter a scale from 0 to 4")).toBeVisible();
  await playground.expectAccessible("library form with errors");
  await form.getByRole("button", { name: "Cancel" }).click();
  await expect(library.getByRole("button", { name: "Save a LoRA" })).toBeFocused();

  await saveLora(library, NEON_LORA);
  const mine = savedList(library);
  await expect(mine.getByRole("button", { name: "Add Neon glow to stack" })).toBeVisible();
  await expect(mine.getByText("Best on night scenes.")).toBeVisible();
  await expect(mine.getByText("scale 1.3")).toBeVisible();

  await page.reload();
  const reloaded = await playground.openLibrary();
  await expect(
    savedList(reloaded).getByRole("button", { name: "Add Neon glow to stack" }),
  ).toBeVisible();
  // Less used tags are one click away.
  await expect(reloaded.getByRole("button", { name: "neon", exact: true })).toHaveCount(0);
  await reloaded.getByRole("button", { name: /^More tags/ }).click();
  await reloaded.getByRole("button", { name: "neon", exact: true }).click();
  await expect(reloaded.getByText(`1 of ${CURATED + 1} LoRAs shown`)).toBeVisible();

  // Edit it, then add it to the stack: the normalised URL, its scale and its trigger.
  await reloaded.getByRole("button", { name: "Edit Neon glow" }).click();
  const edit = reloaded.getByRole("form", { name: "Edit Neon glow" });
  await expect(edit.getByLabel("Weight-file URL")).toHaveValue(NEON);
  await edit.getByLabel("Default scale").fill("1.5");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(savedList(reloaded).getByText("scale 1.5")).toBeVisible();
  await reloaded.getByRole("button", { name: "Add Neon glow to stack" }).click();
  await expect(page.getByLabel("LoRA 1 path")).toHaveValue(NEON);
  await expect(page.getByLabel("LoRA 1 scale value")).toHaveValue("1.5");
  await expect(page.getByLabel("Edit instruction")).toHaveValue("Make it glow with neon light");

  // Deleting asks first.
  const last = await playground.openLibrary();
  await last.getByRole("button", { name: "Delete Neon glow" }).click();
  await expect(last.getByText("Delete Neon glow from your library?")).toBeVisible();
  await last.getByRole("button", { name: "Delete Neon glow" }).click();
  await expect(last.getByText("Deleted Neon glow from your library")).toBeVisible();
  await expect(savedList(last)).toHaveCount(0);
});

test("exports the library as JSON that imports into a fresh browser; a bad file changes nothing", async ({
  playground,
  page,
  browser,
}) => {
  await playground.open();
  const library = await playground.openLibrary();
  await saveLora(library, NEON_LORA);
  const file = await download(page, () =>
    library.getByRole("button", { name: "Export library" }).click(),
  );
  expect(file.name).toMatch(/^kontext-lora-library-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(file.text);
  expect(exported).toMatchObject({
    format: "kontext-playground/lora-library",
    version: 1,
    loras: [{ name: "Neon glow", path: NEON, scale: 1.3, tags: ["neon", "light"] }],
  });

  const context = await browser.newContext();
  const fresh = await context.newPage();
  await fresh.goto(page.url());
  await waitUntilReady(fresh);
  const toggle = fresh.getByRole("button", { name: "LoRA library", exact: true });
  await toggle.click();
  const freshLibrary = fresh.getByRole("dialog", { name: "LoRA library" });
  await expect(freshLibrary.getByRole("list", { name: /^Your LoRAs/ })).toHaveCount(0);

  // A damaged file is refused, naming the entry, and nothing changes.
  const broken = { ...exported, loras: [...exported.loras, { ...exported.loras[0], name: "" }] };
  await importFile(fresh, freshLibrary, "broken.json", JSON.stringify(broken));
  await expect(freshLibrary.getByRole("alert")).toHaveText(
    /broken\.json was not imported: LoRA 2 is invalid: 'name': Enter a name\. Your library is unchanged\./,
  );
  await importFile(fresh, freshLibrary, "notes.json", "{ not json");
  await expect(freshLibrary.getByRole("alert")).toHaveText(
    /notes\.json was not imported: This file is not valid JSON\. Your library is unchanged\./,
  );
  await expect(freshLibrary.getByRole("list", { name: /^Your LoRAs/ })).toHaveCount(0);
  await expect(freshLibrary.getByText(`All ${CURATED} LoRAs`)).toBeVisible();

  await importFile(fresh, freshLibrary, file.name, file.text);
  await expect(freshLibrary.getByText(`Imported ${file.name}: 1 added, 0 updated`)).toBeVisible();
  const mine = freshLibrary.getByRole("list", { name: /^Your LoRAs/ });
  await expect(mine.getByRole("button", { name: "Add Neon glow to stack" })).toBeVisible();
  // Importing it again updates nothing and duplicates nothing.
  await importFile(fresh, freshLibrary, file.name, file.text);
  await expect(
    freshLibrary.getByText(`Imported ${file.name}: 0 added, 0 updated, 1 already in your library`),
  ).toBeVisible();
  await expect(mine.getByRole("listitem")).toHaveCount(1);
  // And it was saved in that browser.
  await fresh.reload();
  await toggle.click();
  await expect(mine.getByRole("button", { name: "Add Neon glow to stack" })).toBeVisible();
  await context.close();
});

test("pins a result as a LoRA's preview, shown in the library and after a reload", async ({
  playground,
  page,
}) => {
  await playground.open();
  await playground.choosePhoto(320, 240);
  const library = await playground.openLibrary();
  await library.getByLabel("Search the library").fill("plushie");
  await library.getByRole("button", { name: "Add Plushie to stack" }).click();
  await makeRun(playground, page);

  // One LoRA: pinned at once.
  await page.getByRole("button", { name: "Pin result 1 of run 1 as LoRA preview" }).click();
  await expect(page.getByText("Pinned as the preview of Plushie")).toBeVisible();
  await playground.openLibrary();
  const preview = library.getByRole("img", { name: "Preview of Plushie" });
  await expect(preview).toBeVisible();
  await expect(preview).toHaveAttribute("src", /^data:image\/jpeg;base64,/);
  await expect
    .poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);
  await library.getByLabel("Search the library").fill("");
  await playground.closeLibrary();

  // Two LoRAs: it asks which; one in neither list joins the library with its preview.
  await playground.addLora(NEON, 0.6);
  await makeRun(playground, page);
  const pin = page.getByRole("button", { name: "Pin result 1 of run 2 as LoRA preview" });
  await pin.click();
  await expect(pin).toHaveAttribute("aria-expanded", "true");
  const choices = page.getByRole("group", { name: "Pin result 1 of run 2 as the preview of" });
  await expect(choices.getByRole("button", { name: "Plushie" })).toBeFocused();
  await choices.getByRole("button", { name: "neon" }).click();
  await expect(
    page.getByText("Pinned as the preview of neon, now in your LoRA library"),
  ).toBeVisible();
  await expect(pin).toBeFocused();

  const open = await playground.openLibrary();
  const mine = savedList(open);
  await expect(mine.getByRole("button", { name: "Add neon to stack" })).toBeVisible();
  await expect(mine.getByRole("img", { name: "Preview of neon" })).toBeVisible();
  await playground.expectAccessible("library with previews");
  await playground.screenshot("library-02-previews");

  await page.reload();
  const reloaded = await playground.openLibrary();
  await expect(reloaded.getByRole("img", { name: "Preview of Plushie" })).toHaveAttribute(
    "src",
    /^data:image\/jpeg;base64,/,
  );
  await expect(reloaded.getByRole("img", { name: "Preview of neon" })).toBeVisible();
  await reloaded.getByRole("button", { name: "Remove the preview of Plushie" }).click();
  await expect(reloaded.getByRole("img", { name: "Preview of Plushie" })).toHaveCount(0);
  await expect(reloaded.getByText("Removed the preview of Plushie")).toBeVisible();
});

test.describe("on a small phone in dark mode", () => {
  test.use({ viewport: { width: 360, height: 780 }, colorScheme: "dark" });

  test("the library fits the screen and is accessible", async ({ playground, page }) => {
    await playground.open();
    const library = await playground.openLibrary();
    await saveLora(library, NEON_LORA);
    await library.getByRole("button", { name: "Save a LoRA" }).click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await playground.expectAccessible("phone, dark, library");
    await library.scrollIntoViewIfNeeded();
    await playground.screenshot("library-03-phone-dark");
  });
});
