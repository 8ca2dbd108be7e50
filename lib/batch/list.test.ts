import { describe, expect, it } from "vitest";
import { MAX_BATCH_ITEMS, parseCsv, parseImageList } from "./list";

describe("parseImageList: a list of URLs", () => {
  it("reads one URL per line and ignores blank lines and # comments", () => {
    const parsed = parseImageList(
      "# products\nhttps://cdn.example/a.jpg\n\n  https://cdn.example/b.png  \r\n#done\n",
    );
    expect(parsed.format).toBe("url");
    expect(parsed.items.map((item) => item.source)).toEqual([
      { kind: "url", url: "https://cdn.example/a.jpg" },
      { kind: "url", url: "https://cdn.example/b.png" },
    ]);
    expect(parsed.items.map((item) => item.line)).toEqual([2, 4]);
    expect(parsed.problems).toEqual([]);
  });

  it("names the line of every entry that is not an http(s) URL and keeps the rest", () => {
    const parsed = parseImageList(
      "https://a.example/1.jpg\nftp://a.example/2.jpg\nchair.jpg\ndata:image/png;base64,AAAA\nhttp://a.example/3.jpg",
    );
    expect(parsed.items).toHaveLength(2);
    expect(parsed.problems).toEqual([
      "Line 2: not an http(s) URL",
      "Line 3: not an http(s) URL",
      "Line 4: not an http(s) URL",
    ]);
  });

  it("keeps URLs with commas and quotes whole", () => {
    const parsed = parseImageList('https://a.example/x.jpg?crop=1,2\nhttps://a.example/"q".jpg');
    expect(parsed.items.map((item) => item.source)).toEqual([
      { kind: "url", url: "https://a.example/x.jpg?crop=1,2" },
      { kind: "url", url: 'https://a.example/"q".jpg' },
    ]);
  });

  it("lists the same URL twice as a duplicate of its first line", () => {
    const parsed = parseImageList("https://a.example/1.jpg\nhttps://a.example/1.jpg");
    expect(parsed.items).toHaveLength(1);
    expect(parsed.problems).toEqual(["Line 2: the same image as line 1"]);
  });

  it("takes at most 500 images and lists the rest as over the limit", () => {
    const text = Array.from({ length: 503 }, (_, i) => `https://a.example/${i}.jpg`).join("\n");
    const parsed = parseImageList(text);
    expect(parsed.items).toHaveLength(MAX_BATCH_ITEMS);
    expect(parsed.overLimit.map((item) => item.line)).toEqual([501, 502, 503]);
    expect(parsed.problems).toEqual(["Lines 501–503: over the 500-image limit (3 left out)"]);
  });

  it("caps at what is left of a batch when told", () => {
    const parsed = parseImageList("https://a.example/1.jpg\nhttps://a.example/2.jpg", { max: 1 });
    expect(parsed.items).toHaveLength(1);
    expect(parsed.problems).toEqual(["Line 2: over the 500-image limit (1 left out)"]);
  });
});

describe("parseImageList: a CSV", () => {
  it("reads the url column and the per-image prompt, header in any case", () => {
    const parsed = parseImageList(
      'SKU,URL,Prompt\n001,https://cdn.example/chair.jpg,"make it red, glossy"\n002,https://cdn.example/lamp.jpg,\n',
    );
    expect(parsed.format).toBe("csv");
    expect(parsed.items).toEqual([
      {
        line: 2,
        source: { kind: "url", url: "https://cdn.example/chair.jpg" },
        prompt: "make it red, glossy",
      },
      { line: 3, source: { kind: "url", url: "https://cdn.example/lamp.jpg" }, prompt: null },
    ]);
  });

  it("reads a CSV saved by a spreadsheet, with a byte-order mark and CRLF line ends", () => {
    const parsed = parseImageList("\uFEFFImage,Prompt\r\nx,y\r\n");
    expect(parsed.format).toBe("csv");
    expect(parsed.items[0]).toMatchObject({
      line: 2,
      source: { kind: "file", name: "x" },
      prompt: "y",
    });
  });

  it("reads quoted fields with doubled quotes and line breaks, naming rows by their first line", () => {
    const parsed = parseImageList(
      'image,prompt\r\nhttps://a.example/1.jpg,"say ""hi""\non two lines"\r\nnot a url,plain\r\n',
    );
    expect(parsed.items[0]?.prompt).toBe('say "hi"\non two lines');
    // "not a url" in an image column is a file name, on line 4 (the quoted break took line 3).
    expect(parsed.items[1]).toEqual({
      line: 4,
      source: { kind: "file", name: "not a url" },
      prompt: "plain",
    });
  });

  it("takes file names from a file column, without their folders", () => {
    const parsed = parseImageList("file,prompt\nshots/chair-003.jpg,a\n../../x.png,b\n..,c");
    expect(parsed.items.map((item) => item.source)).toEqual([
      { kind: "file", name: "chair-003.jpg" },
      { kind: "file", name: "x.png" },
    ]);
    expect(parsed.problems).toEqual(["Line 4: not a file name"]);
  });

  it("names bad rows by line: not a URL in a url column, an empty image, a prompt too long", () => {
    const long = "x".repeat(5_001);
    const parsed = parseImageList(
      `url,prompt\nchair.jpg,a\n,b\nhttps://a.example/ok.jpg,${long}\nhttps://a.example/fine.jpg,c`,
    );
    expect(parsed.items.map((item) => item.line)).toEqual([5]);
    expect(parsed.problems).toEqual([
      "Line 2: not an http(s) URL",
      "Line 3: no image in the url column",
      "Line 4: the prompt is longer than 5,000 characters",
    ]);
  });

  it("refuses the whole CSV when a quote is never closed, naming where it opened", () => {
    const parsed = parseImageList(
      'url,prompt\nhttps://a.example/1.jpg,ok\nhttps://a.example/2.jpg,"open',
    );
    expect(parsed.items).toEqual([]);
    expect(parsed.problems).toEqual(["Line 3: a quoted field is never closed"]);
  });
});

describe("parseCsv", () => {
  it("splits RFC 4180 records and keeps empty fields", () => {
    expect(parseCsv('a,b,c\n1,,"x,y"\n')).toEqual([
      { line: 1, fields: ["a", "b", "c"] },
      { line: 2, fields: ["1", "", "x,y"] },
    ]);
  });

  it("reads a last record without a line end and a quoted empty field", () => {
    expect(parseCsv('a\n""')).toEqual([
      { line: 1, fields: ["a"] },
      { line: 2, fields: [""] },
    ]);
  });
});
