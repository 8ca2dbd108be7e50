import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const alias = { "@": fileURLToPath(new URL("./", import.meta.url)) };
// `server-only` throws when imported outside a React Server environment; in Node tests it is a no-op.
const serverOnly = fileURLToPath(new URL("./tests/server-only-stub.ts", import.meta.url));

export default defineConfig({
  resolve: { alias: { ...alias, "server-only": serverOnly } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: [
            "lib/**/*.test.ts",
            "components/**/*.test.ts",
            "components/**/*.test.tsx",
            "scripts/**/*.test.ts",
            "tests/fixtures/**/*.test.ts",
          ],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
