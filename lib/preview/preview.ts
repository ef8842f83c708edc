import path from "node:path";
import { Worker } from "node:worker_threads";
import { watch } from "chokidar";
import { type ContentProblem, formatProblem, problemCountLine } from "../content/index.ts";
import type { BuildOptions } from "../pipeline/index.ts";
import type { SearchPeer } from "../search-protocol/index.ts";
import { CACHE_DIR, PROJECT_DIR } from "../shared/index.ts";
import { type PreviewServer, startPreviewServer } from "./server.ts";

export interface PreviewOptions {
  /** The site root holding content/ and _data/. */
  root: string;
  /** The interface to listen on; 127.0.0.1 unless `--host` says otherwise (the preview shows drafts). */
  host?: string;
  /** The port; 0 takes any free one. */
  port?: number;
  /** Where progress and problems are written (the terminal). */
  log?: (line: string) => void;
  /** Milliseconds to wait after a change for more changes before rebuilding. */
  settleMs?: number;
  /** The other sites of its 站群, as `npm run build` gives them (lib/group). */
  searchPeers?: readonly SearchPeer[];
}

/** A running preview: its address, and a way to wait for the build in progress and to stop. */
export interface Preview {
  origin: string;
  /** Resolves once no build is running or waiting. */
  settled(): Promise<void>;
  /** Resolves when the next build to finish has finished (with its pages or its problems in place). */
  nextBuild(): Promise<void>;
  close(): Promise<void>;
}

/** Where the preview of a site root writes its site and caches: apart from `_site`, so a draft is never published by mistake. */
function previewFolders(root: string): { outputDir: string; cacheDir: string } {
  const cacheDir = path.join(root, CACHE_DIR, "preview");
  return { outputDir: path.join(cacheDir, "site"), cacheDir };
}

/** What one preview build came to: the pages it wrote, the content's problems, or another failure. */
type PreviewBuild = { pages: number } | { problems: ContentProblem[] } | { error: string };

/** Runs buildSite in a worker thread of its own (lib/preview/build-worker.mjs), so it reads templates and code afresh. */
function buildInWorker(options: BuildOptions): Promise<PreviewBuild> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL("./build-worker.mjs", import.meta.url), { workerData: options });
    let answered = false;
    worker.once("message", (message: PreviewBuild) => {
      answered = true;
      resolve(message);
    });
    worker.once("error", (error) => resolve({ error: error.message }));
    worker.once("exit", (code) => {
      if (!answered) resolve({ error: `构建线程意外退出 (build worker exited with code ${code})` });
    });
  });
}

/**
 * `npm start`: builds the site with the same stages as `npm run build` in preview mode (drafts and
 * scheduled items shown with a banner) into `.cache/preview/site`, serves it with live reload, and
 * builds again whenever content/, _data/, _includes/ or lib/ change, each build in a fresh worker thread. A content error is shown in the
 * browser and the terminal as the problems with file and line; the next good build replaces it.
 */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const root = path.resolve(options.root);
  const log = options.log ?? ((line: string) => console.log(line));
  const { outputDir, cacheDir } = previewFolders(root);
  const server: PreviewServer = await startPreviewServer(outputDir, options.host ?? "127.0.0.1", options.port ?? 8080);

  let running: Promise<void> | undefined;
  let again = false;
  let waiting: (() => void)[] = [];
  const build = async (): Promise<void> => {
    const started = Date.now();
    const result = await buildInWorker({ root, outputDir, cacheDir, preview: true, searchPeers: options.searchPeers });
    if ("pages" in result) {
      server.showProblems(undefined);
      log(`预览已更新 (preview built): ${result.pages} 个页面，用时 ${((Date.now() - started) / 1000).toFixed(1)}s`);
    } else if ("problems" in result) {
      server.showProblems(result.problems);
      log("内容有问题，预览显示问题清单，改正后自动恢复 (content problems):");
      for (const problem of result.problems) log(formatProblem(problem));
      log(problemCountLine(result.problems.length));
    } else {
      server.showProblems([{ file: "(build)", message: `构建失败 (build failed): ${result.error}` }]);
      log(`构建失败 (build failed): ${result.error}`);
    }
    server.notifyBuild();
    const done = waiting;
    waiting = [];
    for (const resolve of done) resolve();
  };
  const schedule = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await build();
      } while (again);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  await schedule();
  let timer: NodeJS.Timeout | undefined;
  let changed = false;
  const folders = ["content", "_data"].map((name) => path.join(root, name));
  const watcher = watch([...folders, ...["_includes", "lib"].map((name) => path.join(PROJECT_DIR, name))], {
    ignoreInitial: true,
  }).on("all", () => {
    changed = true;
    clearTimeout(timer);
    timer = setTimeout(() => {
      changed = false;
      void schedule();
    }, options.settleMs ?? 150);
  });
  await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  log(`预览地址 (preview at) ${server.origin}/ （只在本机可见；--host 0.0.0.0 让同一网络的手机也能打开）`);
  return {
    origin: server.origin,
    settled: async () => {
      while (running || changed) {
        await (running ?? new Promise((resolve) => setTimeout(resolve, 50)));
      }
    },
    nextBuild: () => new Promise<void>((resolve) => waiting.push(resolve)),
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
      await running;
      await server.close();
    },
  };
}
