import { describe, expect, it } from "vitest";
import { type LocalFile, planDeploy, uploadGroups } from "../../../lib/deploy/index.ts";
import { emptyManifest } from "../../../lib/deploy/manifest.ts";
import { CACHE } from "../../../lib/publish/index.ts";

const file = (path: string, digest = `d-${path}`, cacheControl: string = CACHE.revalidate): LocalFile => ({
  path,
  file: `/site/${path}`,
  size: 10,
  headers: { contentType: "text/html; charset=utf-8", cacheControl },
  digest,
});
const NOW = new Date("2026-12-07T08:00:00Z");

describe("uploadGroups", () => {
  it("sends fingerprinted files first, then the search index, other files, pages deepest first, feeds, the sitemap index last", () => {
    const groups = uploadGroups([
      file("sitemap.xml"),
      file("index.html"),
      file("robots.txt"),
      file("gzdt/index.html"),
      file("articles/2024/a/index.html"),
      file("sitemap-articles-2024.xml"),
      file("feed.xml"),
      file("favicon.ico"),
      file("pagefind/pagefind-entry.json"),
      file("pagefind/fragment/x.pf_fragment", "f", CACHE.immutable),
      file("assets/site.1a2b.css", "c", CACHE.immutable),
      file("files/2024/a.pdf"),
    ]);
    expect(groups.map((group) => group.map((entry) => entry.path))).toEqual([
      ["assets/site.1a2b.css", "files/2024/a.pdf", "pagefind/fragment/x.pf_fragment"],
      ["pagefind/pagefind-entry.json"],
      ["favicon.ico"],
      ["articles/2024/a/index.html"],
      ["gzdt/index.html"],
      ["index.html"],
      ["feed.xml", "sitemap-articles-2024.xml"],
      ["robots.txt", "sitemap.xml"],
    ]);
  });
});

describe("planDeploy", () => {
  it("uploads what is new, changed or unconfirmed and leaves the rest", () => {
    const manifest = { ...emptyManifest(), objects: { "a.html": "d-a.html", "b.html": "old", "c.html": null } };
    const plan = planDeploy([file("a.html"), file("b.html"), file("c.html"), file("d.html")], manifest, {
      now: NOW,
      keepHours: 24,
    });
    expect(plan.added).toEqual(["d.html"]);
    expect(plan.changed).toEqual(["b.html", "c.html"]);
    expect(plan.unchanged).toBe(1);
    expect(plan.deletes).toEqual([]);
  });

  it("deletes pages gone from the build at once and keeps fingerprinted files for the grace period", () => {
    const manifest = {
      ...emptyManifest(),
      objects: { "old/index.html": "x", "assets/site.old.css": "y", "pagefind/fragment/z.pf_fragment": "z" },
      retired: {
        "assets/site.older.css": { digest: "o", since: "2026-12-06T07:00:00Z" },
        "assets/site.recent.css": { digest: "r", since: "2026-12-07T07:00:00Z" },
      },
    };
    const plan = planDeploy([], manifest, { now: NOW, keepHours: 24 });
    expect(plan.deletes).toEqual(["assets/site.older.css", "old/index.html"]);
    expect(Object.keys(plan.retired).sort()).toEqual([
      "assets/site.old.css",
      "assets/site.recent.css",
      "pagefind/fragment/z.pf_fragment",
    ]);
    expect(plan.retired["assets/site.old.css"]).toEqual({ digest: "y", since: NOW.toISOString() });
    expect(planDeploy([], manifest, { now: NOW, keepHours: 0 }).deletes).toHaveLength(5);
  });

  it("does not upload again a kept file that comes back to the build with the same bytes", () => {
    const manifest = { ...emptyManifest(), retired: { "assets/a.css": { digest: "a", since: NOW.toISOString() } } };
    const plan = planDeploy([file("assets/a.css", "a", CACHE.immutable)], manifest, { now: NOW, keepHours: 24 });
    expect(plan.groups).toEqual([]);
    expect(plan.retired).toEqual({});
  });
});
