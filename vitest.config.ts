import { defineConfig } from "vitest/config";
import { testChromiumPath } from "./harness/chromium-path.ts";

export default defineConfig({
  test: {
    globalSetup: ["tests/global-setup.ts"],
    // Every test, and the benchmark run as a child by the bench smoke test, drives the same Chromium.
    env: { CHROMIUM_PATH: testChromiumPath() },
    // Logs of passing tests (Eleventy's, expected failures') are left out; a failing test shows its own.
    silent: "passed-only",
    // Two files at a time on the 2-core machine (vitest's default is cores - 1); the files of a worker
    // share its module cache (isolate: false), so Eleventy, Pagefind, zod and Playwright load once per
    // worker instead of once per file (browser files alone: imports 17.7 s → 7.2 s, 141 s → 128 s).
    // Each browser file still starts and closes its own Chromium. The modules that keep state for
    // the life of a process are reset before each test (tests/fresh-module-state.ts).
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: "unit",
          isolate: false,
          setupFiles: ["tests/fresh-module-state.ts"],
          include: [
            "tests/lib/**/*.test.ts",
            "tests/bench/**/*.test.ts",
            "tests/harness/**/*.test.ts",
            "tests/docs/**/*.test.ts",
          ],
        },
      },
      {
        test: {
          name: "integration",
          isolate: false,
          setupFiles: ["tests/fresh-module-state.ts"],
          include: ["tests/integration/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: "browser",
          isolate: false,
          setupFiles: ["tests/fresh-module-state.ts"],
          include: ["tests/browser/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
