import { test as base } from "@playwright/test";
import { PlaygroundPage } from "./support/playground-page";

export const test = base.extend<{ playground: PlaygroundPage }>({
  playground: async ({ page }, use, testInfo) => {
    await use(new PlaygroundPage(page, testInfo));
  },
});

export { expect } from "@playwright/test";
