import { expect, test } from "./fixtures";

test("shows that the local engine is active and how to connect fal", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByText("Local engine — a preview, not FLUX")).toBeVisible();
  const hint = page.getByRole("complementary", { name: "About the local engine" });
  await expect(hint).toContainText("start the server with FAL_KEY");
  await hint.getByRole("button", { name: "Got it" }).click();
  await expect(hint).toBeHidden();
  await expect(page.getByRole("heading", { name: "Kontext Playground", level: 1 })).toBeFocused();
  await page.reload();
  await expect(page.getByText("Local engine — a preview, not FLUX")).toBeVisible();
  await expect(page.getByRole("complementary", { name: "About the local engine" })).toBeHidden();
});

test("uploads the image by a direct PUT to storage, never as a data URI in the request", async ({
  playground,
  page,
}) => {
  const proxyBodies: string[] = [];
  const uploads: string[] = [];
  page.on("request", (request) => {
    if (request.url().endsWith("/api/fal/proxy")) proxyBodies.push(request.postData() ?? "");
    if (request.method() === "PUT") uploads.push(new URL(request.url()).pathname);
  });
  await playground.open();
  await playground.choosePhoto(320, 240);
  await playground.setPrompt("make it snow");
  await playground.generate();
  await expect(playground.resultImages()).toHaveCount(1, { timeout: 30_000 });
  expect(uploads).toHaveLength(1);
  expect(uploads[0]).toMatch(/^\/api\/engine\/upload\//);
  expect(proxyBodies.some((body) => body.includes("data:"))).toBe(false);
});
