import { execFile, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type S3ObjectEvent, S3RVER_KEYS, type S3Server, startS3Server } from "../../harness/s3-server.ts";
import { DeployError, type DeployOptions, deploySite, isLeftOut, MANIFEST_NAME } from "../../lib/deploy/index.ts";
import { buildSite } from "../../lib/pipeline/index.ts";
import { CACHE } from "../../lib/publish/index.ts";
import { PROJECT_DIR } from "../../lib/shared/paths.ts";
import { bucketHashes, objectMetadata, testClient } from "../helpers/bucket.ts";
import { articleFile } from "../helpers/fixture.ts";
import { siteFileHashes } from "../helpers/html.ts";

const ORIGIN = "https://kjj.klmy.gov.cn";
const S3RVER_KEYS_ENV = {
  DEPLOY_ACCESS_KEY_ID: S3RVER_KEYS.accessKeyId,
  DEPLOY_SECRET_ACCESS_KEY: S3RVER_KEYS.secretAccessKey,
};
const NEW_ARTICLE = "content/articles/2024/kjcg-zh-2024.md";
const NEW_PAGE = "articles/2024/kjcg-zh-2024/index.html";
const DELETED_ARTICLE = "content/articles/2022/bjtq-gqpy-2022.md";

let work: string;
let root: string;
let siteDir: string;
let server: S3Server;
let storage: string;
/** Hears the server's stored objects (the killed deploy's test listens here). */
let onObject: (event: S3ObjectEvent) => void = () => {};
const BUCKETS = ["site", "resume", "flaky", "killed"];

/** The files of the build that belong in a bucket, by path, with their SHA-256. */
const deployable = () => new Map([...siteFileHashes(siteDir)].filter(([file]) => !isLeftOut(file)));

const build = async () => {
  await buildSite({ root, outputDir: siteDir, cacheDir: path.join(work, "cache") });
  return deployable();
};

const options = (bucket: string, more: Partial<DeployOptions> = {}): DeployOptions => ({
  endpoint: server.endpoint,
  bucket,
  ...S3RVER_KEYS,
  siteDir,
  siteUrl: ORIGIN,
  refreshDir: path.join(work, `refresh-${bucket}`),
  ...more,
});

/** The bucket's objects without the manifest; with `finished`, only those keys (uploads s3rver announced). */
const published = async (bucket: string, finished?: ReadonlySet<string>) => {
  const hashes = await bucketHashes(testClient(server.endpoint), bucket, finished);
  hashes.delete(MANIFEST_NAME);
  return hashes;
};

/** Paths whose bytes differ between two snapshots of a build, or that only the second has. */
const differing = (before: Map<string, string>, after: Map<string, string>) =>
  [...after].filter(([file, hash]) => before.get(file) !== hash).map(([file]) => file);

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "bureau-deploy-"));
  root = path.join(work, "site");
  siteDir = path.join(work, "_site");
  storage = path.join(work, "s3");
  for (const folder of ["content", "_data"])
    cpSync(path.join(PROJECT_DIR, folder), path.join(root, folder), { recursive: true });
  server = await startS3Server(storage, BUCKETS, 0, (event) => onObject(event));
});

afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe("deploying the sample site to an S3 server", () => {
  let first: Map<string, string>;

  it("uploads every file on the first deploy with the headers _headers gives its path, and lists the pages for a refresh", async () => {
    first = await build();
    const result = await deploySite(options("site"));
    expect(result.added).toHaveLength(first.size);
    expect(await published("site")).toEqual(first);
    const client = testClient(server.endpoint);
    expect(await objectMetadata(client, "site", "index.html")).toMatchObject({
      contentType: "text/html; charset=utf-8",
      cacheControl: CACHE.revalidate,
    });
    const css = [...first.keys()].find((file) => /^assets\/.+\.css$/.test(file)) ?? "";
    expect(await objectMetadata(client, "site", css)).toMatchObject({ cacheControl: CACHE.immutable });
    const fragment = [...first.keys()].find((file) => file.endsWith(".pf_fragment")) ?? "";
    const fragmentMeta = await objectMetadata(client, "site", fragment);
    expect(fragmentMeta).toMatchObject({ cacheControl: CACHE.immutable });
    expect(fragmentMeta.contentEncoding).toBeUndefined();
    expect([...first.keys()].some((file) => file.endsWith(".gz"))).toBe(false);
    const pages = [...first.keys()].filter((file) => file.endsWith(".html"));
    expect(result.refresh).toHaveLength(pages.length);
    expect(result.refresh).toContain(`${ORIGIN}/`);
    expect(
      readFileSync(result.refreshFiles[0] ?? "", "utf8")
        .trim()
        .split("\n"),
    ).toEqual(result.refresh);
  });

  it("uploads only what one new article changed: its page, the lists, the search files and its year's sitemap", async () => {
    writeFileSync(
      path.join(root, NEW_ARTICLE),
      articleFile(
        { title: "我市科技成果转化再获佳绩", date: "2024-06-18 09:00", column: "工作动态" },
        "成果转化正文。\n",
      ),
    );
    const second = await build();
    const expected = differing(first, second).sort();
    const result = await deploySite(options("site"));
    expect([...result.added, ...result.changed].sort()).toEqual(expected);
    expect(result.added).toContain(NEW_PAGE);
    expect(expected).toContain("sitemap.xml");
    expect(expected).toContain("sitemap-articles-2024.xml");
    expect(expected.filter((file) => /^sitemap-.+\.xml$/.test(file))).toEqual(["sitemap-articles-2024.xml"]);
    expect(expected.length).toBeLessThan(second.size / 2);
    expect(result.unchanged).toBe(second.size - expected.length);
    expect(result.refresh).toContain(`${ORIGIN}/articles/2024/kjcg-zh-2024/`);
    expect(result.deleted).toEqual([]);
    const bucket = await published("site");
    for (const [file, hash] of second) expect(bucket.get(file), file).toBe(hash);
    const kept = [...bucket.keys()].filter((file) => !second.has(file));
    expect(kept).toHaveLength(result.retired);
    expect(kept.every((file) => file.startsWith("pagefind/"))).toBe(true);
    first = second;
  });

  it("changes nothing with --dry-run, and says what it would do", async () => {
    rmSync(path.join(root, DELETED_ARTICLE));
    const third = await build();
    const before = await bucketHashes(testClient(server.endpoint), "site");
    const result = await deploySite(options("site", { dryRun: true }));
    expect(await bucketHashes(testClient(server.endpoint), "site")).toEqual(before);
    expect(result.refreshFiles).toEqual([]);
    expect(result.deleted).toContain("articles/2022/bjtq-gqpy-2022/index.html");
    before.delete(MANIFEST_NAME);
    expect([...result.added, ...result.changed].sort()).toEqual(differing(before, third).sort());
    expect(result.changed.length).toBeGreaterThan(0);
  });

  it("refuses more deletes than --max-deletes, leaving the bucket as it was", async () => {
    const before = await bucketHashes(testClient(server.endpoint), "site");
    const failure = await deploySite(options("site", { maxDeletes: 0 })).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeployError);
    expect((failure as DeployError).key).toBe("MaxDeletes");
    expect((failure as DeployError).message).toMatch(
      /^要删除 1 个对象，超过上限 0（--max-deletes），存储桶没有任何改动/,
    );
    expect(await bucketHashes(testClient(server.endpoint), "site")).toEqual(before);
  });

  it("deletes the pages of a deleted article and nothing else, keeping its old search files for open pages", async () => {
    const third = deployable();
    const gone = [...first.keys()].filter((file) => !third.has(file));
    const result = await deploySite(options("site"));
    expect(result.deleted).toEqual(gone.filter((file) => !/^(assets|pagefind)\//.test(file)));
    expect(result.deleted).toEqual(["articles/2022/bjtq-gqpy-2022/index.html"]);
    expect(result.refresh).toContain(`${ORIGIN}/articles/2022/bjtq-gqpy-2022/`);
    const bucket = await published("site");
    for (const [file, hash] of third) expect(bucket.get(file), file).toBe(hash);
    const kept = [...bucket.keys()].filter((file) => !third.has(file));
    expect(kept).toHaveLength(result.retired);
    expect(kept).toEqual(expect.arrayContaining(gone.filter((file) => file.startsWith("pagefind/"))));
    expect(kept.every((file) => file.startsWith("pagefind/"))).toBe(true);
  });

  it("removes the kept search files once they are older than --keep-hours", async () => {
    const later = new Date(Date.now() + 25 * 3_600_000);
    const result = await deploySite(options("site", { now: later }));
    expect(result.added).toEqual([]);
    expect(result.changed).toEqual([]);
    expect(result.deleted.every((file) => file.startsWith("pagefind/"))).toBe(true);
    expect(await published("site")).toEqual(deployable());
  });
});

/** Whether every page in the bucket finds the styles and scripts it loads there. */
const pagesComplete = (bucket: Map<string, string>) =>
  [...bucket.keys()]
    .filter((file) => file.endsWith(".html"))
    .flatMap((file) => {
      const { document } = parseHTML(readFileSync(path.join(siteDir, file), "utf8"));
      const wanted = [...document.querySelectorAll("link[rel=stylesheet], script[src]")].map(
        (element) => element.getAttribute("href") ?? element.getAttribute("src") ?? "",
      );
      return wanted.filter((url) => url.startsWith("/") && !bucket.has(url.slice(1))).map((url) => `${file} → ${url}`);
    });

describe("a deploy that stops half-way", () => {
  it("leaves every uploaded page complete when killed, and the next run finishes it", async () => {
    const files = deployable();
    const abort = new AbortController();
    const stopped = await deploySite(
      options("resume", {
        signal: abort.signal,
        concurrency: 4,
        onProgress: (done) => {
          if (done === Math.floor(files.size * 0.8)) abort.abort();
        },
      }),
    ).catch((error: unknown) => error);
    expect((stopped as DeployError).key).toBe("AbortError");
    const half = await published("resume");
    expect(half.size).toBeGreaterThan(files.size / 2);
    expect(half.size).toBeLessThan(files.size);
    expect([...half.keys()].some((file) => file.endsWith(".html"))).toBe(true);
    expect(pagesComplete(half)).toEqual([]);
    const resumed = await deploySite(options("resume"));
    expect(resumed.added.length + resumed.changed.length).toBeLessThan(files.size);
    expect(await published("resume")).toEqual(files);
  });

  it("says in one line that the network failed and how far it got, and the next run finishes it", async () => {
    const files = deployable();
    let closing: Promise<void> | undefined;
    const failed = await deploySite(
      options("flaky", {
        concurrency: 2,
        onProgress: (done) => {
          if (done === 40) closing = server.close();
        },
      }),
    ).catch((error: unknown) => error);
    await closing;
    server = await startS3Server(storage, BUCKETS, server.port, (event) => onObject(event));
    expect((failed as DeployError).key).toBe("ECONNREFUSED");
    expect((failed as DeployError).message).toMatch(
      /^连不上 http:\/\/127\.0\.0\.1:\d+（网络错误）；已上传 \d+\/\d+ 个文件/,
    );
    expect(pagesComplete(await published("flaky"))).toEqual([]);
    await deploySite(options("flaky"));
    expect(await published("flaky")).toEqual(files);
  });
});

describe("a deploy with a wrong bucket or wrong keys", () => {
  it("names a bucket that does not exist", async () => {
    const failure = (await deploySite(options("missing")).catch((error: unknown) => error)) as DeployError;
    expect(failure.key).toBe("NoSuchBucket");
    expect(failure.message).toBe(
      `存储桶「missing」在 ${server.endpoint} 上不存在，请检查 --bucket 和 --endpoint；存储桶没有任何改动`,
    );
  });

  // s3rver checks the key ID but not a version-4 signature: the wrong secret is tests/lib/deploy/errors.test.ts's.
  it("says the keys are wrong for a key the server does not know", async () => {
    const keys = { accessKeyId: "NOBODY", secretAccessKey: "S3RVER" };
    const failure = (await deploySite(options("site", keys)).catch((error: unknown) => error)) as DeployError;
    expect(failure.key).toBe("InvalidAccessKeyId");
    expect(failure.message).toBe(
      "访问密钥不对，请检查 DEPLOY_ACCESS_KEY_ID 和 DEPLOY_SECRET_ACCESS_KEY；存储桶没有任何改动",
    );
  });

  it("refuses a folder that is not a finished build", async () => {
    const empty = mkdtempSync(path.join(work, "empty-"));
    const failure = (await deploySite(options("site", { siteDir: empty })).catch(
      (error: unknown) => error,
    )) as DeployError;
    expect(failure.key).toBe("NoBuild");
    expect(readdirSync(empty)).toEqual([]);
  });
});

describe("npm run deploy", () => {
  const tsx = path.join(PROJECT_DIR, "node_modules/tsx/dist/cli.mjs");
  const deploy = (args: string[], env: Record<string, string> = { ...S3RVER_KEYS_ENV }) =>
    promisify(execFile)(process.execPath, [tsx, path.join(PROJECT_DIR, "scripts/deploy.ts"), "--root", root, ...args], {
      env: { PATH: process.env.PATH ?? "", ...env },
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it("leaves the bucket consistent when its process is killed with SIGKILL, and the next run ends equal to the build", async () => {
    const files = deployable();
    const stored = new Set<string>();
    const child = spawn(
      process.execPath,
      [
        tsx,
        path.join(PROJECT_DIR, "scripts/deploy.ts"),
        "--root",
        root,
        "--endpoint",
        server.endpoint,
        "--bucket",
        "killed",
        "--dir",
        siteDir,
      ],
      { env: { PATH: process.env.PATH ?? "", ...S3RVER_KEYS_ENV }, stdio: "ignore" },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once("exit", (_code, signal) => resolve(signal)),
    );
    onObject = (event) => {
      if (event.bucket !== "killed" || !event.eventName.startsWith("ObjectCreated")) return;
      stored.add(event.key);
      // Past nine files in ten the deploy is among the pages, which go up last.
      if (stored.size === Math.floor(files.size * 0.9)) child.kill("SIGKILL");
    };
    expect(await exited).toBe("SIGKILL");
    onObject = () => {};
    // An upload the kill cut short is kept in part by s3rver (a real store keeps nothing) but never
    // announced: what the killed deploy published is what s3rver announced as stored.
    const half = await published("killed", stored);
    expect(half.size).toBeLessThan(files.size);
    expect([...half.keys()].some((file) => file.endsWith(".html"))).toBe(true);
    for (const [file, hash] of half) expect(hash, file).toBe(files.get(file));
    expect(pagesComplete(half)).toEqual([]);
    const again = await deploy(["--endpoint", server.endpoint, "--bucket", "killed", "--dir", siteDir]);
    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
    expect(await published("killed")).toEqual(files);
  }, 120_000);

  it("prints one line with the missing flag or key and exits 1", async () => {
    const noBucket = await deploy(["--endpoint", server.endpoint]);
    expect(noBucket.code).toBe(1);
    expect(noBucket.stderr).toBe("部署失败 (deploy failed): --bucket: 缺少存储桶的名称，例如 --bucket kjj-site\n");
    const noKeys = await deploy(["--endpoint", server.endpoint, "--bucket", "site"], {});
    expect(noKeys.code).toBe(1);
    expect(noKeys.stderr).toBe(
      "部署失败 (deploy failed): DEPLOY_ACCESS_KEY_ID: 没有设置这个环境变量（访问密钥 ID，放在 CI 的密钥设置里）\n",
    );
    const noSuchBucket = await deploy(["--endpoint", server.endpoint, "--bucket", "missing", "--dir", siteDir]);
    expect(noSuchBucket.code).toBe(1);
    expect(noSuchBucket.stderr).toMatch(
      /^部署失败 \(deploy failed\): NoSuchBucket: 存储桶「missing」在 http:\/\/127\.0\.0\.1:\d+ 上不存在[^\n]+\n$/,
    );
  });

  it("deploys with the keys from the environment and prints a summary", async () => {
    const result = await deploy(["--endpoint", server.endpoint, "--bucket", "site", "--dir", siteDir, "--dry-run"]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^演练 \(dry run\)，存储桶没有改动：构建共 \d+ 个文件（[\d.]+ MB），将上传 0 个/);
  });
});
