import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const SHOTS = "/work/notes/shots/ws-shell";

/** Fails unless the element's whole box lies inside the viewport. */
async function expectWhollyOnScreen(page: Page, locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  expect(box, `${what} has a box`).not.toBeNull();
  expect(viewport).not.toBeNull();
  if (!box || !viewport) return;
  expect(box.x, `${what}: left edge`).toBeGreaterThanOrEqual(0);
  expect(box.y, `${what}: top edge`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what}: right edge`).toBeLessThanOrEqual(viewport.width + 0.5);
  expect(box.y + box.height, `${what}: bottom edge`).toBeLessThanOrEqual(viewport.height + 0.5);
}

/** Fails unless the element is not clipped by the scroll box it is in. */
async function expectWhollyInside(locator: Locator, box: Locator, what: string): Promise<void> {
  const inner = await locator.boundingBox();
  const outer = await box.boundingBox();
  expect(inner && outer, `${what} and its box`).toBeTruthy();
  if (!inner || !outer) return;
  expect(inner.y, `${what}: top edge`).toBeGreaterThanOrEqual(outer.y - 0.5);
  expect(inner.y + inner.height, `${what}: bottom edge`).toBeLessThanOrEqual(
    outer.y + outer.height + 0.5,
  );
}

/** The page itself does not scroll: everything scrolls inside its panels. */
async function pageScroll(page: Page) {
  return page.evaluate(() => ({
    y: document.documentElement.scrollHeight - window.innerHeight,
    x: document.documentElement.scrollWidth - window.innerWidth,
  }));
}

const stage = (page: Page) => page.getByRole("region", { name: "Stage" });
const stageImages = (page: Page) => stage(page).getByRole("img", { name: /^Image \d+ of run \d+/ });

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

test.describe("desktop workspace at 1440×900", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("shows the whole first loop on a first visit, without scrolling", async ({
    playground,
    page,
  }) => {
    await playground.open();
    // The local-engine hint is shown on a first visit, and still everything fits.
    await expect(page.getByRole("complementary", { name: "About the local engine" })).toBeVisible();
    await expectWhollyOnScreen(page, playground.dropZone(), "drop zone");
    await expectWhollyOnScreen(page, page.getByLabel("Edit instruction"), "prompt");
    const addLora = page.getByRole("button", { name: "Add LoRA" });
    await expectWhollyOnScreen(page, addLora, "Add LoRA");
    // …and not cut off by the inputs panel, which scrolls on its own.
    const inputs = page.getByTestId("inputs-scroll");
    await expectWhollyInside(addLora, inputs, "Add LoRA in the inputs panel");
    await expectWhollyInside(
      page.getByLabel("Edit instruction"),
      inputs,
      "the prompt in the panel",
    );
    expect(await inputs.evaluate((node) => node.scrollTop)).toBe(0);
    await expectWhollyOnScreen(page, page.getByRole("button", { name: "Generate" }), "Generate");
    await expectWhollyOnScreen(page, page.getByLabel("Run estimate"), "size and price");
    expect(await pageScroll(page)).toEqual({ x: 0, y: 0 });
    // The sections a first-timer does not need are collapsed.
    for (const id of ["section-settings", "section-sweep", "section-code"]) {
      await expect(page.locator(`#${id}`)).not.toHaveAttribute("open", "");
    }
    await playground.expectAccessible("workspace, first visit, light");
    await shot(page, "desktop-light-first-visit");
    await page.emulateMedia({ colorScheme: "dark" });
    await playground.expectAccessible("workspace, first visit, dark");
    await shot(page, "desktop-dark-first-visit");
  });

  test("keeps Generate and the finished result in view with the inputs scrolled to their end", async ({
    playground,
    page,
  }) => {
    await playground.open();
    await playground.choosePhoto(1600, 1200);
    await playground.setPrompt("Make it a watercolor painting");
    await playground.openSection("Advanced settings");
    await playground.openSection("Sweep");
    await playground.openSection("API/code");
    const inputs = page.getByTestId("inputs-scroll");
    await inputs.evaluate((node) => node.scrollTo(0, node.scrollHeight));
    expect(await inputs.evaluate((node) => node.scrollTop)).toBeGreaterThan(300);
    const generate = page.getByRole("button", { name: "Generate" });
    await expectWhollyOnScreen(page, generate, "Generate with the inputs scrolled");
    await generate.click();

    // While it runs, the stage shows a placeholder with progress and Cancel.
    await expect(
      stage(page).getByRole("button", { name: /^Cancel run 1 on the stage$/ }),
    ).toBeVisible();
    await expect(stageImages(page)).toHaveCount(1, { timeout: 30_000 });
    const image = stageImages(page).first();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete)).toBe(true);
    await expectWhollyOnScreen(page, image, "the finished result");
    await expectWhollyOnScreen(
      page,
      stage(page).getByRole("button", { name: "Download image 1 of run 1" }),
      "its Download",
    );
    expect(await inputs.evaluate((node) => node.scrollTop)).toBeGreaterThan(300);
    expect(await pageScroll(page)).toEqual({ x: 0, y: 0 });
    await playground.expectAccessible("workspace, result, light");
    await shot(page, "desktop-light-result");

    // Before/after swaps in the input; More holds the other actions.
    await stage(page).getByRole("button", { name: "Before" }).click();
    await expect(stage(page).getByRole("img", { name: "Input of run 1 (before)" })).toBeVisible();
    await stage(page).getByRole("button", { name: "After" }).click();
    await stage(page).getByRole("button", { name: "More actions for image 1 of run 1" }).click();
    const more = page.getByRole("region", { name: "More actions for image 1 of run 1" });
    await expect(
      more.getByRole("button", { name: "Use result 1 of run 1 as input" }),
    ).toBeVisible();
    await expectWhollyOnScreen(page, more, "the More menu");
    await page.emulateMedia({ colorScheme: "dark" });
    await playground.expectAccessible("workspace, More menu, dark");
    await shot(page, "desktop-dark-more-menu");
    await page.keyboard.press("Escape");
    await expect(more).toBeHidden();
  });

  test("shows a run picked from the history on the stage, and a new run replaces it", async ({
    playground,
    page,
  }) => {
    await playground.open();
    await playground.choosePhoto(640, 480);
    for (const prompt of ["Make it snow", "Make it rain"]) {
      await playground.setPrompt(prompt);
      await playground.generate();
      await expect(stage(page).getByText(prompt, { exact: true }).first()).toBeVisible();
    }
    await expect(page.getByRole("heading", { name: /^Run 2\b.*done/ })).toBeVisible({
      timeout: 30_000,
    });
    await playground.showOnStage(1);
    await expect(stage(page).getByText("Make it snow", { exact: true }).first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Show run 1 on stage" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await expect(stageImages(page).first()).toHaveAccessibleName(/^Image 1 of run 1:/);

    await playground.setPrompt("Make it night");
    await playground.generate();
    await expect(stage(page).getByText("Make it night", { exact: true }).first()).toBeVisible();
  });
});

