import { type FSWatcher, watch } from "node:fs";
import path from "node:path";
import { buildSite } from "../build/index.ts";
import { findContentValidationError, formatProblem, problemCountLine } from "../content/index.ts";
import { CACHE_DIR, PROJECT_DIR } from "../shared/paths.ts";
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
}

/** A running preview: its address, and a way to wait for the build in progress and to stop. */
export interface Preview {
  origin: string;
  /** Resolves once no build is running or waiting. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** Where the preview of a site root writes its site and caches: apart from `_site`, so a draft is never published by mistake. */
export function previewFolders(root: string): { outputDir: string; cacheDir: string } {
  const cacheDir = path.join(root, CACHE_DIR, "preview");
  return { outputDir: path.join(cacheDir, "site"), cacheDir };
}

/**
 * `npm start`: builds the site with the same stages as `npm run build` in preview mode (drafts and
 * scheduled items shown with a banner) into `.cache/preview/site`, serves it with live reload, and
 * builds again whenever content/, _data/ or _includes/ change. A content error is shown in the
 * browser and the terminal as the problems with file and line; the next good build replaces it.
 */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const root = path.resolve(options.root);
  const log = options.log ?? ((line: string) => console.log(line));
  const { outputDir, cacheDir } = previewFolders(root);
  const server: PreviewServer = await startPreviewServer(outputDir, options.host ?? "127.0.0.1", options.port ?? 8080);

  let running: Promise<void> | undefined;
  let again = false;
  const build = async (): Promise<void> => {
    const started = Date.now();
    try {
      const result = await buildSite({ root, outputDir, cacheDir, preview: true });
      server.showProblems(undefined);
      log(`预览已更新 (preview built): ${result.pages} 个页面，用时 ${((Date.now() - started) / 1000).toFixed(1)}s`);
    } catch (error) {
      const invalid = findContentValidationError(error);
      if (!invalid) {
        const message = error instanceof Error ? error.message : String(error);
        server.showProblems([{ file: "(build)", message: `构建失败 (build failed): ${message}` }]);
        log(`构建失败 (build failed): ${message}`);
      } else {
        server.showProblems(invalid.problems);
        log("内容有问题，预览显示问题清单，改正后自动恢复 (content problems):");
        for (const problem of invalid.problems) log(formatProblem(problem));
        log(problemCountLine(invalid.problems.length));
      }
    }
    server.notifyBuild();
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
  const watchers: FSWatcher[] = [];
  for (const folder of [path.join(root, "content"), path.join(root, "_data"), path.join(PROJECT_DIR, "_includes")]) {
    try {
      watchers.push(
        watch(folder, { recursive: true }, () => {
          changed = true;
          clearTimeout(timer);
          timer = setTimeout(() => {
            changed = false;
            void schedule();
          }, options.settleMs ?? 150);
        }),
      );
    } catch {
      // A site without that folder: nothing to watch there.
    }
  }
  log(`预览地址 (preview at) ${server.origin}/ （只在本机可见；--host 0.0.0.0 让同一网络的手机也能打开）`);
  return {
    origin: server.origin,
    settled: async () => {
      while (running || changed) {
        await (running ?? new Promise((resolve) => setTimeout(resolve, 50)));
      }
    },
    close: async () => {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      await running;
      await server.close();
    },
  };
}
