import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";
import { photo } from "./images";

/** The playground, driven by roles and labels as a person would. */
type SectionName = "Advanced settings" | "Sweep" | "API/code" | "Batch";

/**
 * Opens a collapsed section of the inputs panel on `page` ("Advanced settings", "Sweep", …)
 * unless it is open; a section's fields are rendered once it has been opened. See
 * {@link PlaygroundPage.openSection}.
 */
export async function openSection(page: Page, name: SectionName): Promise<void> {
  const section = page.locator("details").filter({
    has: page.locator(":scope > summary", { hasText: name }),
  });
  if ((await section.count()) === 0) return;
  const open = await section.first().evaluate((node) => (node as HTMLDetailsElement).open);
  if (!open) await section.first().locator(":scope > summary").click();
}

export class PlaygroundPage {
  constructor(
    readonly page: Page,
    private readonly testInfo: TestInfo,
  ) {}

  async open(): Promise<void> {
    await this.page.goto("/");
    await expect(this.page.getByRole("button", { name: "Generate" })).toBeVisible();
    await this.waitUntilReady();
  }

  /**
   * Waits until React has hydrated the page and loaded the history (the server-rendered page is
   * visible before its handlers, e.g. the paste listener, are attached).
   */
  async waitUntilReady(): Promise<void> {
    await waitUntilReady(this.page);
  }

  async chooseFile(name: string, mimeType: string, buffer: Buffer): Promise<void> {
    await this.page.getByLabel("Upload image").setInputFiles({ name, mimeType, buffer });
  }

  async choosePhoto(width = 640, height = 480): Promise<void> {
    await this.chooseFile("photo.png", "image/png", await photo(width, height));
    await expect(this.page.getByText(`${width}×${height} px`)).toBeVisible();
  }