test.describe("phone workspace at 390×844", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("Generate shows the result view; the finished result is on screen without scrolling", async ({
    playground,
    page,
  }) => {
    await playground.open();
    await expect(page.getByRole("tab", { name: "Edit" })).toHaveAttribute("aria-selected", "true");
    await shot(page, "phone-light-first-visit");
    await playground.choosePhoto(1200, 1600);
    await playground.setPrompt("Make it a watercolor painting");
    await playground.generate();
    await expect(page.getByRole("tab", { name: "Result" })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    await expect(stageImages(page)).toHaveCount(1, { timeout: 30_000 });
    const image = stageImages(page).first();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete)).toBe(true);
    await expectWhollyOnScreen(page, image, "the finished result");
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await playground.expectAccessible("phone, result, light");
    await shot(page, "phone-light-result");
    await page.emulateMedia({ colorScheme: "dark" });
    await playground.expectAccessible("phone, result, dark");
    await shot(page, "phone-dark-result");
  });

  test("the Edit and Result tabs follow the tabs pattern: arrow keys, Home and End", async ({
    playground,
    page,
  }) => {
    await playground.open();
    const edit = page.getByRole("tab", { name: "Edit" });
    const result = page.getByRole("tab", { name: "Result" });
    // Each panel is labelled by its tab and named by its tab's aria-controls; the other is hidden.
    const panel = (name: string) => page.getByRole("tabpanel", { name, includeHidden: true });
    await expect(panel("Edit")).toHaveCount(1);
    await expect(panel("Result")).toHaveCount(1);
    await expect(edit).toHaveAttribute(
      "aria-controls",
      (await panel("Edit").getAttribute("id")) ?? "",
    );
    await expect(panel("Edit")).toBeVisible();
    await expect(panel("Result")).toBeHidden();
    await edit.focus();
    await page.keyboard.press("ArrowRight");
    await expect(result).toBeFocused();
    await expect(result).toHaveAttribute("aria-selected", "true");
    await expect(panel("Result")).toBeVisible();
    await expect(panel("Edit")).toBeHidden();
    await page.keyboard.press("Home");
    await expect(edit).toBeFocused();
    await expect(edit).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("End");
    await expect(result).toHaveAttribute("aria-selected", "true");
    // Only the selected tab is a tab stop: Tab leaves the list.
    await page.keyboard.press("Shift+Tab");
    await expect(edit).not.toBeFocused();
    await expect(result).not.toBeFocused();
  });

  test("a run that finishes while editing raises Result ready, which shows it", async ({
    playground,
    page,
  }) => {
    await playground.open();
    await playground.choosePhoto(640, 480);
    await playground.setPrompt("Make it snow");
    await playground.generate();
    await playground.showView("Edit");
    const ready = page.getByRole("button", { name: /^Result ready/ });
    await expect(ready).toBeVisible({ timeout: 30_000 });
    await expectWhollyOnScreen(page, ready, "Result ready");
    await page.emulateMedia({ colorScheme: "dark" });
    await playground.expectAccessible("phone, result ready, dark");
    await shot(page, "phone-dark-result-ready");
    await ready.click();
    await expect(page.getByRole("tab", { name: "Result" })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    await expectWhollyOnScreen(page, stageImages(page).first(), "the result");
    await expect(ready).toBeHidden();
  });
});

