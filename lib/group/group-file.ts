import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import {
  type ContentProblem,
  ContentValidationError,
  parseYamlSource,
  readSettingsText,
  SITE_FILE,
  validateWithSchema,
} from "../content/index.ts";

/** Where the group file lives, relative to the repository (the group root). */
export const GROUP_FILE = "_data/group.yaml";

/** The name of the only site of a repository that has no group file: the repository itself. */
export const IMPLICIT_SITE_NAME = "default";

/** The folder the further sites of a group live in, one folder each: `sites/<name>/`. */
export const SITES_FOLDER = "sites";

const siteName = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "站点名只能用小写字母、数字和连字符，如 kgxj（用于 --site）");
const siteRoot = z
  .string()
  .refine(
    (root) => !path.isAbsolute(root) && !path.normalize(root).split(/[\\/]/).includes(".."),
    "应为仓库里的相对路径，如 sites/kgxj，或 . 表示仓库根目录",
  );

const groupSchema = z.strictObject({
  sites: z.array(z.strictObject({ name: siteName, root: siteRoot.optional() })).min(1),
});

/** One site of the group. */
export interface GroupSite {
  /** Its name, for `--site NAME`. */
  name: string;
  /** Its root (holding content/ and _data/), relative to the group root with forward slashes: `.` or `sites/kgxj`. */
  root: string;
  /** Its root as an absolute path. */
  dir: string;
  /** The line of its entry in the group file (1 without one). */
  line: number;
}

/** A repository's sites: those the group file lists, or the repository alone. */
export interface Group {
  /** The repository: where `_data/group.yaml` is and shared `_data` files fall back to. */
  root: string;
  /** Whether the repository has a group file. */
  declared: boolean;
  sites: GroupSite[];
}

/** The relative root with forward slashes, `.` for the repository itself. */
function tidyRoot(root: string): string {
  return path.posix.normalize(root.replaceAll("\\", "/")).replace(/\/$/, "") || ".";
}

/**
 * Reads `_data/group.yaml` of a repository: each site's name and root (default `sites/<name>`),
 * names and roots unique, each root holding a site file. Without the file the group is the
 * repository alone, named `default`. Throws ContentValidationError listing every problem.
 */
export function loadGroup(groupRoot: string): Group {
  const root = path.resolve(groupRoot);
  if (!existsSync(path.join(root, GROUP_FILE)))
    return { root, declared: false, sites: [{ name: IMPLICIT_SITE_NAME, root: ".", dir: root, line: 1 }] };
  const file = GROUP_FILE;
  const yaml = parseYamlSource(readSettingsText(root, file));
  if (yaml.mistake) throw new ContentValidationError([{ file, ...yaml.mistake }]);
  const { data, problems } = validateWithSchema(groupSchema, yaml, file);
  if (!data) throw new ContentValidationError(problems);
  const sites = data.sites.map((entry, index) => {
    const relative = tidyRoot(entry.root ?? `${SITES_FOLDER}/${entry.name}`);
    return { name: entry.name, root: relative, dir: path.join(root, relative), line: yaml.lineOf(["sites", index]) };
  });
  problems.push(...duplicateEntries(sites, file), ...missingSiteFiles(sites, file));
  if (problems.length > 0) throw new ContentValidationError(problems);
  return { root, declared: true, sites };
}

/** Two entries with the same name or the same root. */
function duplicateEntries(sites: readonly GroupSite[], file: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const key of ["name", "root"] as const) {
    const first = new Map<string, GroupSite>();
    sites.forEach((site, index) => {
      const earlier = first.get(site[key]);
      if (earlier) {
        const what = key === "name" ? "站点名" : "站点目录";
        problems.push({
          file,
          line: site.line,
          field: `sites[${index}].${key}`,
          message: `${what}「${site[key]}」与第 ${earlier.line} 行的站点重复，每个站点的${what}必须不同`,
        });
      } else first.set(site[key], site);
    });
  }
  return problems;
}

/** Entries whose root has no `_data/site.yaml`. */
function missingSiteFiles(sites: readonly GroupSite[], file: string): ContentProblem[] {
  return sites.flatMap((site, index) =>
    existsSync(path.join(site.dir, SITE_FILE))
      ? []
      : [
          {
            file,
            line: site.line,
            field: `sites[${index}].root`,
            message: `站点「${site.name}」的目录 ${site.root}/ 里没有站点配置文件 ${SITE_FILE}`,
          },
        ],
  );
}
