import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PhotoBenchResult } from "../../bench/photos.ts";
import { PROJECT_DIR } from "../../lib/shared/paths.ts";

const run = promisify(execFile);
let dir: string;
let results: string;
let stdout: string;
let result: PhotoBenchResult;

/** Every camera photo of a corpus under content/files/, by its site path. */
function corpusPhotos(root: string): string[] {
  const filesDir = path.join(root, "content/files");
  return readdirSync(filesDir, { recursive: true, encoding: "utf8" })
    .filter((file) => /^\d{4}\/article-\d+-\d\.jpg$/.test(file.split(path.sep).join("/")))
    .map((file) => `/files/${file.split(path.sep).join("/")}`);
}

describe("npm run bench -- --photos (smoke run, 10 articles, 2,000-px photos, Lighthouse included)", () => {
  // The process must end by itself once the results are written: execFile resolves only then.
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "bench-photos-smoke-"));
    results = path.join(dir, "results");
    const output = await run(
      "npx",
      [
        "tsx",
        "scripts/bench.ts",
        "--photos",
        "--articles",
        "10",
        "--photo-width",
        "2000",
        "--keep",
        "--work",
        dir,
        "--results",
        results,
      ],
      { cwd: PROJECT_DIR, maxBuffer: 16 * 1024 * 1024 },
    );
    stdout = output.stdout;
    result = JSON.parse(readFileSync(path.join(results, "photos-10.json"), "utf8")) as PhotoBenchResult;
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("counts the photos the corpus holds and encodes each once cold, none warm", () => {
    const photos = corpusPhotos(path.join(dir, "photos-10"));
    expect(photos.length).toBeGreaterThan(0);
    expect(result.corpus.photos).toBe(photos.length);
    expect(corpusPhotos(path.join(dir, "photos-10-none"))).toEqual([]);
    expect(result.imageStage.cold).toMatchObject({ pictures: photos.length, encoded: photos.length });
    expect(result.imageStage.warm).toMatchObject({ pictures: photos.length, encoded: 0 });
    expect(result.imageStage.photosPerSecond).toBeCloseTo(photos.length / (result.imageStage.cold.encodeMs / 1000), 6);
    expect(result.warmRatio).toBeCloseTo(
      result.builds.withPhotos.warm.wallMs / result.builds.withoutPhotos.warm.wallMs,
      6,
    );
  });

  it("measures the three-photo article on the phone: a 1080-px WebP of its first photo, then Lighthouse", () => {
    const article = result.corpus.threePhotoArticle;
    expect(article).toMatch(/^\/articles\/\d{4}\/article-\d+\/$/);
    const [, year, slug] = /^\/articles\/(\d{4})\/([^/]+)\/$/.exec(article) ?? [];
    expect(result.phone?.url.endsWith(article)).toBe(true);
    expect(result.phone?.firstPhoto.url).toMatch(new RegExp(`^/files/${year}/${slug}-1\\.[0-9a-f]{8}\\.1080\\.webp$`));
    expect(result.phone?.firstPhoto.bytes).toBeGreaterThan(0);
    expect(result.phone?.bytesToFold).toBeGreaterThan(result.phone?.firstPhoto.bytes ?? 0);
    expect(result.lighthouse).toMatchObject({ id: "photos", url: article, formFactor: "mobile" });
    expect(result.lighthouse?.performance).toBeGreaterThan(0);
  });

  it("prints the table it writes beside the JSON", () => {
    const table = readFileSync(path.join(results, "photos-10.md"), "utf8");
    expect(stdout).toContain(table);
    expect(table).toContain(`| Corpus | 10 articles, ${result.corpus.articlesWithPhotos} with photos,`);
    expect(table).toMatch(/\| Lighthouse mobile \| performance \d+,/);
  });
});
