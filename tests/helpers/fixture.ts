import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type ContentProblem, ContentValidationError, loadCatalog } from "../../lib/content/index.ts";
import { PROJECT_DIR } from "../../lib/shared/paths.ts";

/** Files of a fixture site, by path relative to its root. */
export type FixtureFiles = Record<string, string | Buffer>;

/** A throwaway site root in the temp folder, with the project's site file unless replaced. */
export interface FixtureSite {
  root: string;
  write(files: FixtureFiles): void;
  remove(): void;
}

/** Creates a fixture site: the sample site file plus the given files. */
export function createFixtureSite(files: FixtureFiles = {}): FixtureSite {
  const root = mkdtempSync(path.join(tmpdir(), "bureau-site-"));
  mkdirSync(path.join(root, "_data"), { recursive: true });
  mkdirSync(path.join(root, "content"), { recursive: true });
  cpSync(path.join(PROJECT_DIR, "_data/site.yaml"), path.join(root, "_data/site.yaml"));
  const write = (more: FixtureFiles) => {
    for (const [file, body] of Object.entries(more)) {
      const target = path.join(root, file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, body);
    }
  };
  write(files);
  return { root, write, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Front matter plus body for an article file. */
export function articleFile(frontMatter: Record<string, unknown> | string, body = "正文第一段。\n"): string {
  const yaml =
    typeof frontMatter === "string"
      ? frontMatter
      : Object.entries(frontMatter)
          .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
          .join("\n");
  return `---\n${yaml}\n---\n${body}`;
}

/** Loads a fixture site's catalog and returns its problems (an empty list when it is valid). */
export function contentProblemsOf(files: FixtureFiles): ContentProblem[] {
  const site = createFixtureSite(files);
  try {
    loadCatalog({ root: site.root });
    return [];
  } catch (error) {
    if (error instanceof ContentValidationError) return [...error.problems];
    throw error;
  } finally {
    site.remove();
  }
}
