import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { copySeedFiles, seededRandom, syntheticArticle, writeSyntheticCorpus } from "../harness/corpus.ts";
import { S3RVER_KEYS, startS3ServerThread } from "../harness/s3-server.ts";
import { type Catalog, loadCatalog } from "../lib/content/index.ts";
import { type DeployResult, deploySite } from "../lib/deploy/index.ts";
import { TAIL_SIZE } from "../lib/search/shards.ts";
import { SHARD_MANIFEST_FILE, type ShardManifest } from "../lib/search-protocol/index.ts";
import { FIXED_PAGES, SEARCH_INDEX_URL } from "../lib/shared/index.ts";
import { PROJECT_DIR } from "../lib/shared/paths.ts";
import { measureBuild } from "./measure.ts";

/** The kinds of objects a deploy uploads, as the benchmark counts them. */
export const UPLOAD_KINDS = ["pages", "lists", "presence", "search", "other"] as const;

/** One kind of uploaded object: article and other HTML pages, list pages, presence files, the rest of the search index, the rest. */
export type UploadKind = (typeof UPLOAD_KINDS)[number];

/** One deploy as the benchmark reports it. */
export interface DeploySample {
  /** Files of the build that belong in the bucket, and their megabytes. */
  files: number;
  megabytes: number;
  /** Objects uploaded and deleted. */
  uploaded: number;
  deleted: number;
  uploadedMegabytes: number;
  seconds: number;
  /** The uploaded objects by kind. */
  kinds: Record<UploadKind, number>;
}

/** The deploy after one deleted article, with the check that it deleted that article's page and nothing else. */
export interface DeletionSample extends DeploySample {
  /** The deleted article's address. */
  article: string;
  /** Whether the deploy deleted exactly the article's page. */
  deletedOnlyItsPage: boolean;
}

/**
 * The deploy benchmark of one size: the first deploy of a build, the one after one new article, and
 * the one after one deleted article.
 */
export interface DeployBenchResult {
  articles: number;
  first: DeploySample;
  oneNewArticle: DeploySample;
  oneDeletedArticle: DeletionSample;
  /** With `openShard`: one new article when the open search shard holds TAIL_SIZE − 1 pages with it, then one more, which closes it. */
  openShard?: { full: DeploySample; closing: DeploySample };
}

const SEARCH_FOLDER = SEARCH_INDEX_URL.slice(1);

/** The kind of an uploaded object, `listBases` being the lists' folders without their slash (`gzdt/`, `notices/`). */
export function uploadKind(objectPath: string, listBases: readonly string[]): UploadKind {
  if (objectPath.startsWith(`${SEARCH_FOLDER}presence-`)) return "presence";
  if (objectPath.startsWith(SEARCH_FOLDER)) return "search";
  if (!objectPath.endsWith(".html")) return "other";
  const folder = objectPath.slice(0, -"index.html".length).replace(/\d+\/$/, "");
  return listBases.includes(folder) ? "lists" : "pages";
}

/** How many of `paths` are of each kind. */
export function countKinds(paths: readonly string[], listBases: readonly string[]): Record<UploadKind, number> {
  const kinds = Object.fromEntries(UPLOAD_KINDS.map((kind) => [kind, 0])) as Record<UploadKind, number>;
  for (const objectPath of paths) kinds[uploadKind(objectPath, listBases)]++;
  return kinds;
}

/** The folders of a catalog's lists, as object paths start: each column's and the notices'. */
export function listFolders(catalog: Pick<Catalog, "columns">): string[] {
  return [...catalog.columns.map((listing) => `${listing.column.slug}/`), FIXED_PAGES.notices.slice(1)];
}

const sample = (result: DeployResult, ms: number, listBases: readonly string[]): DeploySample => ({
  files: result.files,
  megabytes: Number((result.bytes / 1048576).toFixed(1)),
  uploaded: result.added.length + result.changed.length,
  deleted: result.deleted.length,
  uploadedMegabytes: Number((result.uploadedBytes / 1048576).toFixed(1)),
  seconds: Number((ms / 1000).toFixed(2)),
  kinds: countKinds([...result.added, ...result.changed], listBases),
});

/** Where the second deploy's new article goes, and its front matter: the newest of the archive, in 工作动态. */
export const NEW_ARTICLE = {
  file: "content/articles/2024/bench-deploy-new.md",
  url: "/articles/2024/bench-deploy-new/",
  frontMatter: "title: 基准测试新增的一篇工作动态\ndate: 2024-12-30 09:00\ncolumn: 工作动态",
};

/** The new article's Markdown: its front matter over a body the corpus's generator writes (three sections, ~900 characters). */
export function newArticleText(seed = 20241230, frontMatter = NEW_ARTICLE.frontMatter): string {
  const { text } = syntheticArticle(0, seededRandom(seed));
  const body = text.slice(text.indexOf("\n---\n") + "\n---\n".length);
  return `---\n${frontMatter}\n---\n${body}`;
}

/**
 * How many new articles bring the open search shard (the newest shard when it holds fewer than
 * TAIL_SIZE pages, lib/search/shards.ts) to TAIL_SIZE − 2 pages, so that the next makes it full.
 */
export function articlesToFillOpenShard(manifest: Pick<ShardManifest, "shards">): number {
  const newest = manifest.shards[0]?.pages ?? 0;
  return Math.max(0, TAIL_SIZE - 2 - (newest < TAIL_SIZE ? newest : 0));
}

