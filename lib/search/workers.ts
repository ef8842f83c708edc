import { availableParallelism, getPriority, platform, setPriority } from "node:os";
import { Worker } from "node:worker_threads";
import * as pagefind from "pagefind";
import type { Catalog } from "../content/index.ts";
import { type ShardsWritten, writeShards } from "./pagefind-writer.ts";
import type { ShardCache } from "./shard-cache.ts";
import { assignShardJobs, type ShardJob } from "./shards.ts";
import { type SearchIndexOptions, type SearchIndexStats, writeIndexFromShards } from "./write-index.ts";

/**
 * The nice value of search workers and their Pagefind processes (Linux) when there are several:
 * they yield to Eleventy's rendering, and once it is done they have every core. A single worker is
 * not niced (it would leave a core idle after the rendering): the calling thread yields to it (CALLER_NICE).
 */
export const SEARCH_NICE = 10;

/**
 * The nice value the calling thread (Eleventy's rendering) adds to its own while a single search
 * worker writes the index (Linux): that worker and its Pagefind process are then the build's
 * critical path, and the rendering ends before them all the same.
 */
export const CALLER_NICE = 5;

/** Adds `nice` to the calling thread's nice value (Linux); returns how to set it back, where the system lets a thread raise its priority. */
function niceCallingThread(nice: number): () => void {
  if (platform() !== "linux") return () => undefined;
  const before = getPriority();
  try {
    setPriority(Math.min(19, before + nice));
  } catch {
    return () => undefined;
  }
  return () => {
    try {
      setPriority(before);
    } catch {
      // Without the privilege to raise it the thread keeps the lower priority; nothing else competes then.
    }
  };
}

/** Pages to index from which a second search worker pays for its memory (LARGE_ARCHIVE_PAGES). */
export const LARGE_ARCHIVE_PAGES = 22000;

/**
 * Pages to index up to which the index is written in the calling thread: a worker thread starts
 * its own module loader and loads the search modules again, which costs more CPU than making a
 * small archive's records (docs/scale.md).
 */
export const SMALL_ARCHIVE_PAGES = 1000;

/**
 * Worker threads writing search shards at once, each with a Pagefind process that keeps its
 * high-water mark of memory for the whole build: none (the calling thread) for an archive of up to
 * SMALL_ARCHIVE_PAGES pages, one for up to LARGE_ARCHIVE_PAGES (on two cores a second buys no time
 * while Eleventy renders, only memory), two for a larger archive, whose index outlasts the
 * rendering (figures in docs/scale.md).
 */
export function searchWorkerCount(pages: number, cores = availableParallelism()): number {
  if (pages <= SMALL_ARCHIVE_PAGES) return 0;
  return pages > LARGE_ARCHIVE_PAGES && cores >= 2 ? 2 : 1;
}

/** Search worker threads started ahead of the catalog (startSearchWorkers), each waiting for its share of the shards. */
export interface StartedSearchWorkers {
  readonly count: number;
  /** Sends each worker its share (one a worker, in order) and resolves with what each wrote. */
  write(shares: readonly ShardJob[][], cache: ShardCache): Promise<ShardsWritten & { finishedAt: number }>[];
  /** Stops the workers not yet given their share (the build failed before its search stage). */
  close(): void;
}

/**
 * Starts `count` search worker threads (lib/search/worker.mjs) so that their module loading and
 * Pagefind processes start while the build validates the content; niced (SEARCH_NICE) when
 * several. They hold the process open only once given their shards.
 */
