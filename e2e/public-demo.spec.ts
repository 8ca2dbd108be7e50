import { readFile } from "node:fs/promises";
import { expect, type Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { test } from "./fixtures";
import {
  DEMO_ACCESS_CODE,
  DEMO_ORIGIN,
  DEMO_SERVER_KEY,
  FAKE_FAL_PORT,
} from "./support/demo-server";
import { startFakeFal } from "./support/fake-fal";
import { waitUntilReady } from "./support/playground-page";

// The public demo: an app on the fal backend with an access code and a 2-per-minute quota
// (project "public-demo" in playwright.config.ts), in front of a recording fake fal.
const IMAGE_URL = `${DEMO_ORIGIN}/examples/cat.jpg`;
const VISITOR_KEY = "visitor-e2e-key:9c41d7f0b2";
const STORAGE_KEY = "kontext.visitorFalKey";

let fal: Awaited<ReturnType<typeof startFakeFal>>;

test.beforeAll(async () => {
  fal = await startFakeFal(FAKE_FAL_PORT, IMAGE_URL);
});

test.afterAll(async () => {
  await fal?.stop();
});

/**
 * With E2E_SHOTS=<folder>, saves the viewport at 1440×900 and 390×844, light and dark, for a
 * person to look at (the viewport and colour scheme are put back afterwards).
 */
async function shoot(page: Page, name: string): Promise<void> {
  const folder = process.env.E2E_SHOTS;
  if (!folder) return;
  const viewport = page.viewportSize();
  for (const [size, width, height] of [
    ["desk", 1440, 900],
    ["phone", 390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      // Buttons ease their colours in: let the switch settle before the picture.
      await page.waitForTimeout(400);
      await page.screenshot({ path: `${folder}/${name}-${size}-${scheme}.png` });
    }
  }
  if (viewport) await page.setViewportSize(viewport);
  await page.emulateMedia({ colorScheme: "light" });
}

/** Opens the demo; the access prompt shows at once (no session, no own key). */
async function openDemo(page: Page) {
  await page.goto("/");
  await waitUntilReady(page);
  const prompt = page.getByRole("dialog", { name: "Enter the access code" });
  await expect(prompt).toBeVisible();
  return prompt;
}

/** Fills the form with the demo's own example image (same origin, so the page may load it). */
async function fillForm(page: Page, instruction: string) {
  await page.getByLabel("Image URL").fill(IMAGE_URL);
  await page.getByRole("button", { name: "Use URL" }).click();
  await expect(page.getByText(/\d+×\d+ px/).first()).toBeVisible();
  await page.getByLabel("Edit instruction").fill(instruction);
}

/** The playground's alert banner (Next's route announcer is an alert too). */
function runAlert(page: Page) {
  return page.getByRole("alert").filter({ hasText: "The run failed" });
}

function authorizationOfLastSubmit(): string | undefined {
  return fal.submits().at(-1)?.headers.authorization;
}

/** Saves what the page downloads when `action` runs. */
async function download(page: Page, action: () => Promise<void>): Promise<Uint8Array> {
  const [file] = await Promise.all([page.waitForEvent("download"), action()]);
  return new Uint8Array(await readFile(await file.path()));
}

/** Everything the playground keeps in IndexedDB, as text (images left out). */
function indexedDbText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const out: unknown[] = [];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name as string);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of db.objectStoreNames) {
        const all = db.transaction(store).objectStore(store).getAll();
        out.push(
          await new Promise((resolve) => {
            all.onsuccess = () => resolve(all.result);
          }),
        );
      }
      db.close();
    }
    return JSON.stringify(out, (_key, value) => (value instanceof Blob ? "[blob]" : value));
  });
}

test("asks for the access code; a wrong code is refused, the right one lets the run through", async ({
  page,
  playground,
}) => {
  const prompt = await openDemo(page);
  await shoot(page, "access-prompt");
  await playground.expectAccessible("access prompt (light)");
  await page.emulateMedia({ colorScheme: "dark" });
  await playground.expectAccessible("access prompt (dark)");
  await page.emulateMedia({ colorScheme: "light" });
  await prompt.getByRole("button", { name: "Not now" }).click();
  await expect(prompt).toBeHidden();

  // A run without a session is refused before anything reaches fal, and the prompt comes back.
  await fillForm(page, "Make it a watercolour.");
  const before = fal.submits().length;
  await playground.generate();
  await expect(prompt).toBeVisible();
  await expect(runAlert(page)).toContainText("This demo needs an access code");
  expect(fal.submits()).toHaveLength(before);

  const field = prompt.getByLabel("Access code");
  await expect(field).toHaveAttribute("type", "password");
  await field.fill("not-the-code");
  await prompt.getByRole("button", { name: "Continue" }).click();
  await expect(prompt.getByText("That access code is not right")).toBeVisible();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await shoot(page, "access-wrong-code");
  await playground.expectAccessible("wrong access code (light)");
  await page.emulateMedia({ colorScheme: "dark" });
  await playground.expectAccessible("wrong access code (dark)");
  await page.emulateMedia({ colorScheme: "light" });

  // The right code: the prompt closes and the refused run goes through on the server's key.
  await field.fill(DEMO_ACCESS_CODE);
  await expect(prompt.getByText("That access code is not right")).toBeHidden();
  await prompt.getByRole("button", { name: "Continue" }).click();
  await expect(prompt).toBeHidden();
  await expect(playground.resultImages()).toHaveCount(1, { timeout: 30_000 });
  expect(fal.submits()).toHaveLength(before + 1);
  expect(authorizationOfLastSubmit()).toBe(`Key ${DEMO_SERVER_KEY}`);
  await expect(runAlert(page)).toHaveCount(0);

  // The session holds: a reload does not ask again.
  await page.reload();
  await waitUntilReady(page);
  await expect(page.getByRole("button", { name: "Use my own fal key" })).toBeVisible();
  await expect(prompt).toBeHidden();
});

