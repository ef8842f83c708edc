import { inject } from "vitest";

/**
 * The sample site as `npm run build` writes it, built once per test run by tests/global-setup.ts
 * outside the project folder. Shared by every test that only reads it: never write into it.
 */
export function sampleSite(): string {
  return inject("sampleSite");
}
