import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { copySeedFiles, writeSyntheticCorpus } from "../harness/corpus.ts";
import { addPhotosToCorpus, type PhotoCorpus } from "../harness/photo-corpus.ts";
import { serveSite } from "../harness/static-server.ts";
import { PROJECT_DIR } from "../lib/shared/paths.ts";
import { runLighthouse } from "./lighthouse.ts";
import { measureBuild, runChild } from "./measure.ts";
import { launchPhoneChromium } from "./phone.ts";
import { type FoldSample, measureFold } from "./photo-phone.ts";
import type { BuildSample, LighthouseSample } from "./results.ts";

/*
 * `npm run bench -- --photos`: a synthetic corpus with camera photos (harness/photo-corpus.ts),
 * measured as issue 22 asks: the image stage alone cold (photos a second, peak memory) and warm
 * (encodes none, the plan's time), full builds with and without the photos cold and warm, and
 * the three-photo article on a throttled phone (bytes to the first screen, Lighthouse mobile).
 */

/** One run of the image stage alone (bench/image-stage.ts). */
export interface ImageStageSample {
  wallMs: number;
  peakRssBytes: number;
  pictures: number;
  encoded: number;
  planMs: number;
  encodeMs: number;
}

/** What the photo job measured at one size. */
export interface PhotoBenchResult {
  articles: number;
  corpus: PhotoCorpus;
  imageStage: { cold: ImageStageSample; warm: ImageStageSample; photosPerSecond: number };
  builds: {
    withPhotos: { cold: BuildSample; warm: BuildSample };
    withoutPhotos: { cold: BuildSample; warm: BuildSample };
  };
  /** Warm build with photos over warm build without. */
  warmRatio: number;
  phone?: FoldSample;
  lighthouse?: LighthouseSample;
}

/** Options of the photo job. */
export interface PhotoBenchOptions {
  articles: number;
  work: string;
  results: string;
  share?: number;
  /** The photos' width (default 4000, as 4000 × 3000); 2000 × 1500 gives the same renditions, encoded faster. */
  photoWidth?: number;
  skipLighthouse?: boolean;
  log?: (line: string) => void;
}

/** Writes the synthetic corpus (with the seed article) into `root`, with photos when asked. */
async function writeCorpus(
  root: string,
  articles: number,
  share: number | undefined,
  width?: number,
): Promise<PhotoCorpus | undefined> {
  rmSync(root, { recursive: true, force: true });
  writeSyntheticCorpus(root, articles, readFileSync(path.join(PROJECT_DIR, "_data/site.yaml"), "utf8"));
  copySeedFiles(root, PROJECT_DIR);
  const size = width !== undefined ? { width, height: Math.round((width * 3) / 4) } : {};
  return share === 0 ? undefined : addPhotosToCorpus(root, { ...(share !== undefined ? { share } : {}), ...size });
}

/** Runs the image stage alone in its own process. */
async function imageStage(root: string, cacheDir: string): Promise<ImageStageSample> {
  const { wallMs, peakRssBytes, output } = await runChild(path.join(PROJECT_DIR, "bench/image-stage.ts"), [
    root,
    cacheDir,
  ]);
  return { wallMs, peakRssBytes, ...(output as Omit<ImageStageSample, "wallMs" | "peakRssBytes">) };
}

/** The phone and Lighthouse runs of the three-photo article, served as the CDN would. */
async function measurePhone(siteDir: string, article: string, skipLighthouse: boolean) {
  const server = await serveSite(siteDir, { cdn: true, http2: true });
  try {
    const browser = await launchPhoneChromium(server.spki);
    const phone = await measureFold(browser, `${server.origin}${article}`).finally(() => browser.close());
    const lighthouse = skipLighthouse
      ? undefined
      : await runLighthouse(`${server.origin}${article}`, "photos", "三张照片的文章", server.spki);
    return { phone, lighthouse };
  } finally {
    await server.close();
  }
}

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const kb = (bytes: number) => (bytes / 1024).toFixed(0);
const s = (ms: number) => (ms / 1000).toFixed(1);

