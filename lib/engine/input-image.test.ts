import sharp, { type Sharp } from "sharp";
import { describe, expect, it, vi } from "vitest";
import { InputError } from "@/lib/engine/errors";
import {
  type InputFormat,
  inspectImageBytes,
  type LoadInputDeps,
  loadInputImage,
} from "@/lib/engine/input-image";

/** A solid-colour canvas; `sharp().png()` etc. turn it into any fixture format. */
function canvas(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: "#3366cc" } });
}

/** Deterministic pseudo-random pixels, so a JPEG's entropy data fills most of the file. */
function noisyJpeg(width: number, height: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (Math.imul(i, 2654435761) >>> 13) & 255;
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg()
    .toBuffer();
}

const encoders: Record<InputFormat, (image: Sharp) => Sharp> = {
  jpeg: (image) => image.jpeg(),
  png: (image) => image.png(),
  webp: (image) => image.webp(),
  gif: (image) => image.gif(),
  avif: (image) => image.avif(),
};

/** Deps whose own-file reader finds nothing and whose remote fetch must not be reached. */
function noNetwork(): LoadInputDeps {
  return {
    readOwnFile: vi.fn(async () => null),
    fetchRemote: vi.fn(async () => {
      throw new Error("fetchRemote must not be called");
    }),
  };
}

/** Runs the load and returns the InputError it must fail with. */
async function refusal(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(
    () => new Error("expected the input to be refused"),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(InputError);
  const inputError = error as InputError;
  expect(inputError.field).toBe("image_url");
  return inputError;
}

describe("inspectImageBytes", () => {
  it.each(
    Object.keys(encoders) as InputFormat[],
  )("accepts a %s image and reports its format and size", async (format) => {
    const bytes = await encoders[format](canvas(64, 48)).toBuffer();
    const image = await inspectImageBytes(bytes);
    expect(image).toEqual({ bytes, format, width: 64, height: 48 });
  });

  it("reports the size after EXIF orientation for a rotated JPEG", async () => {
    const bytes = await canvas(400, 200).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const image = await inspectImageBytes(bytes);
    expect(image).toMatchObject({ format: "jpeg", width: 200, height: 400 });
  });

  it.each([
    "gif",
    "webp",
  ] as const)("accepts an animated %s and reports the size of one frame", async (format) => {
    const frames = await Promise.all(
      ["#ff0000", "#00ff00", "#0000ff"].map((background) =>
        sharp({ create: { width: 40, height: 30, channels: 3, background } })
          .png()
          .toBuffer(),
      ),
    );
    const joined = sharp(frames, { join: { animated: true } });
    const bytes = await encoders[format](joined).toBuffer();
    const image = await inspectImageBytes(bytes);
    expect(image).toMatchObject({ format, width: 40, height: 30 });
  });

  it("refuses zero bytes as an empty image", async () => {
    const error = await refusal(inspectImageBytes(Buffer.alloc(0)));
    expect(error.message).toBe("The input image is empty (0 bytes)");
  });

  it.each([
    ["random bytes", Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37 + 11) % 256))],
    ["an HTML page", Buffer.from("<!DOCTYPE html><html><body><img src=x></body></html>")],
    ["a PDF", Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n")],
    ["a JSON document", Buffer.from('{"images":[]}')],
  ])("refuses %s as not an image", async (_label, bytes) => {
    const error = await refusal(inspectImageBytes(bytes));
    expect(error.message).toBe("The input is not an image (expected JPEG, PNG, WebP, GIF or AVIF)");
  });

  it.each([
    ["a bare SVG", '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'],
    [
      "an SVG with an XML declaration",
      '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>',
    ],
  ])("refuses %s as unsupported SVG", async (_label, text) => {
    const error = await refusal(inspectImageBytes(Buffer.from(text)));
    expect(error.message).toBe("SVG images are not supported; use JPEG, PNG, WebP, GIF or AVIF");
  });

  it("refuses a TIFF as an unsupported image format", async () => {
    const bytes = await canvas(16, 16).tiff().toBuffer();
    const error = await refusal(inspectImageBytes(bytes));
    expect(error.message).toBe(
      "Unsupported image format 'tiff' (expected JPEG, PNG, WebP, GIF or AVIF)",
    );
  });

  it("refuses a truncated JPEG as corrupt", async () => {
    const bytes = await noisyJpeg(256, 256);
    const error = await refusal(inspectImageBytes(bytes.subarray(0, bytes.length >> 1)));
    expect(error.message).toBe("The input image is corrupt or truncated and could not be decoded");
  });

  it("refuses a truncated PNG as corrupt", async () => {
    const bytes = await canvas(400, 200).png().toBuffer();
    const error = await refusal(inspectImageBytes(bytes.subarray(0, bytes.length >> 1)));
    expect(error.message).toBe("The input image is corrupt or truncated and could not be decoded");
  });

  it("refuses a file that is only a JPEG signature as corrupt", async () => {
    const error = await refusal(inspectImageBytes(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0])));
    expect(error.message).toBe("The input image is corrupt or truncated and could not be decoded");
  });

  it("refuses an image wider than 14142 px before decoding it", async () => {
    const bytes = await canvas(20_000, 100).png().toBuffer();
    const error = await refusal(inspectImageBytes(bytes));
    expect(error.message).toBe(
      "The input image is 20000×100 px; the largest side allowed is 14142 px",
    );
  });

  it("accepts an image whose longest side is exactly 14142 px", async () => {
    const bytes = await canvas(14_142, 8).png().toBuffer();
    await expect(inspectImageBytes(bytes)).resolves.toMatchObject({ width: 14_142, height: 8 });
  });
});