test("runs on the visitor's own key, which stays in this tab and out of every export", async ({
  page,
  playground,
}) => {
  const prompt = await openDemo(page);
  await prompt.getByRole("button", { name: "Use my own fal key" }).click();
  const dialog = page.getByRole("dialog", { name: "Use my own fal key" });
  await expect(dialog).toBeVisible();
  await expect(prompt).toBeHidden();
  const field = dialog.getByLabel("Your fal key");
  await expect(field).toHaveAttribute("type", "password");
  await field.fill("short");
  await dialog.getByRole("button", { name: "Use this key" }).click();
  await expect(dialog.getByText(/A fal key is 8 to 512 printable characters/)).toBeVisible();
  await shoot(page, "own-key-invalid");
  await playground.expectAccessible("own key dialog (light)");
  await page.emulateMedia({ colorScheme: "dark" });
  await playground.expectAccessible("own key dialog (dark)");
  await page.emulateMedia({ colorScheme: "light" });
  await field.fill(VISITOR_KEY);
  await dialog.getByRole("button", { name: "Use this key" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Using your own fal key")).toBeVisible();
  await shoot(page, "own-key-set");
  expect(await page.evaluate((key) => sessionStorage.getItem(key), STORAGE_KEY)).toBe(VISITOR_KEY);

  // No access code needed: the run goes to fal on the visitor's key.
  await fillForm(page, "Make it a pencil sketch.");
  await playground.generate();
  await expect(playground.resultImages()).toHaveCount(1, { timeout: 30_000 });
  expect(authorizationOfLastSubmit()).toBe(`Key ${VISITOR_KEY}`);

  // The key appears in no code panel, share link, export or history record.
  await page.getByText("Code for this request").click();
  const formCode = page.getByRole("tablist", { name: "Code for this form" });
  for (const tab of ["cURL", "Python", "JavaScript"]) {
    await formCode.getByRole("tab", { name: tab }).click();
    await expect(page.getByRole("tabpanel").first()).not.toContainText(VISITOR_KEY);
    await expect(page.getByRole("tabpanel").first()).not.toContainText("visitor-e2e-key");
  }
  await page.getByRole("button", { name: "Share link of run 1" }).click();
  const link = await page.getByLabel("Share link of run 1").inputValue();
  expect(link).toMatch(/\/share\?r=/);
  const shared = await (await page.request.get(link)).text();
  expect(link + shared).not.toContain("visitor-e2e-key");
  const zip = unzipSync(
    await download(page, () => page.getByRole("button", { name: "Export run 1 as zip" }).click()),
  );
  const jsonFiles = Object.keys(zip).filter((name) => name.endsWith(".json"));
  expect(jsonFiles.length).toBeGreaterThan(0);
  for (const name of jsonFiles) {
    expect(strFromU8(zip[name] as Uint8Array)).not.toContain("visitor-e2e-key");
  }
  expect(await indexedDbText(page)).not.toContain("visitor-e2e-key");

  // "Forget key": gone from the tab; the server's key (and its access code) apply again.
  await page.getByRole("button", { name: "Forget key" }).click();
  await expect(page.getByRole("button", { name: "Use my own fal key" })).toBeFocused();
  expect(await page.evaluate((key) => sessionStorage.getItem(key), STORAGE_KEY)).toBeNull();
  await expect(page.getByText("Using your own fal key")).toBeHidden();
});

test("says when to try again at the quota, and offers the visitor's own key", async ({
  page,
  playground,
}) => {
  const prompt = await openDemo(page);
  await prompt.getByLabel("Access code").fill(DEMO_ACCESS_CODE);
  await prompt.getByRole("button", { name: "Continue" }).click();
  await expect(prompt).toBeHidden();
  await fillForm(page, "Make it a mosaic.");

  // 2 runs a minute per client on the server's key (the first test may have used one).
  const alert = runAlert(page);
  let outcome = "";
  for (let attempt = 0; attempt < 3 && outcome !== "limited"; attempt++) {
    const before = fal.submits().length;
    await playground.generate();
    await expect
      .poll(
        async () => {
          if ((await alert.count()) > 0 && (await alert.textContent())?.includes("Too many runs"))
            return "limited";
          return fal.submits().length > before ? "ran" : "pending";
        },
        { timeout: 15_000 },
      )
      .not.toBe("pending");
    outcome = (await alert.filter({ hasText: "Too many runs" }).count()) > 0 ? "limited" : "ran";
  }
  expect(outcome).toBe("limited");
  await expect(alert).toContainText(/Too many runs — try again in \d+ (seconds?|minutes?)\./);
  const offer = alert.getByRole("button", { name: "Use my own fal key" });
  await expect(offer).toBeVisible();
  await shoot(page, "rate-limited");
  await playground.expectAccessible("rate limited (light)");
  await page.emulateMedia({ colorScheme: "dark" });
  await playground.expectAccessible("rate limited (dark)");
  await page.emulateMedia({ colorScheme: "light" });

  // Taking the offer retries the refused run on the visitor's key.
  const refused = fal.submits().length;
  await offer.click();
  const dialog = page.getByRole("dialog", { name: "Use my own fal key" });
  await dialog.getByLabel("Your fal key").fill(VISITOR_KEY);
  await dialog.getByRole("button", { name: "Use this key" }).click();
  await expect.poll(() => fal.submits().length).toBe(refused + 1);
  expect(authorizationOfLastSubmit()).toBe(`Key ${VISITOR_KEY}`);
  await expect(alert).toHaveCount(0);
});
