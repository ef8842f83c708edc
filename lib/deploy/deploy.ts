import { setMaxListeners } from "node:events";
import { type BucketOptions, openBucket } from "./bucket.ts";
import { DeployError, describeFailure } from "./errors.ts";
import { type LocalFile, readBuiltFolder } from "./local-files.ts";
import { encodeManifest, type Manifest } from "./manifest.ts";
import { planDeploy } from "./plan.ts";
import { refreshAddresses, writeRefreshFiles } from "./refresh.ts";

/** What `deploySite` takes: the built folder, where it goes, and how careful to be. */
export interface DeployOptions extends BucketOptions {
  /** The built folder (`_site`). */
  siteDir: string;
  /** The site's address (`site.url` of the site file), for the CDN refresh list. */
  siteUrl: string;
  /** Work out and report what would change, touching nothing. */
  dryRun?: boolean;
  /** Refuse to delete more objects than this, unless `force`. */
  maxDeletes?: number;
  force?: boolean;
  /** Hours a fingerprinted file gone from the build stays in the bucket, for pages still open. */
  keepHours?: number;
  /** Folder for the refresh lists (`refresh-1.txt`, …); none written when absent. */
  refreshDir?: string;
  /** Requests in flight at once. */
  concurrency?: number;
  now?: Date;
  signal?: AbortSignal;
  /** Called after each upload: how many of how many, and which. */
  onProgress?: (done: number, total: number, path: string) => void;
}

/** What a deploy did (or, with `dryRun`, would do). */
export interface DeployResult {
  dryRun: boolean;
  /** Files of the build that belong in the bucket, and their bytes. */
  files: number;
  bytes: number;
  added: string[];
  changed: string[];
  /** Bytes uploaded (or to upload). */
  uploadedBytes: number;
  deleted: string[];
  /** Fingerprinted files gone from the build and kept for now. */
  retired: number;
  unchanged: number;
  /** Addresses of the HTML pages uploaded or deleted, for a CDN refresh; and the files they were written to. */
  refresh: string[];
  refreshFiles: string[];
}

export const DEFAULT_MAX_DELETES = 256;
export const DEFAULT_KEEP_HOURS = 24;
const DEFAULT_CONCURRENCY = 16;
/** Uploads between two writes of the manifest inside a long group. */
const CHECKPOINT_EVERY = 10_000;

