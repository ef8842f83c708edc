/*
 * The pipeline: takes a site root; gives the published folder, swapped in whole, after the stages
 * validate → search (beside) → carry over → QR (beside) → render → publish → clean up (build-site.ts).
 */
export { type BuildOptions, type BuildResult, buildSite } from "./build-site.ts";
export { buildNodeFlags, DETAIL_PAGES_PER_RUN, recommendedHeapMegabytes } from "./node-flags.ts";
export { planRenderRuns } from "./render-runs.ts";