/** Writes new 工作动态 articles `from` … `from + count − 1`, each newer than the last, into the corpus. */
function writeNewArticles(root: string, from: number, count: number): void {
  for (let n = from; n < from + count; n++) {
    const minute = String(n % 60).padStart(2, "0");
    const frontMatter = `title: 基准测试新增的第${n}篇工作动态\ndate: 2024-12-31 ${String(8 + Math.floor(n / 60)).padStart(2, "0")}:${minute}\ncolumn: 工作动态`;
    writeFileSync(
      path.join(root, `content/articles/2024/bench-deploy-new-${n}.md`),
      newArticleText(20241231 + n, frontMatter),
    );
  }
}

/** The article the third deploy deletes: the newest of 工作动态 but the new one, as an editor takes back a recent article. */
export function articleToDelete(catalog: Catalog): { url: string; sourcePath: string } {
  const column = catalog.columns.find((listing) => listing.column.name === "工作动态");
  const article = column?.articles.find((candidate) => candidate.url !== NEW_ARTICLE.url);
  if (!article) throw new Error("bench:deploy: 工作动态 has no article to delete");
  return article;
}

/**
 * Builds a synthetic archive of `articles` articles in `work`, deploys it to s3rver (in a thread of
 * its own, objects under `work/s3`), adds one article, builds again (carrying pages over) and
 * deploys again, then deletes another article, builds and deploys; with `openShard`, then fills
 * the open search shard but for one page, adds that one and one more, a build and deploy each.
 * Times the deploys.
 */
export async function benchDeploy(
  articles: number,
  work: string,
  { openShard = true }: { openShard?: boolean } = {},
): Promise<DeployBenchResult> {
  const root = path.join(work, "corpus");
  const siteDir = path.join(work, "_site");
  writeSyntheticCorpus(root, articles, readFileSync(path.join(PROJECT_DIR, "_data/site.yaml"), "utf8"));
  copySeedFiles(root, PROJECT_DIR);
  await measureBuild("full", root, siteDir);
  mkdirSync(path.join(work, "s3"), { recursive: true });
  const server = await startS3ServerThread(path.join(work, "s3"), ["site"]);
  try {
    const deploy = async () => {
      const started = performance.now();
      const result = await deploySite({
        endpoint: server.endpoint,
        bucket: "site",
        ...S3RVER_KEYS,
        siteDir,
        siteUrl: "https://kjj.klmy.gov.cn",
        force: true,
        refreshDir: path.join(work, "refresh"),
      });
      return { result, ms: performance.now() - started };
    };
    const first = await deploy();
    writeFileSync(path.join(root, NEW_ARTICLE.file), newArticleText());
    await measureBuild("full", root, siteDir);
    const added = await deploy();
    const catalog = loadCatalog({ root });
    const lists = listFolders(catalog);
    const removed = articleToDelete(catalog);
    rmSync(path.resolve(root, removed.sourcePath));
    await measureBuild("full", root, siteDir);
    const deletion = await deploy();
    const expected = [`${removed.url.slice(1)}index.html`];
    let open: DeployBenchResult["openShard"];
    if (openShard) {
      const step = async (from: number, count: number) => {
        writeNewArticles(root, from, count);
        await measureBuild("full", root, siteDir);
        const { result, ms } = await deploy();
        return sample(result, ms, lists);
      };
      const manifest = JSON.parse(readFileSync(path.join(siteDir, SEARCH_FOLDER, SHARD_MANIFEST_FILE), "utf8"));
      const fill = articlesToFillOpenShard(manifest);
      if (fill > 0) await step(1, fill);
      open = { full: await step(fill + 1, 1), closing: await step(fill + 2, 1) };
    }
    return {
      articles,
      first: sample(first.result, first.ms, lists),
      oneNewArticle: sample(added.result, added.ms, lists),
      oneDeletedArticle: {
        ...sample(deletion.result, deletion.ms, lists),
        article: removed.url,
        deletedOnlyItsPage: JSON.stringify(deletion.result.deleted) === JSON.stringify(expected),
      },
      ...(open ? { openShard: open } : {}),
    };
  } finally {
    await server.close();
  }
}

/** The benchmark's table of one size, in Markdown. */
export function deployTable(result: DeployBenchResult): string {
  const row = (name: string, run: DeploySample) =>
    `| ${name} | ${run.files} | ${run.megabytes} | ${run.uploaded} | ${UPLOAD_KINDS.map((kind) => run.kinds[kind]).join(" | ")} | ${run.uploadedMegabytes} | ${run.deleted} | ${run.seconds} |`;
  const deletion = result.oneDeletedArticle;
  return [
    `### 部署到本机 S3（s3rver）· deploy to a local S3 server, ${result.articles} articles`,
    "",
    "| deploy | files in build | MB | objects uploaded | pages | list pages | presence | other search | other | MB uploaded | deleted | s |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    row("first (empty bucket)", result.first),
    row("after one new article", result.oneNewArticle),
    row("after one deleted article", deletion),
    ...(result.openShard
      ? [
          row(`after one new article, the open search shard at ${TAIL_SIZE - 1} pages`, result.openShard.full),
          row(`after one more: the open shard's ${TAIL_SIZE} pages join their shard`, result.openShard.closing),
        ]
      : []),
    "",
    `The deleted article was ${deletion.article}; the deploy deleted ${deletion.deletedOnlyItsPage ? "its page and nothing else" : `${deletion.deleted} objects, not only its page`}.`,
    "",
  ].join("\n");
}
