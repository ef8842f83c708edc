/*
 * After the build, `npm run deploy`: takes a finished built folder (`_site`, with its `_headers`), an
 * S3-compatible bucket (Alibaba OSS, Tencent COS, Huawei OBS, MinIO…) and its keys; gives the bucket
 * equal to the build, having sent only the files whose bytes or headers changed (each with the
 * Content-Type and Cache-Control `_headers` gives its path), fingerprinted files first and HTML
 * last, deletes capped, the manifest `.deploy-manifest.json.gz` last; and the addresses of the pages
 * changed for a CDN refresh, 1,000 a file. Every failure is one `DeployError` (English key, Chinese line).
 */
export { type Bucket, type BucketOptions, defaultRegion, normalizePrefix, openBucket } from "./bucket.ts";
export {
  DEFAULT_KEEP_HOURS,
  DEFAULT_MAX_DELETES,
  type DeployOptions,
  type DeployResult,
  deploySite,
  deploySummary,
} from "./deploy.ts";
export { DeployError, describeFailure, errorKey } from "./errors.ts";
export { isLeftOut, type LocalFile, type ObjectHeaders, objectHeaders, readBuiltFolder } from "./local-files.ts";
export { decodeManifest, encodeManifest, MANIFEST_NAME, type Manifest } from "./manifest.ts";
export { type DeployPlan, isKeptAfterRemoval, planDeploy, uploadGroups, uploadStage } from "./plan.ts";
export { pageAddress, REFRESH_BATCH, refreshAddresses, refreshBatches, writeRefreshFiles } from "./refresh.ts";
