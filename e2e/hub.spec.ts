import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import type { PlaygroundPage } from "./support/playground-page";

// The app reads the Hub at HF_ENDPOINT: the fake Hub scripts/fake-hub.mjs serves for this run
// (playwright.config.ts), with tests/support/fake-hub-models.ts's repositories.

/** Opens the library's "From Hugging Face…" dialog and looks `reference` up. */
async function lookUp(playground: PlaygroundPage, page: Page, reference: string) {
  const library = await playground.openLibrary();
  await library.getByRole("button", { name: "From Hugging Face…" }).click();
  const dialog = page.getByRole("dialog", { name: "LoRAs from Hugging Face" });
  await expect(dialog.getByLabel("From Hugging Face")).toBeFocused();
  await dialog.getByLabel("From Hugging Face").fill(reference);
  await dialog.getByRole("button", { name: "Look up" }).click();
  return dialog;
}

async function openBrowse(playground: PlaygroundPage, page: Page) {
  const library = await playground.openLibrary();
  await library.getByRole("button", { name: "Find Kontext LoRAs" }).click();
  const dialog = page.getByRole("dialog", { name: "LoRAs from Hugging Face" });
  await expect(dialog.getByRole("searchbox", { name: "Search" })).toBeFocused();
  return dialog;
}

const results = (page: Page) =>
  page.getByRole("list", { name: "Kontext LoRAs on Hugging Face" }).getByRole("listitem");

