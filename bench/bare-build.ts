/**
 * The bare-Eleventy baseline of `npm run bench` (buildBareEleventy), in a process of its own.
 * Usage: node --import tsx bench/bare-build.ts <root> <out>; prints one JSON line.
 */
import { buildBareEleventy } from "./bare-eleventy.ts";

const [root, out] = process.argv.slice(2);
if (!root || !out) throw new Error("usage: bare-build.ts <root> <out>");
const start = process.hrtime.bigint();
const pages = await buildBareEleventy(root, out);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(JSON.stringify({ pages, timings: { render: ms } }));
