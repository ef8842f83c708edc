/**
 * The Chromium the tests drive: Debian's `chromium-headless-shell` (Chromium's own headless build,
 * the one Playwright runs headless tests on), unless CHROMIUM_PATH names another (the full browser,
 * or Chrome on a CI runner). `scripts/test.sh` installs the package when it is missing.
 */
export const DEFAULT_TEST_CHROMIUM = "/usr/bin/chromium-headless-shell";

/** The Chromium binary for tests: CHROMIUM_PATH, else Debian's headless shell. */
export function testChromiumPath(): string {
  return process.env.CHROMIUM_PATH || DEFAULT_TEST_CHROMIUM;
}
