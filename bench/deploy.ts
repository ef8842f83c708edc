import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { copySeedFiles, writeSyntheticCorpus } from "../harness/corpus.ts";
import { S3RVER_KEYS, startS3ServerThread } from "../harness/s3-server.ts";
import { type DeployResult, deploySite } from "../lib/deploy/index.ts";
import { PROJECT_DIR } from "../lib/shared/paths.ts";
import { measureBuild } from "./measure.ts";

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
}

/** The deploy benchmark of one size: the first deploy of a build, then the one after one new article. */
export interface DeployBenchResult {
  articles: number;
  first: DeploySample;
  oneNewArticle: DeploySample;
}

const sample = (result: DeployResult, ms: number): DeploySample => ({
  files: result.files,
  megabytes: Number((result.bytes / 1048576).toFixed(1)),
  uploaded: result.added.length + result.changed.length,
  deleted: result.deleted.length,
  uploadedMegabytes: Number((result.uploadedBytes / 1048576).toFixed(1)),
  seconds: Number((ms / 1000).toFixed(2)),
});

/** The article the second deploy adds: the newest of the archive, in a column of the synthetic corpus. */
export const NEW_ARTICLE = {
  file: "content/articles/2024/bench-deploy-new.md",
  text: "---\ntitle: 基准测试新增的一篇工作动态\ndate: 2024-12-30 09:00\ncolumn: 工作动态\n---\n新增文章的正文。\n",
};

/**
 * Builds a synthetic archive of `articles` articles in `work`, deploys it to s3rver (in a thread of
 * its own, objects under `work/s3`), adds one article, builds again (carrying pages over) and
 * deploys again; times both deploys.
 */
export async function benchDeploy(articles: number, work: string): Promise<DeployBenchResult> {
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
      return sample(result, performance.now() - started);
    };
    const first = await deploy();
    writeFileSync(path.join(root, NEW_ARTICLE.file), NEW_ARTICLE.text);
    await measureBuild("full", root, siteDir);
    const oneNewArticle = await deploy();
    return { articles, first, oneNewArticle };
  } finally {
    await server.close();
  }
}

/** The benchmark's table of one size, in Markdown. */
export function deployTable(result: DeployBenchResult): string {
  const row = (name: string, run: DeploySample) =>
    `| ${name} | ${run.files} | ${run.megabytes} | ${run.uploaded} | ${run.uploadedMegabytes} | ${run.deleted} | ${run.seconds} |`;
  return [
    `### 部署到本机 S3（s3rver）· deploy to a local S3 server, ${result.articles} articles`,
    "",
    "| deploy | files in build | MB | objects uploaded | MB uploaded | deleted | s |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    row("first (empty bucket)", result.first),
    row("after one new article", result.oneNewArticle),
    "",
  ].join("\n");
}