export function startSearchWorkers(count: number): StartedSearchWorkers {
  const nice = count > 1 ? SEARCH_NICE : 0;
  const workers = Array.from({ length: count }, (): StartedWorker => {
    const started: StartedWorker = {
      worker: new Worker(new URL("./worker.mjs", import.meta.url), { workerData: { nice } }),
    };
    started.worker.unref();
    started.worker.on("error", (error) => {
      started.failed = error;
    });
    started.worker.on("exit", (code) => {
      started.failed ??= new Error(`搜索索引线程意外退出 (search index worker exited with code ${code})`);
    });
    return started;
  });
  let given = 0;
  return {
    count,
    write: (shares, cache) =>
      shares.map((jobs, i) => {
        const worker = workers[i];
        if (!worker) throw new Error(`搜索索引线程不够 (no search worker ${i} of ${count})`);
        given = Math.max(given, i + 1);
        return writeShardsInWorker(worker, jobs, cache);
      }),
    close: () => {
      for (const { worker } of workers.slice(given)) void worker.terminate();
    },
  };
}

/**
 * writeSearchIndex in worker threads (lib/search/worker.mjs), each with a Pagefind process of its
 * own writing its share of the shards (assignShardJobs): the Markdown's text, the segmentation and
 * Pagefind's work then use every core instead of waiting for Eleventy's rendering on the main
 * thread; with no worker (`workers` 0, or a small archive) in this thread. `started`: workers
 * already started (startSearchWorkers), whose count then decides. `finishedAt` (epoch
 * milliseconds) is when the last worker finished, however busy the main thread was.
 */
export function writeSearchIndexInWorkers(
  catalog: Catalog,
  outputPath: string,
  options: SearchIndexOptions & { started?: StartedSearchWorkers } = {},
): Promise<SearchIndexStats & { finishedAt: number }> {
  return writeIndexFromShards(catalog, outputPath, options, async (jobs, cache, pages) => {
    const started = options.started ?? startSearchWorkers(options.workers ?? searchWorkerCount(pages));
    if (started.count < 1) {
      const written = await writeShardsInThisThread(jobs, cache);
      return { ...written, finishedAt: performance.timeOrigin + performance.now() };
    }
    const threads = assignShardJobs(jobs, started.count);
    // Every worker is waited for, so none still writes into the parts folder when it is removed.
    const writing = Promise.allSettled(started.write(threads, cache));
    started.close();
    const restorePriority = threads.length === 1 ? niceCallingThread(CALLER_NICE) : () => undefined;
    const results = await writing.finally(restorePriority);
    const failed = results.find((result) => result.status === "rejected");
    if (failed) throw failed.reason;
    const done = results.map(
      (result) => (result as PromiseFulfilledResult<ShardsWritten & { finishedAt: number }>).value,
    );
    return {
      used: done.flatMap((result) => result.used),
      cachedShards: done.reduce((sum, result) => sum + result.cachedShards, 0),
      finishedAt: Math.max(...done.map((result) => result.finishedAt)),
    };
  });
}

/** Search indexes this thread is writing now: the builds of a 站群 in one process share its Pagefind process. */
let writingHere = 0;

/** writeShards in this thread; Pagefind's process (one a thread) is closed when the last index written here is done. */
async function writeShardsInThisThread(jobs: ShardJob[], cache: ShardCache): Promise<ShardsWritten> {
  writingHere++;
  try {
    return await writeShards(jobs, cache);
  } finally {
    if (--writingHere === 0) await pagefind.close();
  }
}

/** A worker of startSearchWorkers, and why it ended if it did before answering. */
interface StartedWorker {
  worker: Worker;
  failed?: Error;
}

/** Has a started worker write its shards (with its own Pagefind process); it ends once it has answered. */
function writeShardsInWorker(
  started: StartedWorker,
  jobs: ShardJob[],
  cache: ShardCache,
): Promise<ShardsWritten & { finishedAt: number }> {
  const { worker } = started;
  return new Promise((resolve, reject) => {
    if (started.failed) {
      reject(started.failed);
      return;
    }
    worker.on("message", (message: { written?: ShardsWritten; finishedAt?: number; error?: string }) => {
      if (message.written) resolve({ ...message.written, finishedAt: message.finishedAt ?? Date.now() });
      else reject(new Error(message.error ?? "搜索索引失败 (search index failed)"));
    });
    worker.on("error", reject);
    worker.on("exit", () => reject(started.failed));
    worker.ref();
    worker.postMessage({ jobs, cache });
  });
}
