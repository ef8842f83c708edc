import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readBuiltFolder } from "../../../lib/deploy/index.ts";
import { headersFor, parseHeaders } from "../../../lib/publish/index.ts";
import { contentType } from "../../../lib/shared/index.ts";
import { listSiteFiles } from "../../helpers/html.ts";
import { sampleSite } from "../../helpers/sample-site.ts";

describe("readBuiltFolder", () => {
  it("gives every file of the sample but _headers and the assets' .gz copies the Cache-Control _headers gives its path", () => {
    const siteDir = sampleSite();
    const files = readBuiltFolder(siteDir);
    const paths = files.map((file) => file.path);
    expect(paths).toEqual(
      listSiteFiles(siteDir).filter((file) => file !== "_headers" && !/^assets\/.+\.gz$/.test(file)),
    );
    expect(listSiteFiles(siteDir).some((file) => /^assets\/.+\.css\.gz$/.test(file))).toBe(true);
    const rules = parseHeaders(readFileSync(path.join(siteDir, "_headers"), "utf8"));
    for (const file of files) {
      expect(file.headers.cacheControl, file.path).toBe(
        headersFor(rules, `/${file.path}`)["Cache-Control"]?.join(", "),
      );
      expect(file.headers.contentType, file.path).toBe(contentType(file.path));
      expect(file.headers.contentEncoding, file.path).toBeUndefined();
    }
    expect(new Set(files.map((file) => file.digest)).size).toBeGreaterThan(files.length * 0.9);
  });
});