test.describe("small phone at 360×740", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("never scrolls sideways, in either view", async ({ playground, page }) => {
    await playground.open();
    await playground.openSection("Advanced settings");
    await playground.openSection("Sweep");
    expect((await pageScroll(page)).x).toBe(0);
    await playground.choosePhoto(640, 480);
    await playground.setPrompt("Make it snow");
    await playground.generate();
    await expect(stageImages(page)).toHaveCount(1, { timeout: 30_000 });
    expect((await pageScroll(page)).x).toBe(0);
    await page.emulateMedia({ colorScheme: "dark" });
    await playground.expectAccessible("small phone, result, dark");
  });
});

test.describe("tablet at 820×1180", () => {
  test.use({ viewport: { width: 820, height: 1180 } });

  test("stacks the stage over the history beside the inputs", async ({ playground, page }) => {
    await playground.open();
    await expect(page.getByRole("tab", { name: "Edit" })).toBeHidden();
    await playground.choosePhoto(640, 480);
    await playground.setPrompt("Make it snow");
    await playground.generate();
    await expect(stageImages(page)).toHaveCount(1, { timeout: 30_000 });
    await expectWhollyOnScreen(page, stageImages(page).first(), "the result");
    await expectWhollyOnScreen(page, page.getByRole("button", { name: "Generate" }), "Generate");
    await shot(page, "tablet-light-result");
  });
});
