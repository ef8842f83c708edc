import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";

/** The folders of one build: the published output, the staging folder it is built in, and where the old output goes during the swap. */
export interface BuildFolders {
  outputDir: string;
  stagingDir: string;
  retiredDir: string;
}

/** The staging and retired folders of a build into `outputDir`, beside it and named after this process. */
export function buildFolders(outputDir: string): BuildFolders {
  return {
    outputDir,
    stagingDir: `${outputDir}.staging-${process.pid}`,
    retiredDir: `${outputDir}.retired-${process.pid}`,
  };
}

/**
 * Tidies what an earlier build that was killed may have left beside the output: an unfinished
 * staging folder is removed, and if the kill fell between the two renames of the swap, the
 * previous site is put back.
 */
export function recoverInterruptedBuild(outputDir: string): void {
  const parent = path.dirname(outputDir);
  const base = path.basename(outputDir);
  if (!existsSync(parent)) return;
  const leftovers = readdirSync(parent).filter(
    (entry) => entry.startsWith(`${base}.staging-`) || entry.startsWith(`${base}.retired-`),
  );
  const retired = leftovers.filter((entry) => entry.startsWith(`${base}.retired-`));
  if (!existsSync(outputDir) && retired.length > 0) {
    renameSync(path.join(parent, retired[0] as string), outputDir);
  }
  for (const entry of leftovers) rmSync(path.join(parent, entry), { recursive: true, force: true });
}

/** Puts the staging folder in place of the output in two renames; the old output waits in the retired folder. */
export function swapIntoPlace({ outputDir, stagingDir, retiredDir }: BuildFolders): void {
  if (existsSync(outputDir)) renameSync(outputDir, retiredDir);
  renameSync(stagingDir, outputDir);
}
