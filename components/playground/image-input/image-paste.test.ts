import { describe, expect, it } from "vitest";
import { type ClipboardLike, isTextEntryTarget, pickPastedImage } from "./image-paste";

function clipboard({
  files = [],
  text = "",
  listFilesAsItems = true,
}: {
  files?: File[];
  text?: string;
  listFilesAsItems?: boolean;
}): ClipboardLike {
  const items: NonNullable<ClipboardLike["items"]>[number][] = listFilesAsItems
    ? files.map((file) => ({ kind: "file", type: file.type, getAsFile: () => file }))
    : [];
  if (text) items.unshift({ kind: "string", type: "text/plain", getAsFile: () => null });
  return { items, files, getData: (format) => (format === "text/plain" ? text : "") };
}

const png = new File([new Uint8Array([1, 2, 3])], "image.png", { type: "image/png" });
const pdf = new File([new Uint8Array([1])], "doc.pdf", { type: "application/pdf" });

describe("pickPastedImage", () => {
  it("takes the first image file", () => {
    expect(pickPastedImage(clipboard({ files: [pdf, png] }), false)).toBe(png);
  });

  it("falls back to the files list", () => {
    expect(pickPastedImage(clipboard({ files: [png], listFilesAsItems: false }), false)).toBe(png);
  });

  it("ignores pastes without an image file", () => {
    expect(pickPastedImage(clipboard({ text: "a cat" }), false)).toBeNull();
    expect(pickPastedImage(clipboard({ files: [pdf] }), false)).toBeNull();
  });

  it("takes an image pasted into a text field when there is no text", () => {
    expect(pickPastedImage(clipboard({ files: [png] }), true)).toBe(png);
  });

  it("leaves text pasted into a text field alone, even with a picture", () => {
    expect(pickPastedImage(clipboard({ text: "a cat" }), true)).toBeNull();
    expect(pickPastedImage(clipboard({ files: [png], text: "A1\tB1" }), true)).toBeNull();
  });

  it("takes the picture when the text goes elsewhere than a text field", () => {
    expect(pickPastedImage(clipboard({ files: [png], text: "A1\tB1" }), false)).toBe(png);
  });
});

describe("isTextEntryTarget", () => {
  it.each([
    [{ tagName: "TEXTAREA" }, true],
    [{ tagName: "INPUT", type: "text" }, true],
    [{ tagName: "INPUT", type: "url" }, true],
    [{ tagName: "INPUT", type: "number" }, true],
    [{ tagName: "DIV", isContentEditable: true }, true],
    [{ tagName: "INPUT", type: "checkbox" }, false],
    [{ tagName: "INPUT", type: "range" }, false],
    [{ tagName: "BUTTON" }, false],
    [{ tagName: "BODY", isContentEditable: false }, false],
    [null, false],
  ])("%o → %s", (target, expected) => {
    expect(isTextEntryTarget(target)).toBe(expected);
  });
});
