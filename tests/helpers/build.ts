import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BuildOptions, type BuildResult, buildSite } from "../../lib/pipeline/index.ts";

/** Builds a site root into a fresh temporary folder, output and caches both, so nothing of the site root is written. */
export async function buildToTemp(
  root: string,
  options: Omit<BuildOptions, "root" | "outputDir" | "cacheDir"> = {},
): Promise<BuildResult & { cleanup(): void }> {
  const parent = mkdtempSync(path.join(tmpdir(), "bureau-build-"));
  const result = await buildSite({
    ...options,
    root,
    outputDir: path.join(parent, "_site"),
    cacheDir: path.join(parent, "cache"),
  });
  return { ...result, cleanup: () => rmSync(parent, { recursive: true, force: true }) };
}