/** The result as a Markdown table, for bench/results/photos-N.md. */
export function photoTable(result: PhotoBenchResult): string {
  const { imageStage: stage, builds, phone, lighthouse, corpus } = result;
  const rows = [
    [
      "Corpus",
      `${result.articles} articles, ${corpus.articlesWithPhotos} with photos, ${corpus.photos} photos (${mb(corpus.photoBytes)} MB)`,
    ],
    [
      "Image stage cold",
      `${s(stage.cold.wallMs)} s, ${stage.photosPerSecond.toFixed(2)} photos/s, peak ${mb(stage.cold.peakRssBytes)} MB`,
    ],
    [
      "Image stage warm",
      `${stage.warm.encoded} encoded, plan ${stage.warm.planMs.toFixed(0)} ms, ${s(stage.warm.wallMs)} s`,
    ],
    [
      "Build with photos",
      `cold ${s(builds.withPhotos.cold.wallMs)} s (peak ${mb(builds.withPhotos.cold.peakRssBytes)} MB), warm ${s(builds.withPhotos.warm.wallMs)} s`,
    ],
    [
      "Build without photos",
      `cold ${s(builds.withoutPhotos.cold.wallMs)} s, warm ${s(builds.withoutPhotos.warm.wallMs)} s`,
    ],
    ["Warm ratio (with / without)", result.warmRatio.toFixed(2)],
  ];
  if (phone)
    rows.push(
      [
        "Phone: bytes to the first screen",
        `${kb(phone.bytesToFold)} KB in ${phone.requestsToFold} requests, ${s(phone.foldMs)} s`,
      ],
      ["Phone: first photo", `${phone.firstPhoto.url} ${kb(phone.firstPhoto.bytes)} KB`],
    );
  if (lighthouse)
    rows.push([
      "Lighthouse mobile",
      `performance ${lighthouse.performance}, LCP ${s(lighthouse.lcpMs)} s, CLS ${lighthouse.cls}, TBT ${lighthouse.tbtMs} ms`,
    ]);
  return `| Photos (${result.articles} articles) | |\n|---|---|\n${rows.map(([name, value]) => `| ${name} | ${value} |`).join("\n")}\n`;
}

/** Runs the photo job at one size; writes photos-N.json and photos-N.md into the results folder. */
export async function benchPhotos(options: PhotoBenchOptions): Promise<PhotoBenchResult> {
  const log = options.log ?? (() => undefined);
  const root = path.join(options.work, `photos-${options.articles}`);
  const plainRoot = path.join(options.work, `photos-${options.articles}-none`);
  log(`生成 ${options.articles} 篇文章和照片 (writing the corpus with photos)…`);
  const corpus = (await writeCorpus(root, options.articles, options.share, options.photoWidth)) as PhotoCorpus;
  await writeCorpus(plainRoot, options.articles, 0);
  log(`${corpus.photos} 张照片 (photos)；图片阶段 (image stage) cold…`);
  const stageCache = path.join(options.work, `photos-${options.articles}-stage-cache`);
  rmSync(stageCache, { recursive: true, force: true });
  const cold = await imageStage(root, stageCache);
  const warm = await imageStage(root, stageCache);
  rmSync(stageCache, { recursive: true, force: true });
  const build = async (corpusRoot: string) => {
    const out = path.join(options.work, `${path.basename(corpusRoot)}-site`);
    rmSync(out, { recursive: true, force: true });
    rmSync(path.join(corpusRoot, ".cache"), { recursive: true, force: true });
    log(`完整构建 (full build) ${path.basename(corpusRoot)} cold, warm…`);
    return {
      out,
      cold: await measureBuild("full", corpusRoot, out),
      warm: await measureBuild("full", corpusRoot, out),
    };
  };
  const withPhotos = await build(root);
  const withoutPhotos = await build(plainRoot);
  log("手机 (phone, Slow 4G, 4x CPU)…");
  const { phone, lighthouse } = await measurePhone(
    withPhotos.out,
    corpus.threePhotoArticle,
    options.skipLighthouse === true,
  );
  const result: PhotoBenchResult = {
    articles: options.articles,
    corpus,
    imageStage: { cold, warm, photosPerSecond: cold.pictures / (cold.encodeMs / 1000) },
    builds: {
      withPhotos: { cold: withPhotos.cold, warm: withPhotos.warm },
      withoutPhotos: { cold: withoutPhotos.cold, warm: withoutPhotos.warm },
    },
    warmRatio: withPhotos.warm.wallMs / withoutPhotos.warm.wallMs,
    phone,
    ...(lighthouse ? { lighthouse } : {}),
  };
  mkdirSync(options.results, { recursive: true });
  writeFileSync(path.join(options.results, `photos-${options.articles}.json`), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(path.join(options.results, `photos-${options.articles}.md`), photoTable(result));
  return result;
}
