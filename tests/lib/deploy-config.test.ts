import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_DIR } from "../../lib/eleventy.ts";
import { ADMIN_CSP, CACHE, formatCsp, SECURITY_HEADERS, SITE_CSP } from "../../lib/headers.ts";

const read = (file: string) => readFileSync(path.join(PROJECT_DIR, file), "utf8");

/** The `add_header NAME "VALUE"` lines of each `location … {` block of an nginx file, by the location's pattern. */
function locationHeaders(conf: string): Map<string, Record<string, string>> {
  const blocks = new Map<string, Record<string, string>>();
  for (const match of conf.matchAll(/^\s*location\s+([^{]+?)\s*\{([^}]*)\}/gm)) {
    const headers: Record<string, string> = {};
    for (const header of (match[2] ?? "").matchAll(/add_header\s+(\S+)\s+"([^"]*)"/g))
      headers[header[1] as string] = header[2] as string;
    blocks.set((match[1] ?? "").trim(), headers);
  }
  return blocks;
}

describe("deploy/nginx: the same headers as _headers (lib/headers.ts)", () => {
  const conf = read("deploy/nginx/site.conf");
  const blocks = locationHeaders(conf);

  it("carries the pages' and the editors' Content-Security-Policy exactly as lib/headers.ts writes them", () => {
    expect(blocks.get("/")?.["Content-Security-Policy"]).toBe(formatCsp(SITE_CSP));
    expect(blocks.get("/admin/")?.["Content-Security-Policy"]).toBe(formatCsp(ADMIN_CSP));
  });

  it("caches like _headers: a year for fingerprinted files, five minutes for pages, attachments and the index entry", () => {
    expect(blocks.get("/")?.["Cache-Control"]).toBe(CACHE.revalidate);
    expect(blocks.get("/assets/")?.["Cache-Control"]).toBe(CACHE.immutable);
    expect(blocks.get("~ ^/pagefind/(?:fragment|index|filter)/")?.["Cache-Control"]).toBe(CACHE.immutable);
    expect(blocks.get("~ ^/pagefind/[^/]+\\.pf_meta$")?.["Cache-Control"]).toBe(CACHE.immutable);
    expect(blocks.get("/pagefind/")?.["Cache-Control"]).toBe(CACHE.revalidate);
    expect(blocks.get("/files/")?.["Cache-Control"]).toBe(CACHE.revalidate);
    expect(blocks.get("/admin/")?.["Cache-Control"]).toBe("no-cache");
  });

  it("includes the security headers in every location that adds a header, with the values of SECURITY_HEADERS", () => {
    const snippet = read("deploy/nginx/security-headers.conf");
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      expect(snippet).toContain(`add_header ${name} "${value}" always;`);
    for (const block of conf.matchAll(/^\s*location\s+([^{]+?)\s*\{([^}]*)\}/gm))
      if (block[2]?.includes("add_header"))
        expect(block[2], block[1]).toContain("include snippets/kjj-security-headers.conf;");
  });
});
