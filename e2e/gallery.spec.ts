import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { completedRuns, seedHistory } from "./support/history";
import type { PlaygroundPage } from "./support/playground-page";

const GHIBLI =
  "https://huggingface.co/Owen777/Kontext-Style-Loras/resolve/main/Ghibli_lora_weights.safetensors";

/** Three quick runs: 1 "Make it snow"; 2 "Paint it as a watercolour" and 3 "Make it snow at night", both with the Ghibli LoRA. */
async function makeThreeRuns(playground: PlaygroundPage, page: Page): Promise<void> {
  await playground.open();
  await playground.choosePhoto(320, 240);
  await playground.openSection("Advanced settings");
  await page.getByLabel("Steps", { exact: true }).fill("10");
  const prompts = ["Make it snow", "Paint it as a watercolour", "Make it snow at night"];
  for (const [index, prompt] of prompts.entries()) {
    if (index === 1) await playground.addLora(GHIBLI, 1);
    await playground.setPrompt(prompt);
    await playground.generate();
    await expect(playground.resultImages()).toHaveCount(index + 1, { timeout: 30_000 });
  }
}

const heading = (page: Page, runNumber: number) =>
  page.getByRole("heading", { name: new RegExp(`^Run ${runNumber}\\b`) });

/** The prompts of the runs the gallery shows, top to bottom. */
const shownPrompts = (page: Page) => page.getByRole("article").locator("p[title]");

