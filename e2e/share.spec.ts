import { expect, test } from "./fixtures";
import { openSection, waitUntilReady } from "./support/playground-page";

const PLUSHIE =
  "https://huggingface.co/fal/Plushie-Kontext-Dev-LoRA/resolve/main/plushie-kontext-dev-lora.safetensors";
const PROMPT = 'Make it a plushie <script>alert("x")</script>';

test("shares a run as a link that shows and reproduces it in a fresh browser", async ({
  playground,
  page,
  browser,
}) => {
  await playground.open();
  await playground.choosePhoto(320, 240);
  await playground.setPrompt(PROMPT);
  await playground.addLora(PLUSHIE, 0.75);
  await playground.openSection("Advanced settings");
  await page.getByLabel("Steps", { exact: true }).fill("12");
  await playground.generate();
  await expect(playground.resultImages()).toHaveCount(1, { timeout: 30_000 });
  await page.getByRole("button", { name: "Share link of run 1" }).click();
  const link = await page.getByLabel("Share link of run 1").inputValue();
  expect(link).toMatch(/\/share\?r=1\./);

  // Someone else: no history, never opened the playground.
  const context = await browser.newContext();
  const fresh = await context.newPage();
  const dialogs: string[] = [];
  fresh.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await fresh.goto(link);
  await expect(fresh.getByRole("heading", { name: "A Kontext edit" })).toBeVisible();
  // The prompt is text, never markup.
  await expect(fresh.getByText(PROMPT, { exact: true })).toBeVisible();
  await expect(fresh.getByRole("list", { name: "LoRAs" })).toContainText("Plushie ×0.75");
  await expect(fresh.getByText(/12 steps · guidance 2\.5/)).toBeVisible();
  const result = fresh.getByRole("img", { name: "Result 1" });
  await expect.poll(() => result.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
  await expect(fresh.getByRole("img", { name: "Input" })).toBeVisible();
  await expect(fresh.getByRole("list", { name: "About this link" })).toContainText("local engine");

  // A pasted link previews the first result in chat apps.
  const ogImage = await fresh.locator('meta[property="og:image"]').getAttribute("content");
  expect(ogImage).toMatch(/\/api\/engine\/files\/[^/]+\.png$/);
  expect(ogImage).toBe(await result.getAttribute("src"));
  await expect(fresh.locator('meta[name="twitter:card"]')).toHaveAttribute(
    "content",
    "summary_large_image",
  );
  await expect(fresh).toHaveTitle(/^“Make it a plushie .*” · Kontext Playground$/);

  // "Open in playground" restores the recipe into the form.
  await fresh.getByRole("link", { name: "Open in playground" }).click();
  await waitUntilReady(fresh);
  await expect(fresh.getByLabel("Edit instruction")).toHaveValue(PROMPT);
  await expect(fresh.getByLabel("LoRA 1 path")).toHaveValue(PLUSHIE);
  await expect(fresh.getByLabel("LoRA 1 scale value")).toHaveValue("0.75");
  // The settings' fields are rendered once their section is opened.
  await openSection(fresh, "Advanced settings");
  await expect(fresh.getByLabel("Steps", { exact: true })).toHaveValue("12");
  await expect(fresh.getByText("320×240 px")).toBeVisible();
  expect(new URL(fresh.url()).search).toBe("");
  expect(dialogs).toEqual([]);
  await context.close();

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "A Kontext edit" })).toBeVisible();
  await playground.expectAccessible("share page");
  // The compare slider works on the share page too, by keyboard.
  await page.getByRole("button", { name: "Compare result 1 with the input" }).click();
  const dialog = page.getByRole("dialog", { name: "Compare images" });
  await expect(dialog.getByRole("img", { name: "Input", exact: true })).toBeVisible();
  const slider = dialog.getByLabel("Comparison position");
  await slider.focus();
  await page.keyboard.press("End");
  await expect(slider).toHaveValue("100");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
});

