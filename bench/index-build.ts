/**
 * The search index stage on its own for `npm run bench`: validates the content, then writes the
 * Pagefind index of every detail page with no cache, in its own process so its time and memory
 * (Pagefind's child process included) are measured alone.
 * Usage: node --import tsx bench/index-build.ts <root> <out>; prints one JSON line.
 */
import { loadCatalog } from "../lib/content/index.ts";
import { writeSearchIndex } from "../lib/search/write-index.ts";

const [root, out] = process.argv.slice(2);
if (!root || !out) throw new Error("usage: index-build.ts <root> <out>");
let start = performance.now();
const catalog = loadCatalog({ root });
const validate = performance.now() - start;
start = performance.now();
const stats = await writeSearchIndex(catalog, out);
const search = performance.now() - start;
console.log(
  JSON.stringify({
    pages: stats.pages,
    indexedPages: stats.pages,
    shards: stats.shards,
    timings: { validate, search },
  }),
);
