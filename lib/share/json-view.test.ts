import { describe, expect, it } from "vitest";
import { request, TINY_PNG } from "@/tests/fixtures/share";
import { displayJson, shortenDataUri } from "./json-view";
import { OMITTED_DATA_URI } from "./recipe";

describe("shortenDataUri", () => {
  it("keeps the header and gives the decoded size of a base64 payload", () => {
    expect(shortenDataUri(TINY_PNG)).toBe("data:image/png;base64,… (70 B)");
    const big = `data:image/jpeg;base64,${"A".repeat(4 * 42_000)}`;
    expect(shortenDataUri(big)).toBe("data:image/jpeg;base64,… (123 KB)");
    const huge = `data:image/png;base64,${"A".repeat(4 * 1_400_000)}`;
    expect(shortenDataUri(huge)).toBe("data:image/png;base64,… (4.0 MB)");
  });

  it("counts the characters of a payload that is not base64", () => {
    expect(shortenDataUri("data:text/plain,hello%20world")).toBe("data:text/plain,… (13 B)");
  });

  it("says a recipe's marker stands for a data URI the link does not carry", () => {
    expect(shortenDataUri(OMITTED_DATA_URI)).toBe("data URI (not carried by this link)");
  });

  it("leaves URLs and other text alone", () => {
    expect(shortenDataUri("https://example.com/data:image/png;base64,AAAA")).toBe(
      "https://example.com/data:image/png;base64,AAAA",
    );
    expect(shortenDataUri("Make it data: driven")).toBe("Make it data: driven");
  });
});

describe("displayJson", () => {
  it("pretty-prints a request with its data URI shortened and everything else as it is", () => {
    const body = request({ image_url: TINY_PNG, loras: [] });
    const shown = JSON.parse(displayJson(body));
    expect(shown).toEqual({ ...body, image_url: "data:image/png;base64,… (70 B)" });
    expect(displayJson(body)).toContain('\n  "prompt": "Make it a watercolour painting",\n');
  });

  it("shortens data URIs nested in a response", () => {
    const response = { images: [{ url: TINY_PNG, width: 1, height: 1 }], seed: 1 };
    expect(JSON.parse(displayJson(response)).images[0].url).toBe("data:image/png;base64,… (70 B)");
  });
});
