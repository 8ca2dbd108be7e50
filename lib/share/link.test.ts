import { deflateSync } from "fflate";
import { describe, expect, it } from "vitest";
import {
  historyRun,
  NASTY_PROMPT,
  request,
  sweepRecord,
  sweepRun,
  TINY_PNG,
} from "@/tests/fixtures/share";
import {
  crc32,
  type DecodeResult,
  decodeRecipe,
  encodeRecipe,
  type LinkProblem,
  MAX_RECIPE_JSON_BYTES,
  MAX_TOKEN_CHARS,
  RecipeTooLargeError,
  SHARE_PARAM,
  shareToken,
  shareUrl,
} from "./link";
import { OMITTED_DATA_URI, type Recipe, runRecipe, sweepRecipe } from "./recipe";

/** A token in the version-1 format around any bytes, made independently of `encodeRecipe`. */
function craft(content: string | Uint8Array, version = 1): string {
  const json = typeof content === "string" ? new TextEncoder().encode(content) : content;
  const deflated = deflateSync(json, { level: 9 });
  const bytes = new Uint8Array(6 + deflated.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, crc32(json));
  view.setUint16(4, deflated.length);
  bytes.set(deflated, 6);
  return `${version}.${Buffer.from(bytes).toString("base64url")}`;
}

function decoded(token: string): { recipe: Recipe; notes: string[] } {
  const result = decodeRecipe(token);
  if (!result.ok) throw new Error(`expected a recipe, got ${result.problem}: ${result.message}`);
  return { recipe: result.recipe, notes: result.notes };
}

function refusal(token: string): { problem: LinkProblem; message: string } {
  const result: DecodeResult = decodeRecipe(token);
  if (result.ok) throw new Error("expected the link to be refused");
  return { problem: result.problem, message: result.message };
}

const run = runRecipe(historyRun());

function fullSweep(columns: number, rows: number): Recipe {
  const sweep = sweepRecord(columns, rows);
  return sweepRecipe(sweep, (id) => sweepRun(sweep, id));
}

describe("encodeRecipe and decodeRecipe", () => {
  it("round-trip a run exactly, with a URL-safe token behind the version prefix", () => {
    const token = encodeRecipe(run);
    expect(token).toMatch(/^1\.[A-Za-z0-9_-]+$/);
    expect(decoded(token)).toEqual({ recipe: run, notes: [] });
  });

  it("round-trip prompts, LoRA paths and labels with quotes, markup and control characters as plain text", () => {
    const nasty = runRecipe(
      historyRun({
        request: request({
          prompt: NASTY_PROMPT,
          loras: [{ path: 'https://x.example/it\'s "<b>".safetensors?a=1&b=$(id)', scale: 4 }],
        }),
      }),
    );
    expect(decoded(encodeRecipe(nasty)).recipe).toEqual(nasty);
  });

  it("round-trip a 64-cell sweep with random output URLs inside the size limit", () => {
    const sweep = fullSweep(8, 8);
    const token = encodeRecipe(sweep);
    expect(token.length).toBeLessThanOrEqual(MAX_TOKEN_CHARS);
    expect(decoded(token).recipe).toEqual(sweep);
  });

  it("round-trip a run without output and a local-engine run with its origin", () => {
    const local = runRecipe(
      historyRun({ backend: "local", output: null }),
      "http://127.0.0.1:3000",
    );
    const result = decoded(encodeRecipe(local));
    expect(result.recipe).toEqual(local);
    expect(result.notes).toEqual([expect.stringContaining("http://127.0.0.1:3000")]);
  });

  it("leave data URIs out of the link and say so in the decoded result", () => {
    const recipe = runRecipe(historyRun({ request: request({ image_url: TINY_PNG }) }));
    const token = encodeRecipe(recipe);
    expect(token).not.toContain("iVBOR");
    const result = decoded(token);
    expect(result.recipe).toEqual({
      ...recipe,
      request: { ...recipe.request, image_url: OMITTED_DATA_URI },
    });
    expect(result.notes).toEqual([expect.stringMatching(/input image was a local file/)]);
  });

  it("refuse a recipe over the size limit, suggesting fewer cells for a sweep", () => {
    const sweep = sweepRecord(8, 8);
    // Prompts that do not compress: each cell its own random text.
    for (const [index, cell] of sweep.cells.entries()) {
      const random = Array.from({ length: 300 }, (_, i) =>
        ((index * 7919 + i * 104729) % 9973).toString(36),
      );
      cell.request = { ...cell.request, prompt: random.join(" ") };
    }
    const recipe = sweepRecipe(sweep, () => undefined);
    let error: unknown;
    try {
      encodeRecipe(recipe);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RecipeTooLargeError);
    const tooLarge = error as RecipeTooLargeError;
    expect(tooLarge.tokenChars).toBeGreaterThan(MAX_TOKEN_CHARS);
    expect(tooLarge.message).toMatch(/more than the 8,000 characters a link can carry/);
    expect(tooLarge.message).toMatch(/Share fewer cells/);
  });

  it("refuse to encode an invalid recipe, naming the field", () => {
    const invalid = { ...run, output: { images: [], seed: 1.5 } };
    expect(() => encodeRecipe(invalid)).toThrow(/'output\.seed'/);
  });
});

