import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER } from "@/lib/server/guard/client-address";
import { type FakeHub, startFakeHub } from "@/tests/support/fake-hub";
import { FAKE_MODELS, PLUSHIE_PNG_BASE64 } from "@/tests/support/fake-hub-models";
import type { HubErrorBody } from "./errors";
import { createHubHandlers } from "./handlers";
import { hubImageUrl, MAX_HUB_IMAGE_BYTES, sniffImageType } from "./image";

describe("sniffImageType", () => {
  it("knows PNG, JPEG, WebP and GIF by their bytes, and nothing else", () => {
    const bytes = (...values: number[]) => new Uint8Array(values);
    expect(sniffImageType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe(
      "image/png",
    );
    expect(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe("image/jpeg");
    expect(sniffImageType(new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 "))).toBe("image/webp");
    expect(sniffImageType(new TextEncoder().encode("GIF89a..."))).toBe("image/gif");
    expect(sniffImageType(new TextEncoder().encode("GIF87a..."))).toBe("image/gif");
    expect(sniffImageType(new TextEncoder().encode("<svg xmlns="))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode("RIFF\0\0\0\0WAVE"))).toBeNull();
    expect(sniffImageType(bytes(0x89, 0x50))).toBeNull();
  });
});

describe("hubImageUrl", () => {
  const origin = "https://hub.test";

  it("accepts a repository's image file at a revision, canonically encoded", () => {
    expect(hubImageUrl(`${origin}/fal/Plushie/resolve/main/images/a%20b.png`, origin)).toBe(
      `${origin}/fal/Plushie/resolve/main/images/a%20b.png`,
    );
  });

  it("refuses other hosts, other kinds of path, queries and non-images", () => {
    for (const raw of [
      "https://evil.example/fal/Plushie/resolve/main/a.png",
      `${origin}/fal/Plushie/blob/main/a.png`,
      `${origin}/fal/Plushie/resolve/main/a.png?download=1`,
      `${origin}/fal/Plushie/resolve/main/weights.safetensors`,
      `${origin}/fal/Plu--shie/resolve/main/a.png`,
      `${origin}/fal/Plushie/resolve/main/%2E%2E/x.png`,
      `${origin}/datasets/x/resolve/main/a.png`,
      "not a url",
    ]) {
      expect(() => hubImageUrl(raw, origin), raw).toThrow(/Not a Hub card image/);
    }
  });
});

describe("GET /api/hub/image", () => {
  let hub: FakeHub;
  let elsewhere: FakeHub;
  let client = 0;
  beforeAll(async () => {
    hub = await startFakeHub(FAKE_MODELS);
    elsewhere = await startFakeHub(FAKE_MODELS);
  });
  afterAll(async () => {
    await hub.stop();
    await elsewhere.stop();
  });
  afterEach(() => {
    hub.clearFaults();
    hub.requests.length = 0;
  });

  async function image(url: string) {
    const handlers = createHubHandlers({ HF_ENDPOINT: hub.url, HF_HUB_DOWNLOAD_TIMEOUT: "0.5" });
    const request = new Request(`http://app.test/api/hub/image?url=${encodeURIComponent(url)}`, {
      headers: { [PEER_ADDRESS_HEADER]: `10.1.0.${++client % 250}` },
    });
    return handlers.image(request);
  }
  const error = async (response: Response) => (await response.json()) as HubErrorBody;
  const plushie = () => `${hub.url}/fal/Plushie-Kontext-Dev-LoRA/resolve/main/images/plushie-1.png`;

  it("passes on a card image with its sniffed type", async () => {
    const response = await image(plushie());
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.equals(Buffer.from(PLUSHIE_PNG_BASE64, "base64"))).toBe(true);
  });

  it("refuses a file whose bytes are not an image, whatever its name", async () => {
    const response = await image(
      `${hub.url}/someone/SDXL-LoRA/resolve/main/images/not-an-image.png`,
    );
    expect(response.status).toBe(502);
    expect(await error(response)).toMatchObject({ code: "bad_answer" });
  });

  it("refuses an image over 6 MiB", async () => {
    hub.fault("/fal/Plushie-Kontext-Dev-LoRA/resolve/", {
      kind: "huge",
      bytes: MAX_HUB_IMAGE_BYTES + 1,
      declareLength: false,
    });
    const response = await image(plushie());
    expect(response.status).toBe(502);
    expect(await error(response)).toMatchObject({ code: "too_large" });
  });

  it("asks nothing of another host, and never follows a redirect there", async () => {
    const direct = await image(
      `${elsewhere.url}/fal/Plushie-Kontext-Dev-LoRA/resolve/main/images/plushie-1.png`,
    );
    expect(direct.status).toBe(400);
    expect(await error(direct)).toMatchObject({ code: "bad_reference" });
    expect(hub.requests).toHaveLength(0);

    hub.fault("/fal/Plushie-Kontext-Dev-LoRA/resolve/", {
      kind: "redirect",
      location: `${elsewhere.url}/fal/Plushie-Kontext-Dev-LoRA/resolve/main/images/plushie-1.png`,
    });
    const redirected = await image(plushie());
    expect(redirected.status).toBe(502);
    expect(await error(redirected)).toMatchObject({ code: "off_host_redirect" });
    expect(elsewhere.requests).toHaveLength(0);
  });
});
