import { afterEach, describe, expect, it, vi } from "vitest";
import { askToNotify, notifyIfHidden } from "./notify";

/** A stand-in for the browser's Notification with a given permission. */
function stubNotification(
  permission: NotificationPermission,
  answer: NotificationPermission = permission,
) {
  const shown: { title: string; options: unknown }[] = [];
  const requestPermission = vi.fn(async () => answer);
  class FakeNotification {
    static permission = permission;
    static requestPermission = requestPermission;
    constructor(title: string, options: unknown) {
      shown.push({ title, options });
    }
  }
  vi.stubGlobal("Notification", FakeNotification);
  return { shown, requestPermission };
}

function stubVisibility(state: "visible" | "hidden") {
  vi.stubGlobal("document", { visibilityState: state });
}

afterEach(() => vi.unstubAllGlobals());

describe("askToNotify", () => {
  it("asks once, and answers whether notifications are allowed", async () => {
    const fake = stubNotification("default", "granted");
    expect(await askToNotify()).toBe(true);
    expect(fake.requestPermission).toHaveBeenCalledOnce();
  });

  it("does not ask again once the person said no", async () => {
    const fake = stubNotification("denied");
    expect(await askToNotify()).toBe(false);
    expect(fake.requestPermission).not.toHaveBeenCalled();
  });

  it("answers false where the browser has no notifications", async () => {
    vi.stubGlobal("Notification", undefined);
    expect(await askToNotify()).toBe(false);
  });
});

describe("notifyIfHidden", () => {
  it("notifies when the page is hidden and it is allowed", () => {
    const fake = stubNotification("granted");
    stubVisibility("hidden");
    expect(notifyIfHidden("Batch done", { body: "12 of 12 images", tag: "batch-1" })).toBe(true);
    expect(fake.shown).toEqual([
      { title: "Batch done", options: { body: "12 of 12 images", tag: "batch-1" } },
    ]);
  });

  it("stays quiet while the page is visible, or without permission", () => {
    const fake = stubNotification("granted");
    stubVisibility("visible");
    expect(notifyIfHidden("Batch done")).toBe(false);
    stubNotification("denied");
    stubVisibility("hidden");
    expect(notifyIfHidden("Batch done")).toBe(false);
    expect(fake.shown).toEqual([]);
  });
});