test("a truncated or tampered link gets a friendly page, not a crash", async ({
  playground,
  page,
}) => {
  await page.goto("/share?r=1.AAAA");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    /cut short|changed|holds no recipe/,
  );
  await expect(page.getByRole("link", { name: "Open Kontext Playground" })).toBeVisible();
  await page.goto("/share?r=9.abc");
  await expect(
    page.getByRole("heading", { name: "This link was made by a newer Kontext Playground" }),
  ).toBeVisible();
  await page.goto("/share");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await playground.expectAccessible("broken share link");
});

test("shows the exact request as cURL, Python and JavaScript, and the JSON", async ({
  playground,
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await playground.open();
  await playground.choosePhoto(320, 240);
  await playground.setPrompt(PROMPT);
  // Before anything is uploaded, the form's code uploads the local file first.
  await page.getByText("Code for this request").click();
  const formCode = page.getByRole("tablist", { name: "Code for this form" });
  await formCode.getByRole("tab", { name: "JavaScript" }).click();
  await expect(page.getByRole("tabpanel")).toContainText("fal.storage.upload(");

  await playground.generate();
  await expect(playground.resultImages()).toHaveCount(1, { timeout: 30_000 });
  await page.getByText("Code and JSON of run 1").click();
  const tabs = page.getByRole("tablist", { name: "Code for run 1" });
  const curl = tabs.getByRole("tab", { name: "cURL" });
  await curl.click();
  const panel = page.locator('[role="tabpanel"]').last();
  await expect(panel).toContainText("https://fal.run/fal-ai/flux-kontext-lora");
  await expect(panel).toContainText(
    '"prompt": "Make it a plushie <script>alert(\\"x\\")</script>"',
  );
  // Arrow keys move between the tabs.
  await curl.press("ArrowRight");
  await expect(tabs.getByRole("tab", { name: "Python" })).toBeFocused();
  await expect(panel).toContainText('fal_client.subscribe(\n    "fal-ai/flux-kontext-lora"');
  await tabs.getByRole("tab", { name: "Response JSON" }).click();
  await expect(panel).toContainText('"seed":');
  await page.getByRole("button", { name: "Copy Response JSON of run 1" }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(JSON.parse(copied).images).toHaveLength(1);
  await playground.expectAccessible("code panels");
});

test("shares a sweep as a link that shows its labelled grid", async ({ playground, page }) => {
  await playground.open();
  await playground.choosePhoto(320, 240);
  await playground.setPrompt("Make it a plushie.");
  await playground.addLora(PLUSHIE, 1);
  await playground.openSection("Advanced settings");
  await page.getByLabel("Steps", { exact: true }).fill("12");
  await playground.openSection("Sweep");
  const sweep = page.getByRole("region", { name: "Sweep" });
  await sweep.getByLabel("Values of axis 1").fill("0.5, 1");
  await sweep.getByRole("button", { name: "Run sweep (2 cells)" }).click();
  await expect(page.getByText("2 of 2 done")).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: /^Share link of Sweep 1/ }).click();
  const link = await page.getByLabel(/^Share link of Sweep 1/).inputValue();

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "A sweep of 2 edits" })).toBeVisible();
  await expect(page.getByRole("columnheader")).toHaveText(["×0.5", "×1"]);
  const cells = page.getByRole("img", { name: /^Cell / });
  await expect(cells).toHaveCount(2);
  for (const cell of await cells.all()) {
    await expect.poll(() => cell.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
  }
  await expect(page).toHaveTitle(/^Sweep of 2 edits: “Make it a plushie\.” · Kontext Playground$/);

  // "Open in playground" sets the sweep up again, ready to run.
  await page.getByRole("link", { name: "Open in playground" }).click();
  await waitUntilReady(page);
  await playground.openSection("Sweep");
  const form = page.getByRole("region", { name: "Sweep" });
  await expect(form.getByLabel("Vary (axis 1)")).toHaveValue("lora_scale");
  await expect(form.getByLabel("Values of axis 1")).toHaveValue("0.5, 1");
  await expect(page.getByLabel("Edit instruction")).toHaveValue("Make it a plushie.");
  await expect(page.getByLabel("LoRA 1 path")).toHaveValue(PLUSHIE);
  await expect(form.getByRole("button", { name: "Run sweep (2 cells)" })).toBeEnabled();
});