describe("loadInputImage", () => {
  it("decodes a base64 data URI", async () => {
    const bytes = await canvas(20, 10).png().toBuffer();
    const uri = `data:image/png;base64,${bytes.toString("base64")}`;
    const deps = noNetwork();
    const image = await loadInputImage(uri, deps);
    expect(image).toEqual({ bytes, format: "png", width: 20, height: 10 });
    expect(deps.readOwnFile).not.toHaveBeenCalled();
  });

  it("decodes a percent-encoded data URI", async () => {
    const bytes = await canvas(12, 6).gif().toBuffer();
    const encoded = [...bytes].map((byte) => `%${byte.toString(16).padStart(2, "0")}`).join("");
    const image = await loadInputImage(`data:image/gif,${encoded}`, noNetwork());
    expect(image).toEqual({ bytes, format: "gif", width: 12, height: 6 });
  });

  it.each([
    ["no comma", "data:image/png;base64"],
    ["invalid base64", "data:image/png;base64,@@@not base64@@@"],
    ["a broken percent escape", "data:image/png,%ZZ%89PNG"],
    ["a malformed media type", "data:not a mime;base64,AAAA"],
  ])("refuses a data URI with %s", async (_label, uri) => {
    const error = await refusal(loadInputImage(uri, noNetwork()));
    expect(error.message).toBe("image_url is not a valid data URI");
  });

  it("refuses a data URI whose decoded content is not an image", async () => {
    const uri = `data:image/png;base64,${Buffer.from("<html></html>").toString("base64")}`;
    const error = await refusal(loadInputImage(uri, noNetwork()));
    expect(error.message).toMatch(/^The input is not an image/);
  });

  it("reads the engine's own upload URL without fetching it", async () => {
    const bytes = await canvas(30, 20).webp().toBuffer();
    const deps: LoadInputDeps = {
      readOwnFile: vi.fn(async (url: URL) => (url.pathname === "/uploads/abc.webp" ? bytes : null)),
      fetchRemote: vi.fn(async () => ({ bytes: Buffer.alloc(0) })),
    };
    const image = await loadInputImage("http://localhost:3000/uploads/abc.webp", deps);
    expect(image).toMatchObject({ format: "webp", width: 30, height: 20 });
    expect(deps.fetchRemote).not.toHaveBeenCalled();
  });

  it("fetches any other http(s) URL remotely", async () => {
    const bytes = await canvas(50, 25).jpeg().toBuffer();
    const deps: LoadInputDeps = {
      readOwnFile: vi.fn(async () => null),
      fetchRemote: vi.fn(async () => ({ bytes })),
    };
    const image = await loadInputImage("https://images.example.com/cat.jpg", deps);
    expect(image).toMatchObject({ format: "jpeg", width: 50, height: 25 });
    expect(deps.readOwnFile).toHaveBeenCalledWith(new URL("https://images.example.com/cat.jpg"));
    expect(deps.fetchRemote).toHaveBeenCalledWith("https://images.example.com/cat.jpg");
  });

  it("passes remote fetch refusals through unchanged", async () => {
    const refused = new InputError("The image URL answered HTTP 404");
    const deps: LoadInputDeps = {
      readOwnFile: async () => null,
      fetchRemote: async () => {
        throw refused;
      },
    };
    await expect(loadInputImage("https://images.example.com/gone.png", deps)).rejects.toBe(refused);
  });

  it.each([
    ["ftp://example.com/image.png", "ftp"],
    ["file:///etc/passwd", "file"],
    ["javascript:alert(1)", "javascript"],
  ])("refuses the non-http URL %s", async (url, scheme) => {
    const deps = noNetwork();
    const error = await refusal(loadInputImage(url, deps));
    expect(error.message).toBe(`image_url must be an http(s) URL or a data URI (got '${scheme}')`);
    expect(deps.readOwnFile).not.toHaveBeenCalled();
    expect(deps.fetchRemote).not.toHaveBeenCalled();
  });

  it("refuses text that is not a URL", async () => {
    const error = await refusal(loadInputImage("just some words", noNetwork()));
    expect(error.message).toBe("image_url is not a valid URL or data URI");
  });
});
