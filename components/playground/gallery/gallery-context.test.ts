import { describe, expect, it } from "vitest";
import { NO_FILTER } from "@/lib/store/gallery";
import { SHOW_EVERY_RUN } from "./gallery-context";

describe("SHOW_EVERY_RUN", () => {
  it("is the store's NO_FILTER, kept apart so the first screen goes without the gallery's selectors", () => {
    expect(SHOW_EVERY_RUN).toEqual(NO_FILTER);
  });
});
