// The few playground steps the benchmarks take, by accessible role and label as a person (and
// e2e/support/playground-page.ts) would. When the UI's names change, update them here only.
import sharp from "sharp";

/** A two-colour PNG photo, as the end-to-end tests use. */
export async function photo(width = 640, height = 480) {
  return sharp({ create: { width, height, channels: 3, background: "#3b82f6" } })
    .composite([
      {
        input: {
          create: { width: Math.floor(width / 2), height, channels: 3, background: "#f97316" },
        },
        left: 0,
        top: 0,
      },
    ])
    .png()
    .toBuffer();
}

/** Opens the playground and waits until it has hydrated (the page's own ready flag). */
export async function openPlayground(page, origin) {
  await page.goto(origin);
  await page.getByRole("button", { name: "Generate" }).waitFor();
  await page.waitForFunction(() => document.documentElement.dataset.playgroundReady === "true");
}

/** Chooses a photo and types an edit instruction: the form is then ready to generate. */
export async function composeEdit(page, { width = 640, height = 480, prompt } = {}) {
  const buffer = await photo(width, height);
  await page.getByLabel("Upload image").setInputFiles({
    name: "photo.png",
    mimeType: "image/png",
    buffer,
  });
  await page.getByText(`${width}×${height} px`).waitFor();
  await page.getByLabel("Edit instruction").fill(prompt ?? "Make it snow.");
}

/** Clicks Generate. */
export async function generate(page) {
  await page.getByRole("button", { name: "Generate" }).click();
}

/** Every result image in the playground (e.g. "Result 1 of run 3"). */
export function resultImages(page) {
  return page.getByRole("img", { name: /^Result \d+ of run \d+/ });
}

/**
 * Matches a result image's accessible name in the page (used inside page scripts); its one
 * group is the run's number (runs are numbered 1, 2, 3… in the order they were made).
 */
export const RESULT_ALT_PATTERN = "^Result \\d+ of run (\\d+)";

/** The share link of run 1, as its Share button shows it. */
export async function shareLinkOfFirstRun(page) {
  await page.getByRole("button", { name: "Share link of run 1" }).click();
  return page.getByLabel("Share link of run 1").inputValue();
}

/** Makes one run on a fresh playground and returns its share link (`/share?r=…`). */
export async function makeShareLink(browser, origin) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await openPlayground(page, origin);
    await composeEdit(page, { prompt: "Turn it into a watercolour painting." });
    await generate(page);
    await resultImages(page).first().waitFor({ timeout: 60_000 });
    const link = await shareLinkOfFirstRun(page);
    if (!/\/share\?r=/.test(link)) throw new Error(`the Share button gave "${link}"`);
    return link;
  } finally {
    await context.close();
  }
}
