import { describe, expect, it } from "vitest";
import { budgetVerdict, scriptsOf } from "./bundle-html.mjs";

const PAGE = `<!DOCTYPE html><html><head>
<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>
<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/main.js"/>
<link rel="preload" as="image" href="/hero.png"/>
<link rel="modulepreload" href="/_next/static/chunks/mod.js"/>
<script src="/_next/static/chunks/page.js" async=""></script>
<script src="/_next/static/chunks/polyfills.js" noModule=""></script>
</head><body><p>Hi</p>
<script src="/_next/static/chunks/main.js" async=""></script>
<script>self.__next_f.push([1,"abc"])</script>
<script type="application/ld+json">{"@type":"WebSite"}</script>
</body></html>`;

describe("scriptsOf", () => {
  it("lists every referenced script once, preloads included, and only script preloads", () => {
    const { scripts } = scriptsOf(PAGE);
    expect(scripts.map((s) => s.src)).toEqual([
      "/_next/static/chunks/page.js",
      "/_next/static/chunks/polyfills.js",
      "/_next/static/chunks/main.js",
      "/_next/static/chunks/mod.js",
    ]);
  });

  it("marks nomodule scripts, which modern browsers skip", () => {
    const { scripts } = scriptsOf(PAGE);
    expect(scripts.find((s) => s.src.endsWith("polyfills.js"))?.kind).toBe("nomodule");
    expect(scripts.find((s) => s.src.endsWith("page.js"))?.how).toEqual(["async"]);
  });

  it("counts inline JavaScript apart, leaving out JSON data blocks", () => {
    expect(scriptsOf(PAGE).inlineBytes).toBe('self.__next_f.push([1,"abc"])'.length);
  });
});

describe("budgetVerdict", () => {
  it("passes at or under the budget, in kilobytes of 1,000 bytes", () => {
    expect(budgetVerdict(360_000, 360)).toEqual({
      isWithin: true,
      text: "within it (0.0 KB to spare)",
    });
  });

  it("fails over the budget and says by how much", () => {
    expect(budgetVerdict(345_512, 200)).toEqual({ isWithin: false, text: "OVER it by 145.5 KB" });
  });
});
