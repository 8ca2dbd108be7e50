import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { clientOnly, onDemand } from "./on-demand";

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

describe("onDemand", () => {
  it("shows the loading note while its code loads", () => {
    const load = vi.fn(() => new Promise<typeof Greeting>(() => {}));
    const greeting = onDemand(load, <p>Loading…</p>);
    expect(load).not.toHaveBeenCalled();
    const html = renderToString(<greeting.Component name="Ada" />);
    expect(html).toContain("Loading…");
    expect(html).not.toContain("Hello");
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("renders in the same pass, without the note, once preloaded (never rendered before)", async () => {
    const load = vi.fn(async () => Greeting);
    const greeting = onDemand(load, <p>Loading…</p>);
    await greeting.preload();
    const html = renderToString(<greeting.Component name="Ada" />);
    expect(html).toContain("Hello <!-- -->Ada");
    expect(html).not.toContain("Loading…");
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("loads once however often it is preloaded, and tries again after a failure", async () => {
    const load = vi
      .fn<() => Promise<typeof Greeting>>()
      .mockRejectedValueOnce(new Error("chunk failed"))
      .mockResolvedValue(Greeting);
    const greeting = onDemand(load);
    await expect(greeting.preload()).rejects.toThrow("chunk failed");
    await Promise.all([greeting.preload(), greeting.preload()]);
    expect(load).toHaveBeenCalledTimes(2);
    expect(renderToString(<greeting.Component name="Grace" />)).toContain("Grace");
  });
});

describe("clientOnly", () => {
  it("renders its loading note on the server (and so in hydration) without loading its code", () => {
    const load = vi.fn(async () => Greeting);
    const ClientGreeting = clientOnly(load, <p>Loading…</p>);
    const html = renderToString(<ClientGreeting name="Ada" />);
    expect(html).toBe("<p>Loading…</p>");
    expect(load).not.toHaveBeenCalled();
  });

  it("renders nothing there when it has no loading note: no Suspense boundary either", () => {
    const ClientGreeting = clientOnly(async () => Greeting);
    expect(renderToString(<ClientGreeting name="Ada" />)).toBe("");
  });
});
