import { readFile } from "node:fs/promises";
import type { APIRequestContext, Download, Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { expect, test } from "./fixtures";
import { photo } from "./support/images";
import type { PlaygroundPage } from "./support/playground-page";

/** `chair-01.png` … `chair-10.png`: ten different photos (widths differ, so bytes do). */
async function chairs(count: number) {
  return Promise.all(
    Array.from({ length: count }, async (_, index) => ({
      name: `chair-${String(index + 1).padStart(2, "0")}.png`,
      mimeType: "image/png",
      buffer: await photo(320 + index * 8, 240),
    })),
  );
}

/** The form's recipe, fast on the local engine: a prompt and 10 steps. */
async function compose(playground: PlaygroundPage, page: Page, prompt: string): Promise<void> {
  await playground.setPrompt(prompt);
  await playground.openSection("Advanced settings");
  await page.getByLabel("Steps", { exact: true }).fill("10");
}

/** The entries of a downloaded zip. */
async function unzipDownload(download: Download): Promise<Record<string, Uint8Array>> {
  const path = await download.path();
  return unzipSync(new Uint8Array(await readFile(path)));
}

/** Stores an image on the local engine (as the app's uploads do) and returns its file URL. */
async function engineFile(request: APIRequestContext, name: string, buffer: Buffer) {
  const initiate = await request.post("/api/engine/rest/storage/upload/initiate", {
    data: { content_type: "image/png", file_name: name },
  });
  expect(initiate.ok()).toBe(true);
  const { upload_url: uploadUrl, file_url: fileUrl } = (await initiate.json()) as Record<
    string,
    string
  >;
  const put = await request.put(uploadUrl as string, {
    data: buffer,
    headers: { "content-type": "image/png" },
  });
  expect(put.ok()).toBe(true);
  return fileUrl as string;
}

test("twelve files, two bad: ten results, paused, reloaded, reviewed and exported", async ({
  playground,
  page,
}) => {
  test.setTimeout(180_000);
  await playground.open();
  await compose(playground, page, "Make it snow.");
  const dialog = await playground.openBatchDialog();

  const good = await chairs(10);
  const [first] = good;
  if (!first) throw new Error("no photos");
  await playground.addBatchFiles([
    ...good,
    { name: "notes.png", mimeType: "image/png", buffer: Buffer.from("not a picture at all") },
    { name: "chair-01-copy.png", mimeType: "image/png", buffer: first.buffer },
  ]);
  await expect(dialog.getByRole("heading", { name: "10 images in this batch" })).toBeVisible();
  const problems = dialog.getByRole("region", { name: /^Left out/ });
  await expect(problems.getByRole("listitem")).toHaveText([
    "notes.png: not an image (JPEG, PNG, WebP, GIF or AVIF)",
    "chair-01-copy.png: the same image as chair-01.png",
  ]);
  // Each image's own output size and price, before anything is uploaded.
  const rows = dialog.getByRole("list", { name: "10 images in this batch" }).getByRole("listitem");
  await expect(rows).toHaveCount(10);
  await expect(rows.first()).toContainText("320×240 → ");
  await expect(rows.first()).toContainText(/\$0\.\d+/);
  await expect(dialog.getByTestId("batch-total")).toContainText(/Total \$0\.\d+ for 10 images/);
  await expect(dialog.getByText("Recipe · The form")).toBeVisible();
  await expect(dialog.getByText("Make it snow.")).toBeVisible();

  // One at a time, so there is time to pause and to reload mid-batch.
  await dialog.getByLabel("Images at once").fill("1");
  await playground.startBatch();
  const stage = playground.stage();
  await expect(stage.getByText("Batch 1", { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(page).toHaveTitle(/^\(\d+\/10\) Kontext Playground$/);
  await expect(playground.batchCounts()).toContainText(/^[1-9] done/, { timeout: 30_000 });

  await stage.getByRole("button", { name: "Pause batch" }).click();
  await expect(stage.getByText(/^Paused\./)).toBeVisible();
  // What was running finishes; nothing new starts while paused.
  await expect(playground.batchCounts()).not.toContainText("running", { timeout: 15_000 });
  const paused = await playground.batchCounts().textContent();
  await page.waitForTimeout(2_000);
  await expect(playground.batchCounts()).toHaveText(paused ?? "");
  await stage.getByRole("button", { name: "Resume batch" }).click();
  await expect(playground.batchCounts()).toContainText("running", { timeout: 10_000 });

  // A reload mid-batch loses nothing: it carries on to the end.
  await page.reload();
  await playground.waitUntilReady();
  await expect(playground.batchCounts()).toHaveText("10 done", { timeout: 90_000 });
  await expect(stage.getByRole("button", { name: /^Open chair-\d+\.png full size$/ })).toHaveCount(
    10,
  );
  await expect(page).toHaveTitle("Kontext Playground");
  // One item in the history, none of its runs.
  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByRole("heading", { name: /^Batch 1 · 10 images/ })).toBeVisible();
  await expect(history.getByRole("heading", { name: /^Run \d+/ })).toHaveCount(0);

  // Review: reject one and run it again with a new seed; keep two.
  const reject = stage.getByRole("button", { name: "Reject chair-03.png" });
  await reject.click();
  await expect(reject).toHaveAttribute("aria-pressed", "true");
  await stage.getByRole("button", { name: "Re-run rejected (new seeds)" }).click();
  await expect(playground.batchCounts()).toContainText("9 done");
  await expect(playground.batchCounts()).toHaveText("10 done", { timeout: 30_000 });
  await expect(stage.getByRole("button", { name: "Reject chair-03.png" })).toHaveAttribute(
    "aria-pressed",
    "false",
  );
  await stage.getByRole("button", { name: "Keep chair-01.png" }).click();
  await stage.getByRole("button", { name: "Keep chair-02.png" }).click();

  // Export: outputs named after their inputs, a sidecar each, the manifest.
  const [all] = await Promise.all([
    page.waitForEvent("download"),
    stage.getByRole("button", { name: "Export zip" }).click(),
  ]);
  const files = await unzipDownload(all);
  const names = Object.keys(files);
  expect(names.filter((name) => name.startsWith("images/")).sort()).toEqual(
    good.map((file) => `images/${file.name.replace(/\.png$/, "")}.kontext.png`),
  );
  expect(names.filter((name) => /^runs\/.+\.json$/.test(name))).toHaveLength(10);
  const sidecar = JSON.parse(strFromU8(files["runs/chair-01.kontext.json"] ?? new Uint8Array()));
  expect(JSON.stringify(sidecar)).toContain("Make it snow.");
  const manifest = strFromU8(files["manifest.csv"] ?? new Uint8Array())
    .trim()
    .split("\r\n");
  expect(manifest[0]).toBe("input,output file,prompt,seed,size,price,status,error");
  expect(manifest).toHaveLength(11);
  expect(manifest.find((line) => line.startsWith("chair-03.png"))).toContain(
    "images/chair-03.kontext.png,Make it snow.",
  );

  await stage.getByLabel(/^Kept only/).check();
  const [kept] = await Promise.all([
    page.waitForEvent("download"),
    stage.getByRole("button", { name: "Export zip" }).click(),
  ]);
  const keptNames = Object.keys(await unzipDownload(kept)).filter((name) =>
    name.startsWith("images/"),
  );
  expect(keptNames.sort()).toEqual(["images/chair-01.kontext.png", "images/chair-02.kontext.png"]);
});

test("a CSV gives each image its own prompt, with a run's recipe", async ({
  playground,
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const red = await engineFile(request, "red.png", await photo(300, 200));
  const blue = await engineFile(request, "blue.png", await photo(200, 300));

  // A run first: its recipe is the batch's.
  await playground.open();
  await playground.choosePhoto(320, 240);
  await compose(playground, page, "Make it teal.");
  await playground.generate();
  await expect(playground.stageImages()).toHaveCount(1, { timeout: 30_000 });
  await playground
    .stage()
    .getByRole("button", { name: /^More actions for image 1 of run 1/ })
    .click();
  await page
    .getByRole("region", { name: "More actions for image 1 of run 1" })
    .getByRole("button", { name: "Batch run 1 with this recipe…" })
    .click();
  const dialog = playground.batchDialog();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText("Recipe · Run 1")).toBeVisible();

  await dialog
    .getByLabel("Image URLs or CSV")
    .fill(`url,prompt\n${red},"Make it red, glossy."\n${blue},Make it blue.\nnot a url,Nope.\n`);
  await dialog.getByRole("button", { name: "Add list" }).click();
  await expect(dialog.getByRole("heading", { name: "2 images in this batch" })).toBeVisible();
  await expect(dialog.getByText("Prompt: Make it red, glossy.")).toBeVisible();
  await expect(dialog.getByText("Prompt: Make it blue.")).toBeVisible();
  await expect(dialog.getByRole("region", { name: /^Left out/ })).toContainText(/^.*Line 4: /);

  // Above the budget it asks first.
  await dialog.getByLabel("Ask before spending over (USD)").fill("0.01");
  await dialog.getByRole("button", { name: "Start batch" }).click();
  const confirm = dialog.getByRole("alertdialog");
  await expect(confirm).toContainText(/costs about \$0\.\d+, more than \$0\.01/);
  await confirm.getByRole("button", { name: "Start anyway" }).click();
  await expect(dialog).toBeHidden();
  await expect(playground.batchCounts()).toHaveText("2 done", { timeout: 60_000 });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    playground.stage().getByRole("button", { name: "Export zip" }).click(),
  ]);
  const files = await unzipDownload(download);
  const prompts = Object.entries(files)
    .filter(([name]) => name.startsWith("runs/"))
    .map(([, bytes]) => JSON.stringify(JSON.parse(strFromU8(bytes))));
  expect(prompts.some((text) => text.includes('"prompt":"Make it red, glossy."'))).toBe(true);
  expect(prompts.some((text) => text.includes('"prompt":"Make it blue."'))).toBe(true);
});

test("files dropped on the dialog join the batch, not the form", async ({ playground }) => {
  await playground.open();
  const dialog = await playground.openBatchDialog();
  const files = await chairs(2);
  await dialog.getByText(/^Drop images, a folder/).evaluate(
    (target, data) => {
      const transfer = new DataTransfer();
      for (const { name, bytes } of data) {
        transfer.items.add(new File([new Uint8Array(bytes)], name, { type: "image/png" }));
      }
      for (const kind of ["dragenter", "dragover", "drop"]) {
        target.dispatchEvent(
          new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
      }
    },
    files.map(({ name, buffer }) => ({ name, bytes: [...buffer] })),
  );
  await expect(dialog.getByRole("heading", { name: "2 images in this batch" })).toBeVisible();
  await dialog.getByRole("button", { name: "Remove chair-01.png" }).click();
  await expect(dialog.getByRole("heading", { name: "1 image in this batch" })).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(playground.dropZone()).toBeVisible();
});
