import { describe, expect, it } from "vitest";
import { parseCsv } from "./list";
import { csvCell, exportNames, manifestCsv, stemOf } from "./naming";

describe("stemOf", () => {
  it("names an output after its input's file name, URL or path in a zip", () => {
    expect(stemOf("chair-003.jpg")).toBe("chair-003");
    expect(stemOf("products/shoes/boot_12.PNG")).toBe("boot_12");
    expect(stemOf("https://cdn.example/catalog/lamp%20blue.webp?w=800")).toBe("lamp-blue");
    expect(stemOf("https://cdn.example/")).toBe("cdn.example");
  });

  it("makes names safe: no folders, no hidden or reserved names, no odd characters", () => {
    expect(stemOf("../../etc/passwd")).toBe("passwd");
    expect(stemOf("C:\\Users\\me\\photo:1?.jpg")).toBe("photo-1");
    expect(stemOf(".hidden.png")).toBe("hidden");
    expect(stemOf("CON.jpg")).toBe("CON-image");
    expect(stemOf("a <b> | c * d.jpg")).toBe("a-b-c-d");
    expect(stemOf("café-naïve.jpg")).toBe("café-naïve");
    expect(stemOf("....jpg")).toBe("image");
    expect(stemOf(`${"x".repeat(200)}.png`)).toHaveLength(80);
  });
});

describe("exportNames", () => {
  it("names outputs and sidecars after their inputs", () => {
    expect(exportNames([{ input: "chair-003.jpg", extensions: ["png"] }])).toEqual([
      { stem: "chair-003", outputs: ["chair-003.kontext.png"], sidecar: "chair-003.kontext.json" },
    ]);
  });

  it("numbers several output images of one input and writes jpeg as jpg", () => {
    const [names] = exportNames([{ input: "lamp.png", extensions: ["jpeg", "jpeg", "jpeg"] }]);
    expect(names?.outputs).toEqual([
      "lamp.kontext.jpg",
      "lamp.kontext-2.jpg",
      "lamp.kontext-3.jpg",
    ]);
  });

  it("keeps names unique, ignoring case, without taking another input's name", () => {
    const names = exportNames([
      { input: "a/chair.jpg", extensions: ["png"] },
      { input: "b/Chair.png", extensions: ["png"] },
      { input: "chair-2.jpg", extensions: ["png"] },
      { input: "c/chair.webp", extensions: ["png"] },
    ]);
    expect(names.map((name) => name.stem)).toEqual(["chair", "Chair-3", "chair-2", "chair-4"]);
    const files = names.flatMap((name) => [...name.outputs, name.sidecar]);
    expect(new Set(files.map((file) => file.toLowerCase())).size).toBe(files.length);
  });
});

describe("manifestCsv", () => {
  it("writes a header and a row per item that a CSV reader reads back exactly", () => {
    const csv = manifestCsv([
      {
        input: "chair-003.jpg",
        outputFiles: ["chair-003.kontext.png"],
        prompt: 'make it "red", glossy\nand bright',
        seed: 42,
        size: { width: 1024, height: 768 },
        priceUsd: 0.035,
        status: "done",
        error: null,
      },
      {
        input: "https://cdn.example/lamp.jpg",
        outputFiles: [],
        prompt: "x",
        seed: null,
        size: null,
        priceUsd: null,
        status: "failed",
        error: "HTTP 500",
      },
    ]);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(parseCsv(csv).map((record) => record.fields)).toEqual([
      ["input", "output file", "prompt", "seed", "size", "price", "status", "error"],
      [
        "chair-003.jpg",
        "chair-003.kontext.png",
        'make it "red", glossy\nand bright',
        "42",
        "1024x768",
        "0.035",
        "done",
        "",
      ],
      ["https://cdn.example/lamp.jpg", "", "x", "", "", "", "failed", "HTTP 500"],
    ]);
  });

  it("never lets a cell start a formula", () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell("plain")).toBe("plain");
  });
});
