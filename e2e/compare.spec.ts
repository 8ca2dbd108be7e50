import type { Locator } from "@playwright/test";
import { expect, test } from "./fixtures";

/** The computed clip of the layer an image is drawn in (the after image is cut at the divider). */
function layerClip(image: Locator): Promise<string> {
  return image.evaluate((img) =>
    img.parentElement ? getComputedStyle(img.parentElement).clipPath : "",
  );
}

function transformOf(image: Locator): Promise<string> {
  return image.evaluate((img: HTMLImageElement) => img.style.transform);
}

function isLoaded(image: Locator): Promise<boolean> {
  return image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
}

test("compares a result with its input by slider and side by side, all by keyboard", async ({
  playground,
  page,
}) => {
  await playground.open();
  await playground.choosePhoto(640, 480);
  await playground.setPrompt("Make it a watercolor painting");
  await playground.generate();
  await expect(playground.resultImages()).toHaveCount(1, { timeout: 30_000 });

  const opener = page.getByRole("button", {
    name: "Compare result 1 of run 1 with its input",
    exact: true,
  });
  await opener.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Compare images" });
  await expect(dialog).toBeVisible();
  await expect(
    dialog.getByRole("heading", { name: "Result 1 of run 1 against its input" }),
  ).toBeVisible();
  const before = dialog.getByRole("img", { name: "Input of run 1", exact: true });
  const after = dialog.getByRole("img", { name: /^Result 1 of run 1: Make it a watercolor/ });
  await expect.poll(() => isLoaded(before)).toBe(true);
  await expect.poll(() => isLoaded(after)).toBe(true);
  await expect(dialog.getByText("Before · Input", { exact: true })).toBeVisible();
  await expect(dialog.getByText("After · Result 1 of run 1", { exact: true })).toBeVisible();
  const stage = dialog.getByRole("group", { name: "Comparison stage" });
  await expect(stage).toBeFocused();
  await expect(stage).toHaveAccessibleDescription(/\+ and − zoom, 0 fits, arrow keys pan/);
  await playground.expectAccessible("compare, slider");
  await playground.screenshot("compare-slider", { fullPage: false });

  // The slider is the divider's keyboard control: its value sets where the after image is cut.
  const slider = dialog.getByRole("slider", { name: "Comparison position" });
  await expect(slider).toHaveValue("50");
  expect(await layerClip(after)).toBe("inset(0px 0px 0px 50%)");
  await slider.focus();
  for (let press = 0; press < 10; press++) await slider.press("ArrowLeft");
  await expect(slider).toHaveValue("40");
  await expect.poll(() => layerClip(after)).toBe("inset(0px 0px 0px 40%)");
  await slider.press("End");
  await expect(slider).toHaveValue("100");
  await expect.poll(() => layerClip(after)).toBe("inset(0px 0px 0px 100%)");
  await slider.press("Home");
  await expect(slider).toHaveValue("0");
  await expect.poll(() => layerClip(after)).toBe("inset(0px 0px 0px 0%)");

  // While fitted, dragging across the stage drags the divider (the handle sits in the middle).
  const stageBox = await stage.boundingBox();
  if (!stageBox) throw new Error("the stage has no box");
  const middle = stageBox.y + stageBox.height / 2;
  await page.mouse.move(stageBox.x + stageBox.width / 2, middle);
  await page.mouse.down();
  await page.mouse.move(stageBox.x + stageBox.width / 4, middle, { steps: 4 });
  await page.mouse.up();
  await expect(slider).toHaveValue("25");
  await expect.poll(() => layerClip(after)).toBe("inset(0px 0px 0px 25%)");

  // Zoom and pan from the stage's keys; the zoom is shown (and announced).
  const zoom = dialog.getByRole("status").filter({ hasText: /^Zoom/ });
  await expect(zoom).toHaveText("Zoom 100%");
  await stage.focus();
  await page.keyboard.press("+");
  await page.keyboard.press("+");
  await page.keyboard.press("ArrowRight");
  await expect(zoom).toHaveText("Zoom 156%");
  const zoomed = await transformOf(after);
  expect(zoomed).toBe("translate(-10%, 0%) scale(1.5625)");
  expect(await transformOf(before)).toBe(zoomed);

  // Side by side by keyboard (arrow keys move through the radio group): both panes keep the view.
  await dialog.getByRole("radio", { name: "Slider" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(dialog.getByRole("radio", { name: "Side by side" })).toBeChecked();
  await expect(slider).toHaveCount(0);
  expect(await layerClip(after)).toBe("none");
  expect(await transformOf(before)).toBe(zoomed);
  expect(await transformOf(after)).toBe(zoomed);
  await stage.focus();
  await page.keyboard.press("+");
  await expect(zoom).toHaveText("Zoom 195%");
  expect(await transformOf(before)).toBe(await transformOf(after));
  await playground.expectAccessible("compare, side by side");
  await playground.screenshot("compare-side-by-side", { fullPage: false });

  // Dragging one pane pans both.
  const undragged = await transformOf(before);
  const box = await before.boundingBox();
  if (!box) throw new Error("the before pane has no box");
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(centre.x, centre.y);
  await page.mouse.down();
  await page.mouse.move(centre.x + 40, centre.y + 30, { steps: 4 });
  await page.mouse.up();
  const dragged = await transformOf(before);
  expect(dragged).not.toBe(undragged);
  expect(await transformOf(after)).toBe(dragged);

  // 0 fits; Esc closes and focus goes back to the button that opened it.
  await stage.focus();
  await page.keyboard.press("0");
  await expect(zoom).toHaveText("Zoom 100%");
  expect(await transformOf(after)).toBe("translate(0%, 0%) scale(1)");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test("shows the input once its URL no longer loads: the browser's copy, else its thumbnail", async ({
  playground,
  page,
}) => {
  await playground.open();
  await playground.choosePhoto(320, 240);
  await playground.setPrompt("make it snow");
  await playground.generate();
  await expect(playground.resultImages()).toHaveCount(1, { timeout: 30_000 });
  const resultSrc = await playground.resultImages().first().getAttribute("src");
  // Every stored file but the result is gone, as an expired upload would be.
  await page.route("**/files/**", (route) =>
    route.request().url() === resultSrc ? route.continue() : route.abort(),
  );

  const compare = page.getByRole("button", { name: "Compare result 1 of run 1 with its input" });
  const dialog = page.getByRole("dialog", { name: "Compare images" });
  const before = dialog.getByRole("img", { name: "Input of run 1", exact: true });
  await compare.click();
  // The uploaded input was kept in the browser when the run started.
  await expect(before).toHaveAttribute("src", /^blob:/);
  await expect.poll(() => isLoaded(before)).toBe(true);
  await page.keyboard.press("Escape");

  // Without that copy (a browser that cleared its cache), the saved thumbnail stands in.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("kontext-playground-images");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const clear = open.result
            .transaction("images", "readwrite")
            .objectStore("images")
            .clear();
          clear.onsuccess = () => {
            open.result.close();
            resolve();
          };
          clear.onerror = () => reject(clear.error);
        };
      }),
  );
  await compare.click();
  await expect(before).toHaveAttribute("src", /^data:image\/jpeg;base64,/);
  await expect.poll(() => isLoaded(before)).toBe(true);
});
