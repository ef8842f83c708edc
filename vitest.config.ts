import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["tests/global-setup.ts"],
    // Logs of passing tests (Eleventy's, expected failures') are left out; a failing test shows its own.
    silent: "passed-only",
    projects: [
      {
        test: { name: "unit", include: ["tests/lib/**/*.test.ts", "tests/bench/**/*.test.ts"] },
      },
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