test("a pasted model URL shows its card and goes into the stack, its trigger offered", async ({
  playground,
  page,
}) => {
  await playground.open();
  await playground.setPrompt("Make it cute.");
  const dialog = await lookUp(
    playground,
    page,
    "https://huggingface.co/fal/Plushie-Kontext-Dev-LoRA",
  );
  const details = dialog.getByRole("article", { name: "Plushie-Kontext-Dev-LoRA" });
  await expect(details).toBeVisible();
  await expect(details.getByText("Made for FLUX.1 Kontext [dev]")).toBeVisible();
  await expect(details.getByRole("definition").first()).toContainText(
    "Convert to plushie style (From the card's instance_prompt)",
  );
  await expect(details.getByText("flux-1-dev-non-commercial-license")).toBeVisible();
  await expect(details.getByText("5,000 downloads · 90 likes")).toBeVisible();
  await expect(details.getByText("plushie-kontext-dev-lora.safetensors 306 MB")).toBeVisible();
  await playground.expectAccessible("Hub details, light");

  // Offered whatever the prompt holds: ticked, it becomes the prompt's first sentence.
  const withTrigger = details.getByRole("checkbox", {
    name: /^Also add the trigger \W*Convert to plushie style\W* to the prompt$/,
  });
  await expect(withTrigger).toBeChecked();
  await details.getByRole("button", { name: "Add to stack" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel("Edit instruction")).toHaveValue(
    "Convert to plushie style. Make it cute.",
  );

  // In the stack with its name; the trigger can be taken back, and is offered again there.
  await expect(page.getByLabel("LoRA 1 path")).toHaveValue(
    /\/fal\/Plushie-Kontext-Dev-LoRA\/resolve\/main\/plushie-kontext-dev-lora\.safetensors$/,
  );
  await expect(page.getByLabel("LoRA 1 scale", { exact: true })).toBeFocused();
  const stack = page.getByRole("region", { name: "LoRAs", exact: true });
  await expect(stack.getByText("Plushie-Kontext-Dev-LoRA", { exact: true })).toBeVisible();
  await stack.getByRole("button", { name: "Undo the trigger" }).click();
  await expect(page.getByLabel("Edit instruction")).toHaveValue("Make it cute.");
  await expect(stack.getByText("Trigger: Convert to plushie style")).toBeVisible();
  await stack.getByRole("button", { name: "Add trigger to prompt" }).click();
  await expect(page.getByLabel("Edit instruction")).toHaveValue(/Convert to plushie style/);

  // Ticked, the trigger goes into the prompt at once.
  await playground.setPrompt("");
  const again = await lookUp(playground, page, "someone/Widget-Only");
  const widget = again.getByRole("article", { name: "Widget-Only" });
  await expect(widget.getByText(/FLUX\.1 \[dev\]/).first()).toBeVisible();
  await expect(widget.getByText("2 files not usable as a LoRA")).toBeVisible();
  await expect(widget.getByRole("radio")).toHaveCount(2);
  await expect(widget.getByRole("radio", { name: /^wtrclr\.safetensors/ })).toBeChecked();
  await widget.getByText("2 files not usable as a LoRA").click();
  await expect(widget.getByText(/full-model\.safetensors is 23\.8 GB, too large/)).toBeVisible();
  await expect(widget.getByText(/old\.ckpt is not a \.safetensors file/)).toBeVisible();
  await expect(widget.getByRole("checkbox", { name: /Also add the trigger/ })).toBeChecked();
  await widget.getByRole("button", { name: "Add to stack" }).click();
  await expect(page.getByLabel("Edit instruction")).toHaveValue(
    "a watercolor painting, wtrclr style",
  );
  await expect(page.getByLabel("LoRA 2 path")).toHaveValue(/wtrclr\.safetensors$/);
});

test("browse Kontext LoRAs: search, sort, page, open, add to the library", async ({
  playground,
  page,
}) => {
  await playground.open();
  const dialog = await openBrowse(playground, page);
  await expect(results(page)).toHaveCount(20);
  await expect(results(page).first()).toContainText("Plushie-Kontext-Dev-LoRA");
  await expect(dialog.getByText("20 LoRAs shown")).toBeVisible();
  await playground.expectAccessible("Hub browse list, light");

  await dialog.getByRole("button", { name: "More" }).click();
  await expect(results(page)).toHaveCount(40);
  await dialog.getByRole("button", { name: "More" }).click();
  await expect(results(page)).toHaveCount(49);
  await expect(dialog.getByText("49 LoRAs shown — that is all")).toBeVisible();
  await expect(dialog.getByRole("button", { name: "More" })).toHaveCount(0);

  await dialog.getByLabel("Sort").selectOption("recent");
  await expect(results(page)).toHaveCount(20);
  await expect(results(page).first()).toContainText("Style-45-Kontext-LoRA");

  await dialog.getByRole("searchbox", { name: "Search" }).fill("Style-07");
  await dialog.getByRole("button", { name: "Search" }).click();
  await expect(results(page)).toHaveCount(1);
  await results(page).getByRole("button", { name: "Style-07-Kontext-LoRA" }).click();
  const details = dialog.getByRole("article", { name: "Style-07-Kontext-LoRA" });
  await expect(details.getByRole("definition").first()).toContainText("Turn this into style 7");
  await details.getByRole("button", { name: "Add to library" }).click();
  await expect(
    details.getByText("Saved to your library as “Style-07-Kontext-LoRA”."),
  ).toBeVisible();
  await details.getByRole("button", { name: "Add to library" }).click();
  await expect(
    details.getByText("Already in your library, as “Style-07-Kontext-LoRA”."),
  ).toBeVisible();

  // Back to the list as it was.
  await dialog.getByRole("button", { name: "← Back to the list" }).click();
  await expect(results(page)).toHaveCount(1);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  const library = playground.library();
  await expect(library).toBeVisible();
  await expect(
    library.getByRole("button", { name: "Add Style-07-Kontext-LoRA to stack" }),
  ).toBeVisible();
});

test("“Add to library” keeps the card's image as the LoRA's preview, across a reload", async ({
  playground,
  page,
}) => {
  await playground.open();
  const dialog = await lookUp(playground, page, "fal/Plushie-Kontext-Dev-LoRA");
  const details = dialog.getByRole("article", { name: "Plushie-Kontext-Dev-LoRA" });
  await details.getByRole("button", { name: "Add to library" }).click();
  await expect(
    details.getByText(
      "Saved to your library as “Plushie-Kontext-Dev-LoRA”. Its preview is the card's image.",
    ),
  ).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  const preview = playground.library().getByRole("img", {
    name: "Preview of Plushie-Kontext-Dev-LoRA",
  });
  await expect(preview).toHaveAttribute("src", /^data:image\/jpeg;base64,/);

  await page.reload();
  await playground.waitUntilReady();
  const library = await playground.openLibrary();
  const kept = library.getByRole("img", { name: "Preview of Plushie-Kontext-Dev-LoRA" });
  await expect(kept).toHaveAttribute("src", /^data:image\/jpeg;base64,/);
  await expect
    .poll(() => kept.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);
  await playground.expectAccessible("library with a card preview");
  await library.getByRole("button", { name: "Add Plushie-Kontext-Dev-LoRA to stack" }).click();
  // The stack row leads with that preview.
  const thumbnail = playground.loraRow(1).locator("img");
  await expect(thumbnail).toHaveAttribute("src", /^data:image\/jpeg;base64,/);
});

test("“Try on my image” sets up a scale sweep of the LoRA, cost shown", async ({
  playground,
  page,
}) => {
  await playground.open();
  await playground.choosePhoto(320, 240);
  await playground.setPrompt("Make it a plushie.");
  const dialog = await lookUp(playground, page, "fal/Plushie-Kontext-Dev-LoRA");
  await dialog.getByRole("button", { name: "Try on my image" }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByLabel("LoRA 1 path")).toHaveValue(
    /plushie-kontext-dev-lora\.safetensors$/,
  );
  await playground.openSection("Sweep");
  const sweep = page.getByRole("region", { name: "Sweep" });
  await expect(sweep.getByLabel("Vary (axis 1)")).toHaveValue("lora_scale");
  await expect(sweep.getByLabel("Values of axis 1")).toHaveValue("0, 0.5, 1, 1.5");
  await expect(sweep.getByLabel("Values of axis 1")).toBeFocused();
  await expect(sweep.getByLabel("Sweep estimate")).toContainText(/4 requests · \d+ MP · ≈ \$\d/);
  await expect(sweep.getByRole("button", { name: "Run sweep (4 cells)" })).toBeEnabled();
});

test("each failed look-up says why at the field; the library keeps working", async ({
  playground,
  page,
}) => {
  await playground.open();
  const dialog = await lookUp(playground, page, "offline/Some-LoRA");
  const field = dialog.getByLabel("From Hugging Face");
  await expect(field).toHaveAccessibleDescription(/Hugging Face cannot be reached right now/);
  await expect(field).toHaveAttribute("aria-invalid", "true");

  const cases: Array<[string, RegExp]> = [
    ["nobody/Nothing-Here", /There is no model by that name on Hugging Face/],
    ["someone/Private-LoRA", /That model is private/],
    ["not a reference", /The reference contains spaces/],
    ["https://huggingface.co/datasets/a/b", /That links to a dataset or a Space/],
  ];
  for (const [reference, message] of cases) {
    await field.fill(reference);
    await dialog.getByRole("button", { name: "Look up" }).click();
    await expect(dialog.getByText(message).first()).toBeVisible();
    await expect(field).toHaveAttribute("aria-invalid", "true");
  }

  // A gated repository can be read, with a warning: fal cannot download it without access.
  await field.fill("someone/Gated-LoRA");
  await dialog.getByRole("button", { name: "Look up" }).click();
  await expect(
    dialog.getByText("This repository is gated: fal cannot download its weights without access"),
  ).toBeVisible();
  await expect(field).not.toHaveAttribute("aria-invalid", "true");

  // The Hub being down changes nothing else.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  const library = playground.library();
  await library.getByRole("button", { name: "Add Plushie to stack" }).click();
  await expect(page.getByLabel("LoRA 1 path")).toHaveValue(/plushie/);
});

test.describe("in dark mode on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, colorScheme: "dark" });

  test("the browse list and the detail view fit and are accessible", async ({
    playground,
    page,
  }) => {
    await playground.open();
    const dialog = await openBrowse(playground, page);
    await expect(results(page)).toHaveCount(20);
    await playground.expectAccessible("Hub browse list, dark");
    await playground.screenshot("hub-browse-phone-dark", { fullPage: false });
    await results(page).first().getByRole("button").click();
    await expect(dialog.getByRole("article", { name: "Plushie-Kontext-Dev-LoRA" })).toBeVisible();
    await playground.expectAccessible("Hub details, dark");
    const box = await dialog.boundingBox();
    expect(box?.width ?? 0).toBeLessThanOrEqual(390);
    await playground.screenshot("hub-details-phone-dark", { fullPage: false });
  });
});
