import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { REPORT_FILE } from "../../lib/inspect/report-html.ts";
import { ADMIN_CSP, CACHE, formatCsp, SECURITY_HEADERS, SITE_CSP } from "../../lib/publish/headers.ts";
import { PROJECT_DIR } from "../../lib/shared/paths.ts";

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

describe("deploy/nginx: the same headers as _headers (lib/publish/headers.ts)", () => {
  const conf = read("deploy/nginx/site.conf");
  const blocks = locationHeaders(conf);

  it("carries the pages' and the editors' Content-Security-Policy exactly as lib/publish/headers.ts writes them", () => {
    expect(blocks.get("/")?.["Content-Security-Policy"]).toBe(formatCsp(SITE_CSP));
    expect(blocks.get("/admin/")?.["Content-Security-Policy"]).toBe(formatCsp(ADMIN_CSP));
  });

  it("caches like _headers: a year for fingerprinted files, five minutes for pages, attachments and the index entry", () => {
    expect(blocks.get("/")?.["Cache-Control"]).toBe(CACHE.revalidate);
    expect(blocks.get("/assets/")?.["Cache-Control"]).toBe(CACHE.immutable);
    expect(blocks.get("~ ^/pagefind/(?:[^/]+/)?(?:fragment|index|filter)/")?.["Cache-Control"]).toBe(CACHE.immutable);
    expect(blocks.get("~ ^/pagefind/(?:[^/]+/)?[^/]+\\.pf_meta$")?.["Cache-Control"]).toBe(CACHE.immutable);
    expect(blocks.get("~ ^/pagefind/presence-[0-9a-f]+/")?.["Cache-Control"]).toBe(CACHE.immutable);
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

describe("CI recipes: GitHub Actions, GitLab CI (deploy/ci/gitlab-ci.yml), Gitea/Forgejo (deploy/ci/gitea-deploy.yml)", () => {
  interface Step {
    name?: string;
    if?: string;
    run?: string;
    uses?: string;
    with?: { path?: string };
  }
  const npmCommands = (scripts: string[]) =>
    scripts.flatMap((script) => [...script.matchAll(/\bnpm (ci|test|run [\w-]+)/g)].map((match) => match[0]));
  const EXPECTED = ["npm ci", "npm run check", "npm test", "npm run build", "npm run inspect"];
  const github = parse(read(".github/workflows/deploy.yml")) as { jobs: { build: { steps: Step[] } } };
  const gitea = parse(read("deploy/ci/gitea-deploy.yml")) as { jobs: { build: { steps: Step[] } } };
  const gitlab = parse(read("deploy/ci/gitlab-ci.yml")) as Record<
    string,
    { script?: string[]; needs?: string[]; artifacts?: { paths?: string[] } }
  >;

  it("run the same npm steps in the same order: install, check, test, build, inspect", () => {
    expect(npmCommands(github.jobs.build.steps.map((step) => step.run ?? ""))).toEqual(EXPECTED);
    expect(npmCommands(gitea.jobs.build.steps.map((step) => step.run ?? ""))).toEqual(EXPECTED);
    expect(npmCommands(gitlab.site?.script ?? [])).toEqual(EXPECTED);
  });

  it("skip only the test suite on the schedule", () => {
    for (const steps of [github.jobs.build.steps, gitea.jobs.build.steps]) {
      const guarded = steps
        .filter((step) => step.if === "github.event_name != 'schedule'")
        .map((step) => step.run ?? step.uses);
      expect(guarded.some((run) => run === "npm test")).toBe(true);
      expect(guarded.filter((run) => run && /npm (ci|run)/.test(run))).toEqual([]);
    }
    expect((gitlab.site?.script ?? []).find((line) => line.includes("npm test"))).toMatch(
      /CI_PIPELINE_SOURCE" != "schedule"/,
    );
  });

  it("publish only after the inspection, which fails the job on a 单项否决 failure", () => {
    const githubRuns = github.jobs.build.steps.map((step) => step.run ?? step.uses ?? "");
    const inspect = githubRuns.findIndex((run) => run.startsWith("npm run inspect"));
    expect(inspect).toBeLessThan(githubRuns.findIndex((run) => run.startsWith("actions/upload-pages-artifact")));
    expect(githubRuns[inspect]).toContain('--summary "$GITHUB_STEP_SUMMARY"');
    const giteaRuns = gitea.jobs.build.steps.map((step) => step.run ?? step.uses ?? "");
    expect(giteaRuns.findIndex((run) => run.startsWith("npm run inspect"))).toBeLessThan(
      giteaRuns.findIndex((run) => run.includes("rsync")),
    );
    expect(gitlab.deploy?.needs).toEqual(["site"]);
  });

  it("keep the HTML inspection report as an artifact from outside the published _site (it lists drafts)", () => {
    for (const steps of [github.jobs.build.steps, gitea.jobs.build.steps]) {
      const upload = steps.find((step) => step.name === "Keep the inspection report");
      expect(upload?.with?.path).toBe(REPORT_FILE);
    }
    expect(gitlab.site?.artifacts?.paths).toEqual(["_site/", REPORT_FILE]);
    for (const file of [".github/workflows/deploy.yml", "deploy/ci/gitea-deploy.yml", "deploy/ci/gitlab-ci.yml"])
      expect(read(file), file).not.toContain("admin/inspect");
  });
});
