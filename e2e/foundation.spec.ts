import { expect, test } from "@playwright/test";
import sharp from "sharp";

async function photo(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#3b82f6" } })
    .composite([
      {
        input: { create: { width: width / 2, height, channels: 3, background: "#f97316" } },
        left: 0,
        top: 0,
      },
    ])
    .png()
    .toBuffer();
}

test("shows that the local engine is active and how to connect fal", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByText("Local engine — a preview, not FLUX")).toBeVisible();
  await expect(page.getByText(/start the server with FAL_KEY/)).toBeVisible();
});

test("edits an image in the browser through the proxy and the local engine", async ({
  page,
}, testInfo) => {
  const proxyBodies: string[] = [];
  const uploads: string[] = [];
  page.on("request", (request) => {
    if (request.url().endsWith("/api/fal/proxy")) proxyBodies.push(request.postData() ?? "");
    if (request.method() === "PUT") uploads.push(new URL(request.url()).pathname);
  });

  await page.goto("/");
  await page.getByLabel("Input image").setInputFiles({
    name: "photo.png",
    mimeType: "image/png",
    buffer: await photo(640, 480),
  });
  await page.getByLabel("Edit instruction").fill("Turn this image into the Ghibli style.");
  await page.getByRole("button", { name: "Generate" }).click();

  const result = page.getByRole("img", {
    name: "Result for: Turn this image into the Ghibli style.",
  });
  await expect(result).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/^Done: 1 image\(s\), seed \d+$/)).toBeVisible();
  const size = await result.evaluate((img: HTMLImageElement) => [
    img.naturalWidth,
    img.naturalHeight,
  ]);
  expect(size).toEqual([640, 480]);
  await page.screenshot({ path: testInfo.outputPath("result.png"), fullPage: true });

  // The file went to storage by a direct PUT, never as a data URI inside a JSON body.
  expect(uploads).toHaveLength(1);
  expect(uploads[0]).toMatch(/^\/api\/engine\/upload\//);
  expect(proxyBodies.some((body) => body.includes("data:"))).toBe(false);
});

test("explains why a file that is not an image fails", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Input image").setInputFiles({
    name: "notes.png",
    mimeType: "image/png",
    buffer: Buffer.from("these are notes, not pixels"),
  });
  await page.getByLabel("Edit instruction").fill("make it snow");
  await page.getByRole("button", { name: "Generate" }).click();
  // Next.js keeps an empty route-announcer alert on every page; ours is the one with text.
  await expect(
    page.getByRole("alert").filter({ hasText: "image_url: The input is not an image" }),
  ).toBeVisible({ timeout: 30_000 });
});
