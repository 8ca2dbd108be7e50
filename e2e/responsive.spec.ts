import { expect, test } from "./fixtures";

test.describe("on a small phone in dark mode", () => {
  test.use({ viewport: { width: 360, height: 780 }, colorScheme: "dark" });

  test("runs an edit end to end", async ({ playground, page }) => {
    await playground.open();
    expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(
      true,
    );
    await playground.choosePhoto(480, 640);
    await playground.setPrompt("Make it a watercolor painting");
    // The sticky generate bar repeats which backend runs the edit.
    await expect(page.getByText("Backend: Local engine")).toBeInViewport();
    await playground.generate();

    await expect(playground.resultImages()).toHaveCount(1, { timeout: 30_000 });
    const result = playground.resultImages().first();
    await result.scrollIntoViewIfNeeded();
    await expect(result).toBeVisible();
    await expect
      .poll(() => result.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
    // Nothing is wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );

    await playground.expectAccessible("phone, dark, result");
    await playground.screenshot("08-phone-dark-result");
  });
});

test("uses a result's URL as the input through the Image URL field, then runs again", async ({
  playground,
  page,
}) => {
  await playground.open();
  await playground.choosePhoto(320, 240);
  await playground.setPrompt("make it snow");
  await playground.generate();
  await expect(playground.resultImages()).toHaveCount(1, { timeout: 30_000 });

  const src = await playground.resultImages().first().getAttribute("src");
  expect(src).toMatch(/^https?:\/\//);
  await page.getByLabel("Image URL").fill(src ?? "");
  await page.getByRole("button", { name: "Use URL" }).click();
  await expect(page.getByText("From URL")).toBeVisible();
  await expect(page.getByRole("img", { name: "Input image preview" })).toHaveAttribute(
    "src",
    src ?? "",
  );

  await playground.setPrompt("now make it night");
  await playground.generate();
  await expect(playground.resultImages()).toHaveCount(2, { timeout: 30_000 });
  const newest = page.getByRole("article", { name: /^Run 2\b/ });
  await expect(newest.getByText(/^Done in/)).toBeVisible();
  await expect(
    newest.getByRole("img", { name: /^Result 1 of run 2: now make it night$/ }),
  ).toHaveCount(1);
});