test("searches prompts, filters by LoRA and by star, and keeps stars across a reload", async ({
  playground,
  page,
}) => {
  await makeThreeRuns(playground, page);
  const search = page.getByRole("searchbox", { name: "Search prompts" });
  const lora = page.getByRole("combobox", { name: "Filter by LoRA" });
  const favourites = page.getByRole("button", { name: "Favourites only" });
  await expect(search).toBeVisible();
  await expect(page.getByText("3 runs", { exact: true })).toBeVisible();
  await playground.expectAccessible("gallery");
  await playground.screenshot("gallery-01-toolbar");

  await search.fill("snow");
  await expect(shownPrompts(page)).toHaveText(["Make it snow at night", "Make it snow"]);
  await expect(page.getByText("2 of 3 runs")).toBeVisible();
  await search.fill("NIGHT snow");
  await expect(shownPrompts(page)).toHaveText(["Make it snow at night"]);
  await search.fill("");

  await expect(lora.getByRole("option")).toHaveText(["All LoRAs", "Ghibli style (2)"]);
  await lora.selectOption({ label: "Ghibli style (2)" });
  await expect(shownPrompts(page)).toHaveText([
    "Make it snow at night",
    "Paint it as a watercolour",
  ]);
  await search.fill("snow");
  await expect(shownPrompts(page)).toHaveText(["Make it snow at night"]);
  await lora.selectOption({ label: "All LoRAs" });
  await search.fill("");

  const star = page.getByRole("button", { name: "Star run 2" });
  await expect(star).toHaveAttribute("aria-pressed", "false");
  await star.click();
  await expect(star).toHaveAttribute("aria-pressed", "true");
  await favourites.click();
  await expect(favourites).toHaveAttribute("aria-pressed", "true");
  await expect(shownPrompts(page)).toHaveText(["Paint it as a watercolour"]);
  await expect(page.getByText("1 of 3 runs")).toBeVisible();

  // Filters that hide everything say so, and clearing them shows every run again.
  await search.fill("zebra");
  await expect(page.getByText("No runs match your search and filters.")).toBeVisible();
  await playground.screenshot("gallery-02-no-matches");
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(shownPrompts(page)).toHaveCount(3);
  await expect(search).toHaveValue("");
  await expect(search).toBeFocused();
  await expect(favourites).toHaveAttribute("aria-pressed", "false");

  await page.reload();
  await expect(heading(page, 3)).toBeVisible();
  await expect(page.getByRole("button", { name: "Star run 2" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(page.getByRole("button", { name: "Star run 1" })).toHaveAttribute(
    "aria-pressed",
    "false",
  );
});

test("deletes a run with undo, and a deleted run stays deleted after a reload", async ({
  playground,
  page,
}) => {
  await makeThreeRuns(playground, page);
  await page.getByRole("button", { name: "Delete run 2" }).click();
  const notice = page.getByRole("status").filter({ hasText: "Run 2 deleted" });
  await expect(notice).toBeVisible();
  await expect(shownPrompts(page)).toHaveText(["Make it snow at night", "Make it snow"]);
  // Focus moves on to the next run, never to <body>.
  await expect(heading(page, 1)).toBeFocused();
  await playground.screenshot("gallery-03-undo-notice");

  await notice.getByRole("button", { name: "Undo" }).click();
  await expect(notice).toBeHidden();
  await expect(shownPrompts(page)).toHaveText([
    "Make it snow at night",
    "Paint it as a watercolour",
    "Make it snow",
  ]);
  await expect(heading(page, 2)).toBeFocused();

  // The newest run: focus goes to the run after it. Dismissing makes the deletion final.
  await page.getByRole("button", { name: "Delete run 3" }).click();
  await expect(heading(page, 2)).toBeFocused();
  const dismissed = page.getByRole("status").filter({ hasText: "Run 3 deleted" });
  await dismissed.getByRole("button", { name: "Dismiss" }).click();
  await expect(dismissed).toBeHidden();
  await expect(page.getByRole("searchbox", { name: "Search prompts" })).toBeFocused();

  await page.reload();
  await expect(heading(page, 2)).toBeVisible();
  await expect(shownPrompts(page)).toHaveText(["Paint it as a watercolour", "Make it snow"]);
  await expect(page.getByText("2 runs", { exact: true })).toBeVisible();
});

test("clears all runs only after confirming", async ({ playground, page }) => {
  await makeThreeRuns(playground, page);
  const clearAll = page.getByRole("button", { name: "Clear all…" });
  await clearAll.click();
  const dialog = page.getByRole("alertdialog", { name: "Delete all 3 runs?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Runs in progress are kept.");
  await expect(dialog.getByRole("button", { name: "Keep them" })).toBeFocused();
  await playground.expectAccessible("clear all dialog");
  await playground.screenshot("gallery-04-clear-all");

  await dialog.getByRole("button", { name: "Keep them" }).click();
  await expect(dialog).toBeHidden();
  await expect(clearAll).toBeFocused();
  await expect(shownPrompts(page)).toHaveCount(3);

  await clearAll.click();
  await dialog.getByRole("button", { name: "Delete 3 runs" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("article")).toHaveCount(0);
  await expect(page.getByText("Your edits appear here.")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "3 runs deleted" })).toBeVisible();

  await page.reload();
  await expect(page.getByRole("button", { name: "Generate" })).toBeVisible();
  await expect(page.getByText("Your edits appear here.")).toBeVisible();
  await expect(page.getByRole("article")).toHaveCount(0);
});

test("renders only the runs near the viewport and still goes to one far away", async ({
  playground,
  page,
}) => {
  await playground.open();
  const runs = await completedRuns(40, (index, run) =>
    index === 39
      ? { parentId: "seeded-0001", request: { ...run.request, prompt: "The last" } }
      : {},
  );
  await seedHistory(page, runs);
  await expect(page.getByText("40 runs", { exact: true })).toBeVisible();
  await expect(heading(page, 40)).toBeVisible();
  const rendered = await page.getByRole("article").count();
  expect(rendered).toBeGreaterThan(3);
  expect(rendered).toBeLessThan(40);
  await expect(page.getByRole("listitem").filter({ has: heading(page, 40) })).toHaveAttribute(
    "aria-setsize",
    "40",
  );

  // Run 1 is far down the list and not rendered: the link still takes focus to its heading.
  await expect(heading(page, 1)).toHaveCount(0);
  await page.getByRole("button", { name: "Edited from run 1", exact: true }).click();
  await expect(heading(page, 1)).toBeFocused();
  await expect(heading(page, 1)).toBeInViewport();

  // Hidden by a search, it is shown again: the filters are cleared on the way.
  const search = page.getByRole("searchbox", { name: "Search prompts" });
  await search.fill("the last");
  await expect(page.getByText("1 of 40 runs")).toBeVisible();
  await page.getByRole("button", { name: "Edited from run 1", exact: true }).click();
  await expect(heading(page, 1)).toBeFocused();
  await expect(heading(page, 1)).toBeInViewport();
  await expect(search).toHaveValue("");

  // Tabbing on from there reaches run 1's controls, which stay rendered while focused.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Star run 1" })).toBeFocused();
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(page.getByRole("button", { name: "Star run 1" })).toBeFocused();
});
