import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadGroup } from "../../lib/group/index.ts";
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
    env?: Record<string, string>;
  }
  interface Job {
    if?: string;
    needs?: string | string[];
    steps: Step[];
    strategy?: {
      "fail-fast"?: boolean;
      matrix: { include: { site: string; root: string; endpoint?: string; bucket?: string }[] };
    };
  }
  interface GitLabJob {
    script?: string[];
    rules?: { if: string }[];
    parallel?: { matrix: { SITE: string; SITE_ROOT: string; DEPLOY_ENDPOINT?: string; DEPLOY_BUCKET?: string }[] };
    artifacts?: { paths?: string[] };
  }
  const npmCommands = (scripts: string[]) =>
    scripts.flatMap((script) => [...script.matchAll(/\bnpm (ci|test|run [\w-]+)/g)].map((match) => match[0]));
  const TEST = ["npm ci", "npm test"];
  const SITE = ["npm ci", "npm run check", "npm run build", "npm run inspect", "npm run deploy"];
  const github = parse(read(".github/workflows/deploy.yml")) as { jobs: Record<string, Job> };
  const gitea = parse(read("deploy/ci/gitea-deploy.yml")) as { jobs: Record<string, Job> };
  const gitlab = parse(read("deploy/ci/gitlab-ci.yml")) as Record<string, GitLabJob>;
  const runs = (job: Job | undefined) => (job?.steps ?? []).map((step) => step.run ?? step.uses ?? "");
  const expression = (text: string) => `\${{ ${text} }}`;
  const group = loadGroup(PROJECT_DIR).sites.map((site) => ({ site: site.name, root: site.root }));

  it("test once, then run the same npm steps for each site: install, check, build, inspect, each with --site", () => {
    for (const workflow of [github, gitea]) {
      expect(npmCommands(runs(workflow.jobs.test))).toEqual(TEST);
      expect(npmCommands(runs(workflow.jobs.build))).toEqual(SITE);
      for (const run of runs(workflow.jobs.build).filter((line) => /npm run (check|build|inspect)/.test(line)))
        expect(run).toContain(`--site ${expression("matrix.site")}`);
    }
    expect(npmCommands(gitlab.test?.script ?? [])).toEqual(TEST);
    expect(npmCommands(gitlab.site?.script ?? [])).toEqual(SITE);
    for (const line of (gitlab.site?.script ?? []).filter((entry) => /npm run (check|build|inspect)/.test(entry)))
      expect(line).toContain('--site "$SITE"');
  });

  it("publish a site of the matrix that names a bucket with npm run deploy, keys from the secrets, and no rsync", () => {
    const secrets = {
      DEPLOY_ACCESS_KEY_ID: expression("secrets.DEPLOY_ACCESS_KEY_ID"),
      DEPLOY_SECRET_ACCESS_KEY: expression("secrets.DEPLOY_SECRET_ACCESS_KEY"),
    };
    for (const workflow of [github, gitea]) {
      const steps = workflow.jobs.build?.steps ?? [];
      const deploy = steps.find((step) => step.run?.startsWith("npm run deploy"));
      expect(deploy?.run).toBe(
        `npm run deploy -- --root "${expression("matrix.root")}" --endpoint "${expression("matrix.endpoint")}" --bucket "${expression("matrix.bucket")}"`,
      );
      expect(deploy?.if?.replace(/^\$\{\{ | \}\}$/g, "")).toBe("matrix.bucket");
      expect(deploy?.env).toEqual(secrets);
      expect(steps.indexOf(deploy as Step)).toBeGreaterThan(
        steps.findIndex((step) => step.run?.startsWith("npm run inspect")),
      );
      const rsync = steps.find((step) => step.run?.includes("rsync"));
      if (rsync) expect(rsync.if).toBe(expression("!matrix.bucket"));
      const withBucket = workflow.jobs.build?.strategy?.matrix.include.filter((entry) => entry.bucket) ?? [];
      expect(withBucket.length).toBeGreaterThan(0);
      for (const entry of withBucket) expect(entry.endpoint).toMatch(/^https:\/\/[^/]+$/);
    }
    const script = gitlab.site?.script ?? [];
    const deploy = script.find((line) => line.includes("npm run deploy"));
    expect(deploy).toContain('[ -n "$DEPLOY_BUCKET" ]');
    expect(deploy).toContain(
      'npm run deploy -- --root "$SITE_ROOT" --endpoint "$DEPLOY_ENDPOINT" --bucket "$DEPLOY_BUCKET"',
    );
    expect(script.find((line) => line.includes("rsync"))).toContain('[ -z "$DEPLOY_BUCKET" ]');
    expect(gitlab.site?.parallel?.matrix.some((entry) => entry.DEPLOY_BUCKET && entry.DEPLOY_ENDPOINT)).toBe(true);
  });

  it("build the group as a matrix, one job a site, none stopping the others", () => {
    for (const workflow of [github, gitea]) {
      expect(workflow.jobs.build?.strategy?.["fail-fast"]).toBe(false);
      expect(workflow.jobs.build?.strategy?.matrix.include.map(({ site, root }) => ({ site, root }))).toEqual(group);
      expect(workflow.jobs.build?.if).toBe(expression("!cancelled() && needs.test.result != 'failure'"));
    }
    expect(gitlab.site?.parallel?.matrix.map(({ SITE, SITE_ROOT }) => ({ site: SITE, root: SITE_ROOT }))).toEqual(
      group,
    );
  });

  it("skip only the test suite on the schedule", () => {
    for (const workflow of [github, gitea]) {
      expect(workflow.jobs.test?.if).toBe("github.event_name != 'schedule'");
      expect(workflow.jobs.build?.steps.filter((step) => step.if?.includes("schedule"))).toEqual([]);
    }
    expect(gitlab.test?.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE != "schedule"' }]);
    expect(gitlab.site?.rules).toBeUndefined();
  });

  it("publish only after the inspection, which fails the job on a 单项否决 failure", () => {
    const githubRuns = runs(github.jobs.build);
    const inspect = githubRuns.findIndex((run) => run.startsWith("npm run inspect"));
    expect(inspect).toBeLessThan(githubRuns.findIndex((run) => run.startsWith("actions/upload-pages-artifact")));
    expect(githubRuns[inspect]).toContain('--summary "$GITHUB_STEP_SUMMARY"');
    const giteaRuns = runs(gitea.jobs.build);
    expect(giteaRuns.findIndex((run) => run.startsWith("npm run inspect"))).toBeLessThan(
      giteaRuns.findIndex((run) => run.includes("rsync")),
    );
    const gitlabScript = gitlab.site?.script ?? [];
    expect(gitlabScript.findIndex((line) => line.startsWith("npm run inspect"))).toBeLessThan(
      gitlabScript.findIndex((line) => line.includes("rsync")),
    );
    expect(github.jobs.deploy?.needs).toBe("build");
  });

  it("keep each site's HTML inspection report as an artifact from outside its published _site (it lists drafts)", () => {
    for (const workflow of [github, gitea]) {
      const upload = workflow.jobs.build?.steps.find((step) => step.name === "Keep the inspection report");
      expect(upload?.with?.path).toBe(`${expression("matrix.root")}/${REPORT_FILE}`);
    }
    expect(gitlab.site?.artifacts?.paths).toEqual(["$SITE_ROOT/_site/", `$SITE_ROOT/${REPORT_FILE}`]);
    for (const file of [".github/workflows/deploy.yml", "deploy/ci/gitea-deploy.yml", "deploy/ci/gitlab-ci.yml"])
      expect(read(file), file).not.toContain("admin/inspect");
  });
});

describe("deploy/nginx/group-origins.conf", () => {
  it("lists the address of every site of the group, and nothing else", () => {
    const listed = [...read("deploy/nginx/group-origins.conf").matchAll(/^\s*"([^"]+)"\s+\$http_origin;/gm)].map(
      (match) => match[1],
    );
    const urls = loadGroup(PROJECT_DIR).sites.map(
      (site) => (parse(readFileSync(path.join(site.dir, "_data/site.yaml"), "utf8")) as { url: string }).url,
    );
    expect(listed).toEqual(urls);
  });
});
