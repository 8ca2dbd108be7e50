import { describe, expect, it } from "vitest";
import { PLAYGROUND_LIMITS } from "@/lib/kontext/endpoint";
import { cardFacts, MAX_FRONT_MATTER_CHARS, parseFrontMatter } from "./card";

const card = (yaml: string, body = "# Title\n") => `---\n${yaml}\n---\n${body}`;

describe("parseFrontMatter", () => {
  it("reads the YAML between the two --- lines", () => {
    const { data, problem } = parseFrontMatter(
      card("instance_prompt: Convert to plushie style\nlicense: other\ntags:\n- lora"),
    );
    expect(problem).toBeUndefined();
    expect(data).toEqual({
      instance_prompt: "Convert to plushie style",
      license: "other",
      tags: ["lora"],
    });
  });

  it("accepts a byte-order mark, CRLF line ends and a card that is only front matter", () => {
    expect(parseFrontMatter("\uFEFF---\r\nlicense: mit\r\n---\r\n").data).toEqual({
      license: "mit",
    });
    expect(parseFrontMatter("---\nlicense: mit\n---").data).toEqual({ license: "mit" });
  });

  it.each([
    ["an empty card", "", /no metadata/],
    ["a card without front matter", "# Just a title\n\ninstance_prompt: nope\n", /no metadata/],
    ["an unterminated block", "---\nlicense: mit\n# no end", /no metadata/],
    ["invalid YAML", card("license: [unclosed"), /not valid YAML/],
    ["a list instead of a mapping", card("- a\n- b"), /not a mapping/],
    ["a plain string", card("just text"), /not a mapping/],
    ["null", card("~"), /not a mapping/],
  ])("gives no metadata and says why for %s", (_, text, problem) => {
    const result = parseFrontMatter(text);
    expect(result.data).toBeNull();
    expect(result.problem).toMatch(problem);
  });

  it("refuses an alias bomb instead of expanding it", () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]",
      "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]",
      "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]",
      "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]",
      "f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]",
    ].join("\n");
    const started = Date.now();
    const result = parseFrontMatter(card(bomb));
    expect(result.data).toBeNull();
    expect(result.problem).toMatch(/not valid YAML/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("still reads a few ordinary aliases", () => {
    const result = parseFrontMatter(
      card("base: &k black-forest-labs/FLUX.1-Kontext-dev\nbase_model: *k"),
    );
    expect(result.data?.base_model).toBe("black-forest-labs/FLUX.1-Kontext-dev");
  });

  it("refuses front matter over the size limit without parsing it", () => {
    const huge = card(`license: mit\nnotes: "${"x".repeat(MAX_FRONT_MATTER_CHARS)}"`);
    const result = parseFrontMatter(huge);
    expect(result.data).toBeNull();
    expect(result.problem).toMatch(/too large/);
  });

  it("does not run custom tags or pollute prototypes", () => {
    const result = parseFrontMatter(
      card(
        'fn: !!js/function "function () { return 1 }"\n__proto__:\n  polluted: true\nlicense: mit',
      ),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(typeof result.data?.fn).not.toBe("function");
    if (result.data) expect(cardFacts(result.data).licence).toEqual({ id: "mit" });
  });

  it("accepts duplicate keys (the last wins) instead of failing", () => {
    expect(parseFrontMatter(card("license: mit\nlicense: apache-2.0")).data).toEqual({
      license: "apache-2.0",
    });
  });
});

describe("cardFacts", () => {
  it("takes the trigger from instance_prompt first", () => {
    const facts = cardFacts({
      instance_prompt: "  Convert to plushie style ",
      widget: [{ text: "widget prompt" }],
    });
    expect(facts.trigger).toEqual({ text: "Convert to plushie style", source: "instance_prompt" });
    expect(facts.widgetPrompts).toEqual(["widget prompt"]);
  });

  it("takes the first string of an instance_prompt list", () => {
    expect(cardFacts({ instance_prompt: [3, "", "second"] }).trigger?.text).toBe("second");
  });

  it("falls back to the widget prompts, then to none", () => {
    const facts = cardFacts({
      instance_prompt: "   ",
      widget: [
        { output: { url: "a.png" } },
        { text: "first" },
        { text: "first" },
        { text: "second" },
      ],
    });
    expect(facts.trigger).toEqual({ text: "first", source: "widget" });
    expect(facts.widgetPrompts).toEqual(["first", "second"]);
    expect(cardFacts({ license: "mit" }).trigger).toBeNull();
    expect(cardFacts(null).trigger).toBeNull();
  });

  it("collects widget output images", () => {
    const facts = cardFacts({
      widget: [
        { text: "a", output: { url: "images/1.png" } },
        { text: "b", output: { url: "images/1.png" } },
        { text: "c", output: "not an object" },
        "not a widget",
      ],
    });
    expect(facts.exampleImages).toEqual(["images/1.png"]);
  });

  it("reads the licence with its name and link", () => {
    expect(
      cardFacts({
        license: "other",
        license_name: "flux-1-dev-non-commercial-license",
        license_link: "LICENSE.md",
      }).licence,
    ).toEqual({ id: "other", name: "flux-1-dev-non-commercial-license", link: "LICENSE.md" });
    expect(cardFacts({ license: ["mit", "apache-2.0"] }).licence).toEqual({ id: "mit" });
    expect(cardFacts({ license: 42 }).licence).toBeNull();
  });

  it("reads base_model as a string or a list", () => {
    expect(cardFacts({ base_model: "black-forest-labs/FLUX.1-Kontext-dev" }).baseModels).toEqual([
      "black-forest-labs/FLUX.1-Kontext-dev",
    ]);
    expect(cardFacts({ base_model: ["a/b", "a/b", 7, "c/d"] }).baseModels).toEqual(["a/b", "c/d"]);
  });

  it("ignores fields of the wrong type", () => {
    const facts = cardFacts({
      instance_prompt: { nested: "x" },
      widget: "not a list",
      license: null,
      base_model: { id: "x" },
    });
    expect(facts).toEqual({
      trigger: null,
      widgetPrompts: [],
      licence: null,
      baseModels: [],
      exampleImages: [],
    });
  });

  it("caps a trigger at the prompt limit and keeps at most 12 widgets", () => {
    const long = "x".repeat(PLAYGROUND_LIMITS.maxPromptChars + 100);
    expect(cardFacts({ instance_prompt: long }).trigger?.text).toHaveLength(
      PLAYGROUND_LIMITS.maxPromptChars,
    );
    const widgets = Array.from({ length: 50 }, (_, i) => ({
      text: `p${i}`,
      output: { url: `${i}.png` },
    }));
    const facts = cardFacts({ widget: widgets });
    expect(facts.widgetPrompts).toHaveLength(12);
    expect(facts.exampleImages).toHaveLength(12);
  });

  it("never reads inherited properties", () => {
    const data = Object.create({ instance_prompt: "inherited" }) as Record<string, unknown>;
    expect(cardFacts(data).trigger).toBeNull();
  });
});