describe("decodeRecipe refuses damaged links", () => {
  const token = encodeRecipe(run);

  it("calls every cut-off version of a link truncated", () => {
    for (let length = 1; length < token.length; length += 1) {
      expect({ length, problem: refusal(token.slice(0, length)).problem }).toEqual({
        length,
        problem: "truncated",
      });
    }
    expect(refusal(token.slice(0, 20)).message).toMatch(/incomplete.*Copy the whole link again/);
  });

  it("calls every one-character change after the version tampered, unless the recipe is unchanged", () => {
    // Deflate has a little redundancy (code lengths of symbols a block never uses), so a few
    // changes decode to the very same JSON; the CRC proves that, and nothing else gets through.
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let tampered = 0;
    for (let index = 2; index < token.length; index += 1) {
      const char = token[index] ?? "";
      for (const shift of [1, 31]) {
        const replacement = alphabet[(alphabet.indexOf(char) + shift) % alphabet.length];
        const result = decodeRecipe(
          `${token.slice(0, index)}${replacement}${token.slice(index + 1)}`,
        );
        const outcome = result.ok ? result.recipe : result.problem;
        expect({ index, shift, outcome }).toEqual({
          index,
          shift,
          outcome: outcome === "tampered" ? "tampered" : run,
        });
        if (outcome === "tampered") tampered += 1;
      }
    }
    expect(tampered).toBeGreaterThan((token.length - 2) * 2 * 0.95);
    const other = token[8] === "A" ? "B" : "A";
    expect(refusal(`${token.slice(0, 8)}${other}${token.slice(9)}`).message).toMatch(
      /changed since it was made/,
    );
  });

  it("calls characters a link never has, or punctuation pasted onto its end, tampered", () => {
    for (const changed of [`${token})`, `${token}.`, `${token.slice(0, 10)}+${token.slice(11)}`]) {
      expect(refusal(changed).problem).toBe("tampered");
    }
  });

  it("refuses a token longer than the limit before reading it", () => {
    const result = refusal(`1.${"A".repeat(MAX_TOKEN_CHARS)}`);
    expect(result).toEqual({
      problem: "too-large",
      message: expect.stringMatching(/8,002 characters long, more than the 8,000/),
    });
  });

  it("stops inflating a zip bomb at the size cap", () => {
    const bomb = craft(new Uint8Array(MAX_RECIPE_JSON_BYTES * 4).fill(0x20));
    expect(bomb.length).toBeLessThan(MAX_TOKEN_CHARS);
    expect(refusal(bomb)).toEqual({
      problem: "too-large",
      message: expect.stringMatching(/unpacks to more than 1,048,576 bytes/),
    });
  });

  it("asks for an update for a link from a newer format", () => {
    const newer = craft(JSON.stringify(run), 2);
    expect(refusal(newer)).toEqual({
      problem: "newer-version",
      message: expect.stringMatching(
        /newer version .*link format 2; this one reads up to 1.*Update/,
      ),
    });
    expect(refusal("37.anything at all").problem).toBe("newer-version");
  });

  it("does not recognise links from no version or version 0 as recipes", () => {
    for (const other of ["", "hello", "v1.abc", "0.abc", "1-abc", ".abc"]) {
      expect({ other, problem: refusal(other).problem }).toEqual({
        other,
        problem: "not-a-recipe",
      });
    }
  });

  it("explains intact links that hold something other than a valid recipe", () => {
    expect(refusal(craft("not json")).message).toMatch(/holds no JSON/);
    expect(refusal(craft(new Uint8Array([0xff, 0xfe, 0x00]))).message).toMatch(/holds no text/);
    expect(refusal(craft("[1,2]")).problem).toBe("not-a-recipe");
    const hostile = {
      ...run,
      output: {
        images: [{ url: "javascript:alert(1)", width: 8, height: 8, content_type: "image/png" }],
        seed: 1,
      },
    };
    expect(refusal(craft(JSON.stringify(hostile)))).toEqual({
      problem: "not-a-recipe",
      message:
        "This link does not hold a valid Kontext Playground recipe: 'output.images.0.url': " +
        "must be an http(s) URL (a link never carries data URIs)",
    });
  });

  it("validates requests against the endpoint's contract", () => {
    const badRequest = { ...run, request: { ...run.request, num_inference_steps: 500 } };
    expect(refusal(craft(JSON.stringify(badRequest))).message).toMatch(
      /'request\.num_inference_steps': num_inference_steps must be at most 50/,
    );
  });

  it("keeps the message short when a crafted link has many problems", () => {
    const cells = Array.from({ length: 64 }, (_, column) => ({
      row: 0,
      column,
      request: {},
      output: null,
    }));
    const crafted = {
      kind: "sweep",
      axes: [],
      columnLabels: [],
      rowLabels: [],
      cells,
      createdAt: -1,
      backend: "x",
    };
    expect(refusal(craft(JSON.stringify(crafted))).message.length).toBeLessThan(400);
  });
});

describe("crc32", () => {
  it("matches the standard check value", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });
});

describe("shareUrl and shareToken", () => {
  it("put the token in the share page's query string, where the server sees it", () => {
    const token = encodeRecipe(run);
    const link = shareUrl("https://kontext.example/", token);
    expect(link).toBe(`https://kontext.example/share?r=${token}`);
    const url = new URL(link);
    expect(url.hash).toBe("");
    expect(decoded(shareToken(url.searchParams.get(SHARE_PARAM) ?? undefined)).recipe).toEqual(run);
  });

  it("read the first value of a repeated parameter and nothing from a missing one", () => {
    expect(shareToken(["1.abc", "1.def"])).toBe("1.abc");
    expect(shareToken(undefined)).toBe("");
    expect(refusal(shareToken(undefined)).message).toBe("This link holds no recipe.");
  });
});
