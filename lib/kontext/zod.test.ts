import { describe, expect, it } from "vitest";
import * as z from "./zod";

describe("the app's zod", () => {
  it("words its own messages in English, as full zod does", () => {
    const schema = z.strictObject({ size: z.int().check(z.nonnegative()), name: z.string() });
    const result = schema.safeParse({ size: -1, name: 3, extra: true });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      "Too small: expected number to be >=0",
      "Invalid input: expected string, received number",
      'Unrecognized key: "extra"',
    ]);
  });

  it("keeps the messages a schema gives", () => {
    const result = z.string({ error: "Enter a name" }).safeParse(undefined);
    expect(result.error?.issues[0]?.message).toBe("Enter a name");
  });
});
