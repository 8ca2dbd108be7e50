import { describe, expect, it } from "vitest";
import { hubFileUrl, resolveCardImage } from "./urls";

const HUB = "https://huggingface.co";

describe("resolveCardImage", () => {
  it("turns repository paths into resolve URLs on the Hub", () => {
    expect(resolveCardImage(HUB, "fal/X", "main", "images/1.png")).toBe(
      "https://huggingface.co/fal/X/resolve/main/images/1.png",
    );
    expect(resolveCardImage(HUB, "fal/X", "main", "./a b.JPG")).toBe(
      "https://huggingface.co/fal/X/resolve/main/a%20b.JPG",
    );
  });

  it("keeps https image URLs on the Hub and drops everything else", () => {
    const onHub = "https://huggingface.co/fal/X/resolve/main/1.webp";
    expect(resolveCardImage(HUB, "fal/X", "main", onHub)).toBe(onHub);
    expect(resolveCardImage(HUB, "fal/X", "main", "https://evil.example.com/a.png")).toBeNull();
    expect(resolveCardImage(HUB, "fal/X", "main", "http://huggingface.co/a.png")).toBeNull();
    expect(resolveCardImage(HUB, "fal/X", "main", "//evil.example.com/a.png")).toBeNull();
    expect(resolveCardImage(HUB, "fal/X", "main", "data:image/png;base64,AAAA")).toBeNull();
    expect(resolveCardImage(HUB, "fal/X", "main", "javascript:alert(1)")).toBeNull();
    expect(resolveCardImage(HUB, "fal/X", "main", "../other/a.png")).toBeNull();
    expect(resolveCardImage(HUB, "fal/X", "main", "notes.txt")).toBeNull();
  });

  it("allows the configured hub's own origin, even over http", () => {
    const local = "http://127.0.0.1:4000";
    expect(resolveCardImage(local, "a/b", "main", `${local}/a/b/resolve/main/x.png`)).toBe(
      `${local}/a/b/resolve/main/x.png`,
    );
  });
});

describe("hubFileUrl", () => {
  it("encodes each segment", () => {
    expect(hubFileUrl(HUB, "a/b", "main", "dir/x y.safetensors")).toBe(
      "https://huggingface.co/a/b/resolve/main/dir/x%20y.safetensors",
    );
  });
});
