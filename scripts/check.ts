import path from "node:path";
import { parseArgs } from "node:util";
import { checkContent } from "../lib/check.ts";

/** `npm run check [-- --root DIR]`: validate all content without building; exit 1 on any problem. */
const { values } = parseArgs({ options: { root: { type: "string", default: "." } } });
const report = checkContent(path.resolve(values.root));
(report.exitCode === 0 ? console.log : console.error)(report.output);
process.exitCode = report.exitCode;
