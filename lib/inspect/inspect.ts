import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import {
  type ContentProblem,
  ContentValidationError,
  collectProblems,
  loadCatalog,
  loadSite,
  parseYamlSource,
  SITE_FILE,
} from "../content/index.ts";
import { normalizeNewlines, parseContentDate, toIsoWithOffset } from "../shared/index.ts";
import { type BuiltSite, checkDates, checkPageMeta } from "./built-pages.ts";
import { DEFAULT_WARN_DAYS, type InspectContext } from "./context.ts";
import { checkExternalLinks, externalReferences } from "./external-links.ts";
import { checkColumnsUpdated, checkEmptyColumns, checkHomeUpdated } from "./freshness.ts";
import { checkJiucuo, checkPublicInformation, checkServiceEntries } from "./government-entries.ts";
import { checkSiteIdentity } from "./identity.ts";
import { checkLinks } from "./links.ts";
import { checkUrls, type OnlineOptions } from "./online.ts";
import { checkPending } from "./pending.ts";
import { checkPersonalData } from "./personal-data.ts";
import { checkAnnualReports, checkInterpretations } from "./policy-documents.ts";
import { createSourceReader } from "./sources.ts";
import { assembleReport, type CheckResult, type InspectionReport } from "./types.ts";
import { loadWordList, WORD_LIST_FILE } from "./word-list.ts";
import { checkWrongWords } from "./wrong-words.ts";

export interface InspectOptions {
  /** The site root holding content/ and _data/. */
  root: string;
  /** The moment to judge the site at, `YYYY-MM-DD` or `YYYY-MM-DD HH:mm` in the site's zone; default now. */
  now?: string;
  /** The built site to check pages in; default `<root>/_site` when it exists; `false` for none. */
  siteDir?: string | false;
  /** Check external links over the network (off by default: the build machine has no internet). */
  online?: boolean | OnlineOptions;
  /** A site root whose word list is used when the site has none (the project's starter list). */
  wordListFallback?: string;
}

/** An inspection that ran, or the content problems that kept it from running (as `npm run check` lists them). */
export type InspectOutcome =
  | { report: InspectionReport; problems?: undefined }
  | { report?: undefined; problems: ContentProblem[] };

/** The built site of `options`, with file labels relative to the root where the site lies inside it. */
export function resolveBuiltSite(root: string, siteDir: string | false | undefined): BuiltSite | undefined {
  if (siteDir === false) return undefined;
  const dir = path.resolve(root, siteDir ?? "_site");
  if (!existsSync(path.join(dir, "index.html"))) return undefined;
  const relative = path.relative(root, dir);
  const prefix = relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : dir;
  return { dir, label: (file) => `${prefix.split(path.sep).join("/")}/${file}` };
}

/**
 * Inspects a site against the inspection indicators: loads its content as a build at `now` would
 * publish it (and once more with drafts and scheduled items), its word list and, when there is
 * one, the built site, then runs every check. Throws only for errors that are not content problems.
 */
export async function inspectSite(options: InspectOptions): Promise<InspectOutcome> {
  const root = path.resolve(options.root);
  const problems: ContentProblem[] = [];
  let site: ReturnType<typeof loadSite>;
  try {
    site = loadSite(root);
  } catch (error) {
    if (error instanceof ContentValidationError) return { problems: [...error.problems] };
    throw error;
  }
  const now = options.now
    ? (parseContentDate(options.now, site.time_zone) ?? DateTime.invalid("--now"))
    : DateTime.now().setZone(site.time_zone);
  if (!now.isValid) throw new RangeError(`无效的时间 --now ${options.now}`);
  const content = collectProblems(() => loadCatalog({ root, now }), problems);
  if (!content) return { problems };
  const previewProblems: ContentProblem[] = [];
  const preview = collectProblems(() => loadCatalog({ root, preview: true, now }), previewProblems) ?? content;

  const siteYaml = parseYamlSource(normalizeNewlines(readFileSync(path.join(root, SITE_FILE), "utf8")));
  const context: InspectContext = {
    root,
    now,
    content,
    preview,
    sources: createSourceReader(root),
    siteLine: (yamlPath) => siteYaml.lineOf(yamlPath),
    warnDays: site.inspection?.warn_days_before ?? DEFAULT_WARN_DAYS,
  };

  const notes: string[] = [];
  let wordRoot = root;
  if (!existsSync(path.join(root, WORD_LIST_FILE)) && options.wordListFallback) {
    wordRoot = options.wordListFallback;
    notes.push(`本站没有 ${WORD_LIST_FILE}，用了项目自带的起步词表：复制到本站后可以增删`);
  }
  const words = loadWordList(wordRoot);

  const built = resolveBuiltSite(root, options.siteDir);
  const references = externalReferences(context);
  const online = options.online
    ? await checkUrls(
        references.map((reference) => reference.target),
        options.online === true ? {} : options.online,
      )
    : undefined;

  const results: CheckResult[] = [
    checkHomeUpdated(context),
    checkColumnsUpdated(context),
    checkEmptyColumns(context),
    checkWrongWords(context, words.list, words.problems, notes),
    checkPersonalData(context),
    checkServiceEntries(context, online),
    checkLinks(context),
    checkExternalLinks(references, online),
    checkSiteIdentity(site, context.siteLine),
    checkPageMeta(content, built),
    checkJiucuo(content, built),
    checkPublicInformation(content),
    checkAnnualReports(context),
    checkInterpretations(context),
    checkDates(content, built),
    checkPending(context, previewProblems),
  ];
  const report = assembleReport(
    {
      siteName: site.name,
      now: toIsoWithOffset(now),
      timeZone: site.time_zone,
      siteDir: built ? built.label("").replace(/\/$/, "") : undefined,
    },
    results,
  );
  return { report };
}
