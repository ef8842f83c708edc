/**
 * One full build for `npm run bench`, in its own process so its memory is measured alone.
 * Usage: node --import tsx bench/full-build.ts <root> <out>; prints one JSON line.
 */
import { buildSite } from "../lib/pipeline/index.ts";

const [root, out] = process.argv.slice(2);
if (!root || !out) throw new Error("usage: full-build.ts <root> <out>");
const result = await buildSite({ root, outputDir: out });
console.log(JSON.stringify({ pages: result.pages, indexedPages: result.search?.pages, timings: result.timings }));