/** Runs `work` on each item with at most `limit` at once; stops starting new ones at the first failure, then throws it. */
async function inPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>, signal?: AbortSignal) {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < items.length) {
      const item = items[next++] as T;
      try {
        signal?.throwIfAborted();
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
}

/** The bucket's manifest, or one made from a listing of what is there (every object unconfirmed) when it has none. */
async function currentManifest(bucket: ReturnType<typeof openBucket>): Promise<{ manifest: Manifest; found: boolean }> {
  const stored = await bucket.readManifest();
  if (stored) return { manifest: stored, found: true };
  const paths = await bucket.listPaths();
  return {
    manifest: { version: 1, objects: Object.fromEntries(paths.map((path) => [path, null])), retired: {} },
    found: false,
  };
}

/**
 * Sends a built folder to an S3-compatible bucket: only the files whose bytes or headers differ from
 * the bucket's manifest, in an order that never publishes a page before what it loads, then the
 * deletes (at most `maxDeletes`), then the manifest. Before the first upload the manifest marks the
 * files about to be written as unconfirmed, and after each group (and every 10,000 uploads) it
 * confirms those sent, so a deploy killed half-way leaves a bucket whose pages all work and a
 * manifest from which the next deploy finishes the job. Throws a {@link DeployError}.
 */
export async function deploySite(options: DeployOptions): Promise<DeployResult> {
  let files: LocalFile[];
  try {
    files = readBuiltFolder(options.siteDir);
  } catch (error) {
    throw new DeployError("NoBuild", (error as Error).message);
  }
  const bucket = openBucket(options);
  const context = { endpoint: options.endpoint, bucket: options.bucket } as {
    endpoint: string;
    bucket: string;
    progress?: { done: number; total: number };
  };
  try {
    await bucket.check();
    const { manifest, found } = await currentManifest(bucket);
    const plan = planDeploy(files, manifest, {
      now: options.now ?? new Date(),
      keepHours: options.keepHours ?? DEFAULT_KEEP_HOURS,
    });
    const maxDeletes = options.maxDeletes ?? DEFAULT_MAX_DELETES;
    if (plan.deletes.length > maxDeletes && !options.force)
      throw new DeployError(
        "MaxDeletes",
        `要删除 ${plan.deletes.length} 个对象，超过上限 ${maxDeletes}（--max-deletes），存储桶没有任何改动；确认无误后加 --max-deletes ${plan.deletes.length} 或 --force 再运行`,
      );
    const uploads = plan.groups.flat();
    const result: DeployResult = {
      dryRun: options.dryRun ?? false,
      files: files.length,
      bytes: files.reduce((sum, file) => sum + file.size, 0),
      added: plan.added,
      changed: plan.changed,
      uploadedBytes: uploads.reduce((sum, file) => sum + file.size, 0),
      deleted: plan.deletes,
      retired: Object.keys(plan.retired).length,
      unchanged: plan.unchanged,
      refresh: refreshAddresses(options.siteUrl, [...uploads.map((file) => file.path), ...plan.deletes]),
      refreshFiles: [],
    };
    if (result.dryRun) return result;
    const retiredChanged = JSON.stringify(plan.retired) !== JSON.stringify(manifest.retired);
    if (uploads.length === 0 && plan.deletes.length === 0 && !retiredChanged && found) {
      if (options.refreshDir) writeRefreshFiles(options.refreshDir, []);
      return result;
    }
    const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    // Each request in flight listens to the signal.
    if (options.signal) setMaxListeners(concurrency + 10, options.signal);
    const journal = { ...manifest.objects };
    for (const file of uploads) journal[file.path] = null;
    // One manifest write at a time, each with the state of when it was asked for.
    let writing = Promise.resolve();
    const checkpoint = () => {
      const body = encodeManifest({ version: 1, objects: journal, retired: manifest.retired });
      writing = writing.then(() => bucket.writeManifest(body, options.signal));
      return writing;
    };
    await checkpoint();
    context.progress = { done: 0, total: uploads.length };
    const progress = context.progress;
    let sinceCheckpoint = 0;
    for (const group of plan.groups) {
      await inPool(
        group,
        concurrency,
        async (file) => {
          await bucket.upload(file, options.signal);
          journal[file.path] = file.digest;
          progress.done++;
          options.onProgress?.(progress.done, progress.total, file.path);
          if (++sinceCheckpoint >= CHECKPOINT_EVERY) {
            sinceCheckpoint = 0;
            await checkpoint();
          }
        },
        options.signal,
      );
      // What a group confirmed is not sent again by the deploy that finishes a killed one.
      if (sinceCheckpoint > 0 && group !== plan.groups.at(-1)) {
        sinceCheckpoint = 0;
        await checkpoint();
      }
    }
    await inPool(plan.deletes, concurrency, (path) => bucket.remove(path, options.signal), options.signal);
    const objects = Object.fromEntries(files.map((file) => [file.path, file.digest]));
    await bucket.writeManifest(encodeManifest({ version: 1, objects, retired: plan.retired }), options.signal);
    if (options.refreshDir) result.refreshFiles = writeRefreshFiles(options.refreshDir, result.refresh);
    return result;
  } catch (error) {
    throw describeFailure(error, context);
  } finally {
    bucket.close();
  }
}

const megabytes = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

/** The lines `npm run deploy` prints when it is done. */
export function deploySummary(result: DeployResult, seconds: number): string[] {
  const verb = result.dryRun ? "将" : "已";
  const lines = [
    `${result.dryRun ? "演练 (dry run)，存储桶没有改动" : "部署完成 (deploy done)"}：构建共 ${result.files} 个文件（${megabytes(result.bytes)}），` +
      `${verb}上传 ${result.added.length + result.changed.length} 个（新增 ${result.added.length}、修改 ${result.changed.length}，${megabytes(result.uploadedBytes)}），` +
      `${result.unchanged} 个未变，${verb}删除 ${result.deleted.length} 个，保留待删 ${result.retired} 个旧指纹文件，用时 ${seconds.toFixed(1)}s`,
  ];
  for (const path of result.deleted) lines.push(`  ${verb}删除 (delete): ${path}`);
  if (result.refreshFiles.length > 0)
    lines.push(`CDN 需要刷新 ${result.refresh.length} 个页面地址 (URLs to refresh)：${result.refreshFiles.join(", ")}`);
  else if (result.refresh.length > 0) lines.push(`CDN 需要刷新 ${result.refresh.length} 个页面地址 (URLs to refresh)`);
  return lines;
}
