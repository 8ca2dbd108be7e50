import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// These modules may be imported by the browser (the UI checks references and shows verdicts),
// so they must not pull in server-only code, directly or through a sibling.
const BROWSER_SAFE = [
  "reference",
  "card",
  "base-model",
  "files",
  "urls",
  "errors",
  "types",
  "cache",
  "rate-limit",
  "library-entry",
];
// Keep in step with SERVER_ONLY in .dependency-cruiser.cjs.
const SERVER_ONLY = ["config", "guarded-fetch", "model", "search", "handlers", "routes"];

function source(name: string): string {
  return readFileSync(path.join(import.meta.dirname, `${name}.ts`), "utf8");
}

describe("lib/hub module boundaries", () => {
  it.each(BROWSER_SAFE)("%s is browser-safe", (name) => {
    const text = source(name);
    expect(text).not.toMatch(/import\s+"server-only"/);
    expect(text).not.toMatch(/from\s+"@huggingface\/hub"/);
    for (const server of SERVER_ONLY)
      expect(text).not.toMatch(new RegExp(`from\\s+"\\./${server}"`));
  });

  it.each(SERVER_ONLY)("%s is marked server-only", (name) => {
    expect(source(name)).toMatch(/^import "server-only";/);
  });
});
