/**
 * The image stage alone for `npm run bench -- --photos`, in its own process so its memory is
 * measured alone: the catalog, the plan (headers and hashes) and the encoding into the cache.
 * Usage: node --import tsx bench/image-stage.ts <root> <cacheDir>; prints one JSON line.
 */
import { loadCatalog } from "../lib/content/index.ts";
import { encodeImages, imageCacheDir, planImages } from "../lib/images/index.ts";

const [root, cacheDir] = process.argv.slice(2);
if (!root || !cacheDir) throw new Error("usage: image-stage.ts <root> <cacheDir>");
const catalog = loadCatalog({ root });
const planStart = performance.now();
const { plan, problems, sources } = await planImages(catalog, root, cacheDir);
if (problems.length > 0) throw new Error(`${problems.length} picture problems, first: ${problems[0]?.message}`);
const planMs = performance.now() - planStart;
const encodeStart = performance.now();
const encoded = await encodeImages(plan, imageCacheDir(cacheDir));
const encodeMs = performance.now() - encodeStart;
sources.save();
console.log(
  JSON.stringify({ pictures: plan.pictures.size, encoded: encoded.encoded, cached: encoded.cached, planMs, encodeMs }),
);