  /** Pastes an image as the clipboard would (a paste event carrying a file). */
  async pastePhoto(width: number, height: number): Promise<void> {
    const bytes = [...(await photo(width, height))];
    await this.page.evaluate((data) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], "pasted.png", { type: "image/png" }));
      document.body.dispatchEvent(
        new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true }),
      );
    }, bytes);
  }

  async setPrompt(text: string): Promise<void> {
    await this.page.getByLabel("Edit instruction").fill(text);
  }

  async addLora(path: string, scale: number): Promise<void> {
    // Counted before the click: the first row appears once the rows' code has loaded.
    const count = (await this.page.getByLabel(/^LoRA \d+ path$/).count()) + 1;
    await this.page.getByRole("button", { name: "Add LoRA", exact: true }).click();
    await this.page.getByLabel(`LoRA ${count} path`).fill(path);
    await this.page.getByLabel(`LoRA ${count} path`).blur();
    await this.page.getByLabel(`LoRA ${count} scale value`).fill(String(scale));
    await this.page.getByLabel(`LoRA ${count} scale value`).blur();
  }

  /** The LoRA library (curated and saved LoRAs), a modal dialog once opened. */
  library() {
    return this.page.getByRole("dialog", { name: "LoRA library" });
  }

  /** Opens the LoRA library dialog (unless it is open) and returns it. */
  async openLibrary() {
    if (!(await this.library().isVisible())) {
      await this.page.getByRole("button", { name: "LoRA library", exact: true }).click();
    }
    await expect(this.library()).toBeVisible();
    return this.library();
  }

  /** Closes the LoRA library dialog (Esc), when it is open. */
  async closeLibrary(): Promise<void> {
    if (await this.library().isVisible()) {
      await this.library().getByRole("button", { name: "Close the library" }).click();
    }
    await expect(this.library()).toBeHidden();
  }

  /** LoRA row `position` of the stack (a group named "LoRA N"). */
  loraRow(position: number) {
    return this.page.getByRole("group", { name: `LoRA ${position}`, exact: true });
  }

  /**
   * The path field of LoRA row `position`, its "Weight file" disclosure opened first (a row
   * leads with its style; the path is behind the disclosure unless empty or invalid).
   */
  async loraPath(position: number) {
    const row = this.loraRow(position);
    const details = row.locator("details");
    if (!(await details.evaluate((node) => (node as HTMLDetailsElement).open))) {
      await details.locator(":scope > summary").click();
    }
    const field = this.page.getByLabel(`LoRA ${position} path`);
    await expect(field).toBeVisible();
    return field;
  }

  /**
   * Opens one of the inputs panel's collapsible sections ("Advanced settings", "Sweep", "API/code",
   * "Batch") unless it is open. A section is a `<details>` whose `<summary>` starts with its name;
   * when the page shows the section's content without a disclosure, this does nothing.
   */
  async openSection(name: SectionName): Promise<void> {
    await openSection(this.page, name);
  }

  async generate(): Promise<void> {
    await this.page.getByRole("button", { name: "Generate" }).click();
  }

  /** The empty image drop zone (a button that opens the file chooser). */
  dropZone() {
    return this.page.getByRole("button", { name: /^Drop an image, click to browse/ });
  }

  /** Result images in the history's run cards. */
  resultImages() {
    return this.page.getByRole("img", { name: /^Result \d+ of run \d+/ });
  }

  /** The workspace's stage, which shows the active run. */
  stage() {
    return this.page.getByRole("region", { name: "Stage" });
  }

  /** The images of the run on the stage. */
  stageImages() {
    return this.stage().getByRole("img", { name: /^Image \d+ of run \d+/ });
  }

  /** Shows a run from the history on the stage. */
  async showOnStage(runNumber: number): Promise<void> {
    await this.page.getByRole("button", { name: `Show run ${runNumber} on stage` }).click();
  }

  /** The batch dialog ("Batch edit…" in the image panel, "Batch with this recipe…" on a run). */
  batchDialog() {
    return this.page.getByRole("dialog", { name: "Batch edit" });
  }

  /** Opens the batch dialog with the form's recipe and returns it. */
  async openBatchDialog() {
    await this.page.getByRole("button", { name: "Batch edit…" }).click();
    await expect(this.batchDialog()).toBeVisible();
    return this.batchDialog();
  }

  /** Adds files to the batch as "Add images" would (images, zips, CSVs). */
  async addBatchFiles(files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<void> {
    await this.batchDialog().getByLabel("Add images").setInputFiles(files);
  }

  /** Starts the batch in the dialog (below its budget) and waits for the dialog to close. */
  async startBatch(): Promise<void> {
    await this.batchDialog().getByRole("button", { name: "Start batch" }).click();
    await expect(this.batchDialog()).toBeHidden();
  }

  /** The stage's batch counts line: `3 done · 1 running · 6 queued`. */
  batchCounts() {
    return this.stage().getByTestId("batch-counts");
  }

  /** On a phone, switches between the workspace's "Edit" and "Result" tabs. */
  async showView(name: "Edit" | "Result"): Promise<void> {
    await this.page.getByRole("tab", { name }).click();
  }

  /** Saves and attaches a screenshot: the whole page, or only the viewport (for a modal dialog). */
  async screenshot(name: string, { fullPage = true } = {}): Promise<void> {
    const path = this.testInfo.outputPath(`${name}.png`);
    await this.page.screenshot({ path, fullPage });
    await this.testInfo.attach(name, { path, contentType: "image/png" });
  }

  /** Fails on any serious or critical accessibility violation. */
  async expectAccessible(state: string): Promise<void> {
    const results = await new AxeBuilder({ page: this.page }).analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map(
        (violation) =>
          `${violation.id}: ${violation.help} (${violation.nodes.map((n) => n.target.join(" ")).join(", ")})`,
      );
    expect(serious, `accessibility violations in state "${state}"`).toEqual([]);
  }
}

/**
 * Waits until React has hydrated the page and loaded the history (the server-rendered page is
 * visible before its handlers, e.g. the paste or drop listeners, are attached).
 */
export async function waitUntilReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.playgroundReady === "true");
}
