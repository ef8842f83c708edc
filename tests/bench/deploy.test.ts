import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { benchDeploy, deployTable } from "../../bench/deploy.ts";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

describe("benchDeploy", { timeout: 180_000 }, () => {
  it("deploys a small archive whole, then only what one new article changed", async () => {
    const work = mkdtempSync(path.join(tmpdir(), "bureau-bench-deploy-"));
    try {
      const result = await benchDeploy(30, work);
      expect(result.first.uploaded).toBe(result.first.files);
      expect(result.first.megabytes).toBeGreaterThan(0);
      expect(result.oneNewArticle.files).toBeGreaterThan(result.first.files);
      expect(result.oneNewArticle.uploaded).toBeGreaterThan(0);
      expect(result.oneNewArticle.uploaded).toBeLessThan(result.first.files / 2);
      expect(result.oneNewArticle.deleted).toBe(0);
      const table = deployTable(result);
      expect(table).toContain(`| after one new article | ${result.oneNewArticle.files} |`);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
