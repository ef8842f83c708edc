import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { headersFor, parseHeaders } from "../../lib/publish/headers.ts";
import { PROJECT_DIR } from "../../lib/shared/paths.ts";
import { articleFile } from "../helpers/fixture.ts";
import { listSiteFiles, readPage, siteFileHashes } from "../helpers/html.ts";
import { sampleSite } from "../helpers/sample-site.ts";

const run = promisify(execFile);
let repository: string | undefined;
afterEach(() => {
  if (repository) rmSync(repository, { recursive: true, force: true });
  repository = undefined;
});

/** A copy of the sample group (the group file, the root site, sites/kgxj) in a temporary folder. */
function copyGroup(): string {
  repository = mkdtempSync(path.join(tmpdir(), "bureau-group-"));
  for (const entry of ["_data", "content", "sites/kgxj/_data", "sites/kgxj/content"])
    cpSync(path.join(PROJECT_DIR, entry), path.join(repository, entry), { recursive: true });
  return repository;
}

/** Runs a script of scripts/ through tsx on a repository; never throws. */
async function script(name: string, root: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(
      path.join(PROJECT_DIR, "node_modules/.bin/tsx"),
      [path.join(PROJECT_DIR, "scripts", name), "--root", root, ...args],
      { cwd: PROJECT_DIR },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const edit = (file: string, from: string, to: string) => {
  const text = readFileSync(file, "utf8");
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
};

/** The search form's `data-search-group`, parsed. */
const searchGroup = (siteDir: string) =>
  JSON.parse(
    readPage(siteDir, "/search/").querySelector("[data-search-form]")?.getAttribute("data-search-group") ?? "null",
  );

describe("the 站群 (npm run build -- --site NAME | --all)", () => {
  it("builds the named site only, into its own _site, naming the other site for its search and CORS", async () => {
    const root = copyGroup();
    const result = await script("build.ts", root, "--site", "kgxj");
    expect(result.code, result.stderr).toBe(0);
    const output = path.join(root, "sites/kgxj/_site");
    expect(existsSync(path.join(root, "_site"))).toBe(false);
    expect(readPage(output, "/").querySelector('meta[name="SiteIDCode"]')?.getAttribute("content")).toBe("6502030004");
    expect(searchGroup(output)).toEqual([
      {
        id: "kjj",
        name: "克拉玛依市科学技术局",
        url: "https://kjj.klmy.gov.cn",
        bundle: "https://kjj.klmy.gov.cn/pagefind/",
      },
    ]);
    const rules = parseHeaders(readFileSync(path.join(output, "_headers"), "utf8"));
    expect(headersFor(rules, "/pagefind/pagefind-entry.json")["Access-Control-Allow-Origin"]).toEqual([
      "https://kjj.klmy.gov.cn",
    ]);
    expect(headersFor(rules, "/search/")["Access-Control-Allow-Origin"]).toBeUndefined();
    expect(existsSync(path.join(output, "articles/2024/hqzc-15t/index.html"))).toBe(true);
    expect(existsSync(path.join(output, "articles/2024/jbgs-ssxz/index.html"))).toBe(false);
  });

  it("builds every site with --all, the root site byte for byte as alone but for its search page and _headers", async () => {
    const root = copyGroup();
    const result = await script("build.ts", root, "--all");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/\[kjj\] 构建完成/);
    expect(result.stdout).toMatch(/\[kgxj\] 构建完成/);
    expect(result.stdout).toContain("2 个站点全部成功");
    const grouped = siteFileHashes(path.join(root, "_site"));
    const alone = siteFileHashes(sampleSite());
    expect([...grouped.keys()]).toEqual([...alone.keys()]);
    const differing = [...grouped].filter(([file, hash]) => alone.get(file) !== hash).map(([file]) => file);
    expect(differing).toEqual(["_headers", "search/index.html"]);
    const withoutGroup = (file: string) =>
      readFileSync(path.join(root, "_site", file), "utf8")
        .replace(/ data-search-group="[^"]*"/, "")
        .replace(/\s*<div class="search-group-results" data-search-group-results aria-live="polite"><\/div>/, "")
        .replace(/; connect-src (&#39;|')self(&#39;|') https:\/\/kgxj\.klmyq\.gov\.cn/, "")
        .replace("/pagefind/*\n  Access-Control-Allow-Origin: https://kgxj.klmyq.gov.cn\n", "");
    for (const file of differing)
      expect(withoutGroup(file), file).toBe(readFileSync(path.join(sampleSite(), file), "utf8"));
    expect(searchGroup(path.join(root, "_site"))[0].url).toBe("https://kgxj.klmyq.gov.cn");
    expect(listSiteFiles(path.join(root, "sites/kgxj/_site"))).toContain("articles/2024/gyqy-szhzx/index.html");
  });

  it("publishes the other sites when one is broken, exits 1 and names the broken one in the summary", async () => {
    const root = copyGroup();
    writeFileSync(
      path.join(root, "sites/kgxj/content/articles/2024/bad.md"),
      articleFile({ title: "栏目写错", date: "2024-07-01", column: "没有这个栏目" }),
    );
    const result = await script("build.ts", root, "--all");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\[kgxj\] sites\/kgxj\/content\/articles\/2024\/bad\.md:4: column: /);
    expect(result.stderr).toContain("站群构建有 1 个站点失败 (1 of 2 sites failed): kgxj");
    expect(result.stderr).toMatch(/✗ kgxj \(sites\/kgxj\) 失败，退出码 1/);
    expect(result.stderr).toMatch(/✓ kjj \(\.\)/);
    expect(existsSync(path.join(root, "_site/index.html"))).toBe(true);
    expect(existsSync(path.join(root, "sites/kgxj/_site"))).toBe(false);
  });

  it("refuses a site name the group does not have, listing the names it has", async () => {
    const root = copyGroup();
    for (const name of ["build.ts", "check.ts"]) {
      const result = await script(name, root, "--site", "kqj");
      expect(result.code, name).toBe(1);
      expect(result.stderr.trim(), name).toBe(
        "不认识的站点「kqj」，站群里有：kjj、kgxj（见 _data/group.yaml）(unknown site kqj; known: kjj, kgxj)",
      );
    }
    expect(existsSync(path.join(root, "_site"))).toBe(false);
  });

  it("refuses two sites with the same address or 网站标识码, at the later site's file and line, building nothing", async () => {
    const root = copyGroup();
    const siteFile = path.join(root, "sites/kgxj/_data/site.yaml");
    edit(siteFile, "url: https://kgxj.klmyq.gov.cn", "url: https://kjj.klmy.gov.cn/");
    edit(siteFile, 'id_code: "6502030004"', 'id_code: "6502000011"');
    const result = await script("build.ts", root, "--all");
    expect(result.code).toBe(1);
    expect(result.stderr.split("\n").filter(Boolean)).toEqual([
      "站群配置有问题，未构建任何站点 (the group is invalid, nothing built):",
      "sites/kgxj/_data/site.yaml:4: url: 网站地址「https://kjj.klmy.gov.cn」与站点「kjj」（_data/site.yaml 第 4 行）相同，站群里每个站点的网站地址必须不同",
      "sites/kgxj/_data/site.yaml:9: id_code: 网站标识码「6502000011」与站点「kjj」（_data/site.yaml 第 9 行）相同，站群里每个站点的网站标识码必须不同",
    ]);
    expect(existsSync(path.join(root, "_site"))).toBe(false);
    expect(existsSync(path.join(root, "sites/kgxj/_site"))).toBe(false);
    expect((await script("build.ts", root, "--site", "kjj")).code).toBe(1);
    expect(existsSync(path.join(root, "_site"))).toBe(false);
  });
});
