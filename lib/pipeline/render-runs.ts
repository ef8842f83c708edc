import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type { Catalog } from "../content/index.ts";
import type { ImagePlan } from "../images/index.ts";
import { configureSite, type EleventyConfig } from "../render/index.ts";
import type { SearchPeer } from "../search-protocol/index.ts";
import { sha256 } from "../shared/index.ts";
import { DETAIL_PAGES_PER_RUN } from "./node-flags.ts";

/**
 * Splits the detail pages to render into runs of at most `perRun` pages, as even as can be, in
 * order; always at least one run (the first also renders every other page of the site).
 */
export function planRenderRuns(urls: readonly string[], perRun = DETAIL_PAGES_PER_RUN): string[][] {
  const runs = Math.max(1, Math.ceil(urls.length / perRun));
  const size = Math.ceil(urls.length / runs);
  return Array.from({ length: runs }, (_, i) => urls.slice(i * size, (i + 1) * size));
}

/** What the render stage wrote: how many pages, in how many Eleventy runs, and each detail page's file and hash. */
export interface Rendered {
  pages: number;
  runs: number;
  /** Detail page URL → its file (relative to the output folder) and the SHA-256 of its bytes. */
  detailPageFiles: Map<string, { file: string; sha256: string }>;
}

/**
 * The Eleventy run of this process now and those waiting: runs take turns, as Eleventy keeps
 * compiled layouts across its instances (and lib/render's filters read the run configured last).
 */
let eleventyTurn: Promise<unknown> = Promise.resolve();

/** Runs `run` once every Eleventy run asked for before it is done; the builds of a 站群 in one process take turns so. */
export function inEleventyTurn<T>(run: () => Promise<T>): Promise<T> {
  const turn = eleventyTurn.then(run);
  eleventyTurn = turn.catch(() => undefined);
  return turn;
}

/**
 * Renders the site into `outputDir` in Eleventy runs of at most `perRun` of the `detailPages`
 * (URLs) given; the first run renders every other page too. `images` is the plan the pictures are written from.
 */
export async function renderPages(
  root: string,
  outputDir: string,
  catalog: Catalog,
  detailPages: readonly string[],
  perRun = DETAIL_PAGES_PER_RUN,
  images?: ImagePlan,
  searchPeers: readonly SearchPeer[] = [],
): Promise<Rendered> {
  const rendered: Rendered = { pages: 0, runs: 0, detailPageFiles: new Map() };
  const wanted = new Set(detailPages);
  for (const [run, urls] of planRenderRuns(detailPages, perRun).entries()) {
    const written = await inEleventyTurn(() => {
      const eleventy = new Eleventy(undefined, undefined, {
        configPath: false,
        quietMode: true,
        config: (eleventyConfig: EleventyConfig) =>
          configureSite(eleventyConfig, {
            root,
            outputDir,
            catalog,
            images,
            searchPeers,
            selection: { detailPages: new Set(urls), detailPagesOnly: run > 0 },
          }),
      });
      eleventy.disableLogger();
      return eleventy.write() as unknown as Promise<
        [unknown[], { url?: string; outputPath?: string; content?: string }[]]
      >;
    });
    rendered.runs++;
    for (const entry of written[1] ?? []) {
      if (!entry.url) continue;
      rendered.pages++;
      if (entry.outputPath && typeof entry.content === "string" && wanted.has(entry.url))
        rendered.detailPageFiles.set(entry.url, {
          file: path.relative(outputDir, path.resolve(entry.outputPath)),
          sha256: sha256(entry.content),
        });
    }
  }
  return rendered;
}
