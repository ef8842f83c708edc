import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildSite } from "../lib/pipeline/index.ts";
import { PROJECT_DIR } from "../lib/shared/paths.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The sample site (the project's own content/ and _data/), built once per run with its search index. */
    sampleSite: string;
  }
}

/**
 * Builds the sample site once per test run, outside the project folder (output and caches in a
 * temporary folder), for every test that only reads it (tests/helpers/sample-site.ts).
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const parent = mkdtempSync(path.join(tmpdir(), "bureau-sample-"));
  const { outputDir } = await buildSite({
    root: PROJECT_DIR,
    outputDir: path.join(parent, "_site"),
    cacheDir: path.join(parent, "cache"),
  });
  project.provide("sampleSite", outputDir);
  return () => rmSync(parent, { recursive: true, force: true });
}
