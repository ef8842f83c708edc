import path from "node:path";
import { fileURLToPath } from "node:url";

/** The project folder: where `_includes/` (layouts, styles, scripts), `lib/` and `node_modules/` live. */
export const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Where a site keeps what later builds may use again (QR codes, search shards, page manifests); gitignored, safe to delete. */
export const CACHE_DIR = ".cache";
