import { beforeEach, describe, expect, it, vi } from "vitest";

// Modules only needed once there is a run, a notice, an alert, an image or a click: none is in the first
// screen's JavaScript, where the history is empty (a module the playground imports, directly or
// through others, would be; one behind `import()`, `clientOnly` or `onDemand` is not).
const loaded = vi.hoisted(() => new Set<string>());

vi.mock("@/lib/store/gallery", async (importOriginal) => {
  loaded.add("the gallery's selectors");
  return importOriginal();
});
vi.mock("./gallery/gallery-navigation", async (importOriginal) => {
  loaded.add("the gallery's navigation");
  return importOriginal();
});
vi.mock("./gallery/gallery-no-match", async (importOriginal) => {
  loaded.add("the no-match note");
  return importOriginal();
});
vi.mock("./compare-picks/compare-format", async (importOriginal) => {
  loaded.add("the compare formatting");
  return importOriginal();
});
vi.mock("./compare-picks/compare-selection", async (importOriginal) => {
  loaded.add("the compare selection");
  return importOriginal();
});
vi.mock("./runs/result-action-button", async (importOriginal) => {
  loaded.add("the result actions");
  return importOriginal();
});
vi.mock("./history-notice-boxes", async (importOriginal) => {
  loaded.add("the history notices' boxes");
  return importOriginal();
});
vi.mock("./alert-message", async (importOriginal) => {
  loaded.add("the alert's message");
  return importOriginal();
});
vi.mock("@/lib/store/estimate", async (importOriginal) => {
  loaded.add("the output size and price rules");
  return importOriginal();
});
vi.mock("@/lib/kontext/resolution", async (importOriginal) => {
  loaded.add("the output-size rules");
  return importOriginal();
});
vi.mock("@/lib/domain/image-file", async (importOriginal) => {
  loaded.add("the image file checks");
  return importOriginal();
});

beforeEach(() => loaded.clear());

describe("the first screen's code", () => {
  it("leaves out what only a run, a notice, an alert, an image or a click needs", async () => {
    await import("./playground");
    expect([...loaded]).toEqual([]);
  });

  it("has it loaded with the parts that use it", async () => {
    await import("./gallery/gallery-list");
    expect(loaded).toEqual(
      new Set([
        "the gallery's selectors",
        "the gallery's navigation",
        "the no-match note",
        "the compare formatting",
        "the compare selection",
        "the result actions",
      ]),
    );
    loaded.clear();
    await Promise.all([import("./history-notice-boxes"), import("./alert-message")]);
    expect(loaded).toEqual(new Set(["the history notices' boxes", "the alert's message"]));
    loaded.clear();
    await import("./prompt/run-estimate-text");
    expect(loaded).toEqual(new Set(["the output size and price rules", "the output-size rules"]));
    loaded.clear();
    await import("@/lib/browser/browser-image");
    expect(loaded).toEqual(new Set(["the image file checks"]));
  });
});
