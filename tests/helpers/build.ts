import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BuildOptions, type BuildResult, buildSite } from "../../lib/build/index.ts";
import { PROJECT_DIR } from "../../lib/shared/paths.ts";

/** Builds a site root into a fresh temporary output folder (the project's _site is never touched). */
export async function buildToTemp(
  root: string = PROJECT_DIR,
  options: Omit<BuildOptions, "root" | "outputDir"> = {},
): Promise<BuildResult & { cleanup(): void }> {
  const parent = mkdtempSync(path.join(tmpdir(), "bureau-build-"));
  const result = await buildSite({ ...options, root, outputDir: path.join(parent, "_site") });
  return { ...result, cleanup: () => rmSync(parent, { recursive: true, force: true }) };
}
